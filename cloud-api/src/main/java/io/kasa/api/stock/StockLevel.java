package io.kasa.api.stock;

/**
 * An item's stock at a store.
 *
 * @param itemId the item
 * @param sku its stock-keeping unit
 * @param name its name
 * @param unit EACH, KILOGRAM or LITRE
 * @param active whether it is on sale
 * @param stock the quantity, three decimals; below zero when more was sold than was recorded
 * @param negative whether the stock is below zero (selling never waits for stock: a flag to check)
 */
public record StockLevel(
    String itemId,
    String sku,
    String name,
    String unit,
    boolean active,
    String stock,
    boolean negative) {}
