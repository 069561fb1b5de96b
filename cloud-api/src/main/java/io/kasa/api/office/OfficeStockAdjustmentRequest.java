package io.kasa.api.office;

/**
 * An adjustment of an item's stock at a store made in the back office ({@code Idempotency-Key} =
 * the adjustment's UUID).
 *
 * @param itemId the item
 * @param reason COUNT, RECEIVED, DAMAGE, THEFT or CORRECTION
 * @param quantity for a COUNT, the quantity on the shelf (0 or more); otherwise the signed change:
 *     positive for RECEIVED, negative for DAMAGE and THEFT, either for a CORRECTION
 * @param note a note of up to 200 characters, or null
 */
public record OfficeStockAdjustmentRequest(
    String itemId, String reason, String quantity, String note) {}
