package io.kasa.api.shifts;

import java.time.Instant;
import java.util.UUID;

/**
 * A shift.
 *
 * @param id the shift
 * @param terminalId its terminal
 * @param openedAt when it opened
 * @param openingFloat the float
 * @param closedAt when it closed, or null while open
 */
public record ShiftDto(
    UUID id, UUID terminalId, Instant openedAt, long openingFloat, Instant closedAt) {}
