package io.kasa.api.office;

/**
 * An item's stock at a store, as the Stock screen lists it.
 *
 * @param itemId the item
 * @param sku its SKU
 * @param name its name
 * @param unit EACH, KILOGRAM or LITRE
 * @param active whether it is still sold
 * @param onHand the quantity at the store: the sum of its movements there, three decimals
 * @param reorderLevel the store's reorder level for it (three decimals), or null when none is set
 * @param state OK; LOW at or below the reorder level; OUT at zero with a reorder level set; NONE at
 *     zero without one (nothing kept, e.g. a dish cooked to order); NEGATIVE below zero (more sold
 *     than recorded)
 */
public record OfficeStockLevel(
    String itemId,
    String sku,
    String name,
    String unit,
    boolean active,
    String onHand,
    String reorderLevel,
    String state) {}
