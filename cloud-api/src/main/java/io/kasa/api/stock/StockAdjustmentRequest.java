package io.kasa.api.stock;

/**
 * A change to a store's stock of one item that is not a sale, refund or void ({@code
 * Idempotency-Key} = the adjustment's UUID). A count says what is there; every other reason says
 * how much came or went.
 *
 * @param itemId the item
 * @param reason COUNT, DAMAGE, THEFT, RECEIVED or CORRECTION
 * @param counted for COUNT only: the quantity counted on the shelf, e.g. {@code "12"} or {@code
 *     "3.250"}
 * @param change for the other reasons: the signed quantity that came (RECEIVED, positive) or went
 *     (DAMAGE, THEFT, negative); a CORRECTION either way
 * @param note what a person wants to remember about it, or null
 */
public record StockAdjustmentRequest(
    String itemId, String reason, String counted, String change, String note) {}
