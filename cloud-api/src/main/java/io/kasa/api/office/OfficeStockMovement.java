package io.kasa.api.office;

import java.time.Instant;

/**
 * One movement of an item's stock at a store.
 *
 * @param id the movement's number
 * @param at when it was recorded
 * @param reason SALE, REFUND, VOID, COUNT, DAMAGE, THEFT, RECEIVED or CORRECTION
 * @param change what it moved the stock by, signed, three decimals
 * @param counted for a COUNT, the quantity counted; otherwise null
 * @param balance the stock right after it
 * @param note the note given with an adjustment, or null
 * @param receipt the sale's or refund's receipt number, or null
 * @param byKind who made it: EMPLOYEE (at a till), OFFICE (a back-office account) or SYSTEM (an
 *     admin command, or the service's own migration)
 * @param by the employee's name or the account's email, or null for SYSTEM
 * @param terminal the till's name, or null
 */
public record OfficeStockMovement(
    long id,
    Instant at,
    String reason,
    String change,
    String counted,
    String balance,
    String note,
    String receipt,
    String byKind,
    String by,
    String terminal) {}
