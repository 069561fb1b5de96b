package io.kasa.domain.tax;

import io.kasa.domain.money.Money;
import java.util.List;

/**
 * The tax of a set of lines.
 *
 * @param lineTaxes the tax of each input line, in input order
 * @param breakdown one entry per rate used, in the policy's order of rates
 * @param total the sum of all tax; equal to the sum of {@code lineTaxes} and of the breakdown
 */
public record TaxResult(List<Money> lineTaxes, List<TaxBreakdownLine> breakdown, Money total) {

  public TaxResult {
    lineTaxes = List.copyOf(lineTaxes);
    breakdown = List.copyOf(breakdown);
  }
}
