package io.kasa.api.stock;

import java.time.Instant;

/**
 * An adjustment as recorded.
 *
 * @param id the adjustment's UUID (its Idempotency-Key)
 * @param storeId the store
 * @param itemId the item
 * @param reason COUNT, DAMAGE, THEFT, RECEIVED or CORRECTION
 * @param change the signed quantity it moved the stock by (for a COUNT, counted minus what the
 *     ledger held)
 * @param counted for a COUNT, the quantity counted; otherwise null
 * @param note the note, or null
 * @param at when it was recorded
 * @param employeeId who made it
 * @param stock the item's stock at the store now, this adjustment and any since included
 * @param negative whether that stock is below zero
 */
public record StockAdjustment(
    String id,
    String storeId,
    String itemId,
    String reason,
    String change,
    String counted,
    String note,
    Instant at,
    String employeeId,
    String stock,
    boolean negative) {}
