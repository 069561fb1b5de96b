package io.kasa.terminal.sale;

/**
 * One line of the cart as shown.
 *
 * @param number the sale's line number
 * @param name the item's name, whole
 * @param quantity the quantity, in the store's format
 * @param unit the unit of a weighed or measured item ("кг"), empty for pieces
 * @param price the unit price
 * @param amount what the line costs
 * @param tax the tax marker printed on the receipt (А, Б…)
 * @param note what changed the line's price (its discount, the price it was), or empty
 * @param voided whether the line was voided (shown struck through)
 */
public record CartLine(
    int number,
    String name,
    String quantity,
    String unit,
    String price,
    String amount,
    String tax,
    String note,
    boolean voided) {}
