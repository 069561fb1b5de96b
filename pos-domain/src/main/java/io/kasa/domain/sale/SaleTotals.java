package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxBreakdownLine;
import java.util.List;
import java.util.Optional;

/**
 * The totals of a sale, derived deterministically from its lines, discounts and the store's policy.
 *
 * <p>{@code total = subtotal − lineDiscounts − orderDiscount (+ tax when tax is exclusive)}; the
 * tax equals the sum of the breakdown and the sum of the lines' tax.
 *
 * @param subtotal the sum of the lines' gross amounts, before discounts
 * @param lineDiscounts the sum of line discounts
 * @param orderDiscount the order discount actually applied
 * @param tax the tax of the sale
 * @param total what the customer owes (before cash rounding)
 * @param lines the totals of each active line, in line order
 * @param taxBreakdown one entry per rate used
 */
public record SaleTotals(
    Money subtotal,
    Money lineDiscounts,
    Money orderDiscount,
    Money tax,
    Money total,
    List<LineTotals> lines,
    List<TaxBreakdownLine> taxBreakdown) {

  public SaleTotals {
    lines = List.copyOf(lines);
    taxBreakdown = List.copyOf(taxBreakdown);
  }

  /** Line and order discounts together. */
  public Money discountTotal() {
    return lineDiscounts.plus(orderDiscount);
  }

  /** The totals of line {@code number}, if it is active. */
  public Optional<LineTotals> line(int number) {
    return lines.stream().filter(l -> l.number() == number).findFirst();
  }
}
