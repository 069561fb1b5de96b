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
 * @param extras the options chosen and the line's note (ADR 0043), one row each in the receipt's
 *     words ({@code LineExtras}); empty when none
 * @param asks whether the line's item has modifier groups (a tap changes its choices)
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
    boolean voided,
    java.util.List<String> extras,
    boolean asks) {

  public CartLine {
    extras = java.util.List.copyOf(extras);
  }
}
