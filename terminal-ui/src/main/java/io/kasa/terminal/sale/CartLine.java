package io.kasa.terminal.sale;

/**
 * One line of the cart as shown.
 *
 * @param number the sale's line number
 * @param name the item's name, whole
 * @param quantity the quantity, in the store's format
 * @param price the unit price
 * @param amount what the line costs
 * @param tax the tax marker printed on the receipt (А, Б…)
 * @param voided whether the line was voided (shown struck through)
 */
public record CartLine(
    int number,
    String name,
    String quantity,
    String price,
    String amount,
    String tax,
    boolean voided) {}
