package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** Numbers typed on the keypad, with a decimal comma or point: quantities, percentages, amounts. */
final class Typed {

  private Typed() {}

  /** A quantity typed: {@code 3}, {@code 0,5}, {@code 1.25}. */
  static Optional<Quantity> quantity(String typed) {
    try {
      Quantity q = Quantity.parse(typed.strip().replace(',', '.'));
      return q.isPositive() ? Optional.of(q) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A percentage typed: 1 to 100. */
  static Optional<Percent> percent(String typed) {
    try {
      BigDecimal v = new BigDecimal(typed.strip().replace(',', '.'));
      return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0
          ? Optional.of(new Percent(v))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** An amount typed in major units: {@code 500}, {@code 500,50}. */
  static Optional<Money> money(String typed, Currency currency) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(typed.strip().replace(',', '.'));
      if (value.signum() <= 0 || value.scale() > currency.getDefaultFractionDigits()) {
        return Optional.empty();
      }
      return Optional.of(
          Money.of(
              value.movePointRight(currency.getDefaultFractionDigits()).longValueExact(),
              currency));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
