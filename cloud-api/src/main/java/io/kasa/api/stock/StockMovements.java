package io.kasa.api.stock;

import java.util.List;

/**
 * A page of an item's movements at a store, newest first.
 *
 * @param storeId the store
 * @param itemId the item
 * @param stock the item's stock at the store now
 * @param movements the page
 * @param next pass as {@code before} for the older page, or null after the oldest
 */
public record StockMovements(
    String storeId, String itemId, String stock, List<StockMovementDto> movements, String next) {}
