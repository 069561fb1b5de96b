package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxRate;

/**
 * The money of one active line.
 *
 * @param number the line number
 * @param rate the line's tax rate
 * @param gross quantity × charged unit price (the item's price plus its options' deltas), rounded
 * @param modifiers the part of {@code gross} the chosen options make: {@code gross} minus quantity
 *     × the item's own unit price, rounded; zero for a line with no priced options
 * @param lineDiscount the line's own discount
 * @param orderDiscount the line's share of the order discount
 * @param amount {@code gross − lineDiscount − orderDiscount}: the taxable amount (VAT-inclusive in
 *     inclusive mode, net in exclusive mode)
 * @param tax the tax in (inclusive) or on (exclusive) {@code amount}
 * @param payable what the customer pays for the line: {@code amount}, plus {@code tax} in exclusive
 *     mode
 */
public record LineTotals(
    int number,
    TaxRate rate,
    Money gross,
    Money modifiers,
    Money lineDiscount,
    Money orderDiscount,
    Money amount,
    Money tax,
    Money payable) {

  /** Both discounts together. */
  public Money discount() {
    return lineDiscount.plus(orderDiscount);
  }
}
