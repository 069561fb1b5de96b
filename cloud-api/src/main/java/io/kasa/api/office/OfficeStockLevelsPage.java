package io.kasa.api.office;

import java.util.List;

/**
 * A page of a store's stock, by item id.
 *
 * @param store the store
 * @param stores the stores the account may choose from
 * @param levels the page's items with their stock
 * @param next the {@code after} of the next page, or null on the last
 */
public record OfficeStockLevelsPage(
    OfficeStockStore store,
    List<OfficeStockStore> stores,
    List<OfficeStockLevel> levels,
    String next) {}
