package io.kasa.domain.tax;

import io.kasa.domain.money.Money;
import java.util.Objects;

/**
 * A line's final amount (after all discounts) and its rate, as the tax calculator sees it: gross in
 * inclusive mode, net in exclusive mode.
 *
 * @param rate the rate of the line's tax class
 * @param amount the line amount, never negative
 */
public record TaxableAmount(TaxRate rate, Money amount) {

  public TaxableAmount {
    Objects.requireNonNull(rate, "rate");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A taxable amount cannot be negative: " + amount);
    }
  }
}
