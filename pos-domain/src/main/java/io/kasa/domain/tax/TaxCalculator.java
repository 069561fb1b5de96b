package io.kasa.domain.tax;

import io.kasa.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes tax for lines under a {@link TaxPolicy}. Pure and deterministic. */
public final class TaxCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final TaxPolicy policy;

  public TaxCalculator(TaxPolicy policy) {
    this.policy = policy;
  }

  public TaxPolicy policy() {
    return policy;
  }

  /** The tax of {@code lines}, each with its own rate, all in {@code currency}. */
  public TaxResult calculate(List<TaxableAmount> lines, Currency currency) {
    Money zero = Money.zero(currency);
    Money[] lineTaxes = new Money[lines.size()];
    Map<TaxRate, List<Integer>> byRate = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      byRate.computeIfAbsent(lines.get(i).rate(), r -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<TaxRate, List<Integer>> group : byRate.entrySet()) {
      List<Integer> indices = group.getValue();
      if (policy.rounding() == TaxRounding.PER_LINE) {
        for (int i : indices) {
          lineTaxes[i] = taxOf(lines.get(i).amount(), group.getKey());
        }
      } else {
        spreadGroupTax(lines, indices, group.getKey(), lineTaxes, zero);
      }
    }
    List<TaxBreakdownLine> breakdown = new ArrayList<>();
    Money total = zero;
    List<TaxRate> rates = new ArrayList<>(byRate.keySet());
    rates.sort(Comparator.comparingInt(policy::orderOf));
    for (TaxRate rate : rates) {
      Money amount = zero;
      Money tax = zero;
      for (int i : byRate.get(rate)) {
        amount = amount.plus(lines.get(i).amount());
        tax = tax.plus(lineTaxes[i]);
      }
      breakdown.add(breakdownLine(rate, amount, tax));
      total = total.plus(tax);
    }
    return new TaxResult(List.of(lineTaxes), breakdown, total);
  }

  /** The tax contained in (inclusive) or due on (exclusive) one amount at one rate. */
  public Money taxOf(Money amount, TaxRate rate) {
    BigDecimal r = rate.rate().value();
    BigDecimal denominator = policy.mode() == TaxMode.INCLUSIVE ? HUNDRED.add(r) : HUNDRED;
    // One exact division, rounded once: no intermediate factor that could round differently.
    BigDecimal tax =
        BigDecimal.valueOf(amount.minor())
            .multiply(r)
            .divide(denominator, 0, policy.roundingMode());
    return Money.of(tax.longValueExact(), amount.currency());
  }

  /** Net, tax and gross of an amount whose tax is already known. */
  public TaxBreakdownLine breakdownLine(TaxRate rate, Money amount, Money tax) {
    return policy.mode() == TaxMode.INCLUSIVE
        ? new TaxBreakdownLine(rate, amount.minus(tax), tax, amount)
        : new TaxBreakdownLine(rate, amount, tax, amount.plus(tax));
  }

  private void spreadGroupTax(
      List<TaxableAmount> lines, List<Integer> indices, TaxRate rate, Money[] out, Money zero) {
    Money groupAmount = zero;
    long[] weights = new long[indices.size()];
    for (int k = 0; k < indices.size(); k++) {
      Money amount = lines.get(indices.get(k)).amount();
      groupAmount = groupAmount.plus(amount);
      weights[k] = amount.minor();
    }
    Money groupTax = taxOf(groupAmount, rate);
    if (groupAmount.isZero()) {
      for (int i : indices) {
        out[i] = zero;
      }
      return;
    }
    List<Money> shares = groupTax.allocate(weights);
    for (int k = 0; k < indices.size(); k++) {
      out[indices.get(k)] = shares.get(k);
    }
  }
}
