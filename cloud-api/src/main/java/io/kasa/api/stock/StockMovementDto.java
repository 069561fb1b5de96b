package io.kasa.api.stock;

import java.time.Instant;

/**
 * One movement of a store's stock of an item.
 *
 * @param id the movement's number, increasing in the order they were recorded
 * @param at when it was recorded
 * @param reason SALE, REFUND, VOID, COUNT, DAMAGE, THEFT, RECEIVED or CORRECTION
 * @param change the signed quantity, three decimals
 * @param balance the stock right after it
 * @param counted for a COUNT, the quantity counted; otherwise null
 * @param note the note given with an adjustment, or null
 * @param receiptNumber the sale's or refund's receipt number, or null
 * @param employeeId who did it (the cashier, the manager), or null for an admin command
 * @param terminalId on which terminal, or null
 */
public record StockMovementDto(
    long id,
    Instant at,
    String reason,
    String change,
    String balance,
    String counted,
    String note,
    String receiptNumber,
    String employeeId,
    String terminalId) {}
