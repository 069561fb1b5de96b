package io.kasa.domain.tax;

import io.kasa.domain.money.Money;

/**
 * One rate's share of a receipt: {@code net + tax = gross}.
 *
 * @param rate the rate
 * @param net the amount without tax
 * @param tax the tax
 * @param gross the amount with tax
 */
public record TaxBreakdownLine(TaxRate rate, Money net, Money tax, Money gross) {

  public TaxBreakdownLine {
    if (!net.plus(tax).equals(gross)) {
      throw new IllegalArgumentException(
          "Breakdown of "
              + rate.label()
              + " does not add up: "
              + net
              + " + "
              + tax
              + " != "
              + gross);
    }
  }
}
