package io.kasa.api.shifts;

import java.time.Instant;
import java.util.UUID;

/**
 * Opens a shift on the calling terminal ({@code Idempotency-Key} = {@code id}).
 *
 * @param id the shift's UUID, created on the terminal
 * @param openingFloat the cash in the drawer at the start, minor units
 * @param at when
 */
public record OpenShiftRequest(UUID id, long openingFloat, Instant at) {}
