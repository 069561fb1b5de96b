package io.kasa.api.office;

/**
 * A store's reorder level for an item.
 *
 * @param level the quantity at or below which the item is low there (0 or more, up to three
 *     decimals), or null to clear it
 */
public record OfficeStockReorderLevelRequest(String level) {}
