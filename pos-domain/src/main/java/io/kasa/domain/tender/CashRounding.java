package io.kasa.domain.tender;

import io.kasa.domain.money.Money;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * How amounts paid in cash are rounded where small coins are out of circulation: to 0.10 UAH in
 * Ukraine, 0.05 CHF in Switzerland. Card and other tenders are never rounded.
 *
 * @param increment the smallest cash amount, e.g. 0.10 UAH; one minor unit means no rounding
 * @param mode how to round to it, usually {@code HALF_UP}
 */
public record CashRounding(Money increment, RoundingMode mode) {

  public CashRounding {
    Objects.requireNonNull(increment, "increment");
    Objects.requireNonNull(mode, "mode");
    if (!increment.isPositive()) {
      throw new IllegalArgumentException("Cash rounding increment must be positive: " + increment);
    }
  }

  /** No rounding: cash is paid to the minor unit. */
  public static CashRounding none(Currency currency) {
    return new CashRounding(Money.of(1, currency), RoundingMode.HALF_UP);
  }

  /** Rounds half up to a multiple of {@code increment}. */
  public static CashRounding to(Money increment) {
    return new CashRounding(increment, RoundingMode.HALF_UP);
  }

  /** The amount to ask in cash for {@code amount}. */
  public Money apply(Money amount) {
    return amount.roundTo(increment, mode);
  }
}
