package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxCalculator;
import io.kasa.domain.tax.TaxMode;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxResult;
import io.kasa.domain.tax.TaxableAmount;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a sale's totals from its lines, order discount and policy. Pure: the terminal and the
 * service call it with the same inputs and get the same cents.
 *
 * <p>Order of operations: each line's gross is quantity × charged unit price (the item's unit price
 * plus its chosen options' deltas, ADR 0043) rounded; the line discount comes off it; the order
 * discount is taken from what is left and spread over the lines in proportion to it (exactly, by
 * largest remainder), so every rate carries its own share and its tax stays right; tax is then
 * computed on each line's final amount.
 */
public final class SaleCalculator {

  private SaleCalculator() {}

  public static SaleTotals calculate(
      List<SaleLine> lines, Discount orderDiscount, SalePolicy policy) {
    Money zero = policy.zero();
    TaxCalculator taxes = new TaxCalculator(policy.tax());
    List<SaleLine> active = lines.stream().filter(l -> !l.voided()).toList();

    int n = active.size();
    Money[] gross = new Money[n];
    Money[] lineDiscount = new Money[n];
    Money[] afterLine = new Money[n];
    TaxRate[] rates = new TaxRate[n];
    Money subtotal = zero;
    Money lineDiscounts = zero;
    for (int i = 0; i < n; i++) {
      SaleLine line = active.get(i);
      rates[i] = policy.tax().rateFor(line.item().taxClass());
      gross[i] = line.quantity().price(line.chargedUnitPrice(), policy.amountRounding());
      lineDiscount[i] =
          line.discount() == null
              ? zero
              : line.discount().amountOff(gross[i], policy.amountRounding());
      afterLine[i] = gross[i].minus(lineDiscount[i]);
      subtotal = subtotal.plus(gross[i]);
      lineDiscounts = lineDiscounts.plus(lineDiscount[i]);
    }

    Money base = subtotal.minus(lineDiscounts);
    Money orderOff =
        orderDiscount == null || base.isZero()
            ? zero
            : orderDiscount.amountOff(base, policy.amountRounding());
    List<Money> shares = spread(orderOff, afterLine, zero);

    List<TaxableAmount> taxable = new ArrayList<>(n);
    Money[] amount = new Money[n];
    for (int i = 0; i < n; i++) {
      amount[i] = afterLine[i].minus(shares.get(i));
      taxable.add(new TaxableAmount(rates[i], amount[i]));
    }
    TaxResult tax = taxes.calculate(taxable, policy.currency());

    boolean exclusive = policy.tax().mode() == TaxMode.EXCLUSIVE;
    List<LineTotals> lineTotals = new ArrayList<>(n);
    Money total = zero;
    for (int i = 0; i < n; i++) {
      Money lineTax = tax.lineTaxes().get(i);
      Money payable = exclusive ? amount[i].plus(lineTax) : amount[i];
      total = total.plus(payable);
      lineTotals.add(
          new LineTotals(
              active.get(i).number(),
              rates[i],
              gross[i],
              gross[i].minus(
                  active
                      .get(i)
                      .quantity()
                      .price(active.get(i).unitPrice(), policy.amountRounding())),
              lineDiscount[i],
              shares.get(i),
              amount[i],
              lineTax,
              payable));
    }
    return new SaleTotals(
        subtotal, lineDiscounts, orderOff, tax.total(), total, lineTotals, tax.breakdown());
  }

  private static List<Money> spread(Money orderOff, Money[] weights, Money zero) {
    if (weights.length == 0) {
      return List.of();
    }
    if (orderOff.isZero()) {
      List<Money> none = new ArrayList<>(weights.length);
      for (int i = 0; i < weights.length; i++) {
        none.add(zero);
      }
      return none;
    }
    long[] w = new long[weights.length];
    for (int i = 0; i < weights.length; i++) {
      w[i] = weights[i].minor();
    }
    return orderOff.allocate(w);
  }
}
