package io.kasa.api.office;

/**
 * An adjustment recorded.
 *
 * @param id the adjustment (its Idempotency-Key)
 * @param movement the movement it appended
 * @param level the item's stock at the store now
 */
public record OfficeStockAdjusted(
    String id, OfficeStockMovement movement, OfficeStockLevel level) {}
