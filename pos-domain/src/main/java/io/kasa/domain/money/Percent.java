package io.kasa.domain.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A non-negative percentage such as 20 %, 7 % or 8.875 %, held exactly as a decimal.
 *
 * @param value the percentage, e.g. {@code 20} for 20 %
 */
public record Percent(BigDecimal value) implements Comparable<Percent> {

  public static final Percent ZERO = new Percent(BigDecimal.ZERO);
  public static final Percent HUNDRED = new Percent(BigDecimal.valueOf(100));

  private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

  public Percent {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("A percentage cannot be negative: " + value);
    }
    if (value.scale() > 6) {
      throw new IllegalArgumentException("At most 6 decimal places in a percentage: " + value);
    }
    // One representation per value, so that 20 and 20.00 are equal.
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
  }

  public static Percent of(long whole) {
    return new Percent(BigDecimal.valueOf(whole));
  }

  /** Parses {@code "20"}, {@code "8.875"} or {@code "7 %"}. */
  public static Percent parse(String text) {
    String digits = text.replace("%", "").trim();
    try {
      return new Percent(new BigDecimal(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a percentage: '" + text + "'", e);
    }
  }

  /** The percentage as a fraction: 20 % is 0.2. */
  public BigDecimal asFraction() {
    return value.divide(ONE_HUNDRED, MathContext.UNLIMITED);
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Percent other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString() + " %";
  }
}
