package io.kasa.domain.catalog;

import io.kasa.domain.money.Money;
import java.util.Currency;
import java.util.Optional;

/**
 * The lowest and highest price an open-price item may be sold at, each optional: a gift set from
 * 100,00 to 5 000,00 ₴. An item with neither takes any positive price.
 *
 * @param min the lowest price allowed, or null for none
 * @param max the highest price allowed, or null for none
 */
public record PriceLimits(Money min, Money max) {

  /** No limits: any positive price. */
  public static final PriceLimits NONE = new PriceLimits(null, null);

  public PriceLimits {
    if (min != null && !min.isPositive()) {
      throw new IllegalArgumentException("The lowest price must be above zero: " + min);
    }
    if (max != null && !max.isPositive()) {
      throw new IllegalArgumentException("The highest price must be above zero: " + max);
    }
    if (min != null && max != null && min.isGreaterThan(max)) {
      throw new IllegalArgumentException(
          "The lowest price " + min + " is above the highest " + max);
    }
  }

  /** Limits read from minor units, each null for none. */
  public static PriceLimits of(Long min, Long max, Currency currency) {
    if (min == null && max == null) {
      return NONE;
    }
    return new PriceLimits(
        min == null ? null : Money.of(min, currency), max == null ? null : Money.of(max, currency));
  }

  /** Whether a price is positive and within the limits. */
  public boolean allows(Money price) {
    return price.isPositive()
        && (min == null || !price.isLessThan(min))
        && (max == null || !price.isGreaterThan(max));
  }

  /** Whether there is no limit at all. */
  public boolean isNone() {
    return min == null && max == null;
  }

  public Optional<Money> lowest() {
    return Optional.ofNullable(min);
  }

  public Optional<Money> highest() {
    return Optional.ofNullable(max);
  }
}
