package io.kasa.api.shifts;

import java.time.Instant;
import java.util.UUID;

/**
 * Cash put in, taken out, or the drawer opened without a sale ({@code Idempotency-Key} = {@code
 * id}). A no-sale is a manager's action: a manager signed in, or a manager's approval by PIN.
 *
 * @param id the movement's UUID
 * @param type IN, OUT or NO_SALE
 * @param amount minor units (0 for NO_SALE)
 * @param reason why
 * @param at when
 * @param approvingManagerId a manager approving, or null
 * @param approvingManagerPin that manager's PIN, or null
 */
public record CashMovementRequest(
    UUID id,
    String type,
    long amount,
    String reason,
    Instant at,
    String approvingManagerId,
    String approvingManagerPin) {}
