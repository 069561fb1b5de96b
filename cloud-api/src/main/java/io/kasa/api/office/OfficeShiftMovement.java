package io.kasa.api.office;

import java.time.Instant;

/**
 * Cash put into or taken out of a shift's drawer, or the drawer opened without a sale.
 *
 * @param id the movement
 * @param at when, on the till's clock
 * @param type IN, OUT or NO_SALE
 * @param amount how much, in minor units (0 for a no-sale)
 * @param reason the reason typed at the till
 * @param employee who recorded it
 * @param approvedBy the manager who approved it, or null
 */
public record OfficeShiftMovement(
    String id,
    Instant at,
    String type,
    long amount,
    String reason,
    OfficeSaleRow.Named employee,
    OfficeSaleRow.Named approvedBy) {}
