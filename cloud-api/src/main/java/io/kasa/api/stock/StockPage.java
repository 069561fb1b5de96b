package io.kasa.api.stock;

import java.util.List;

/**
 * A page of a store's stock, by item id.
 *
 * @param storeId the store
 * @param items the page
 * @param next pass as {@code after} for the next page, or null after the last
 */
public record StockPage(String storeId, List<StockLevel> items, String next) {}
