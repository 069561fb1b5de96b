package io.kasa.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A quantity sold: whole units or a measured amount (0.375 kg), with three decimal places, held
 * exactly as thousandths.
 *
 * @param thousandths the quantity times 1,000
 */
public record Quantity(long thousandths) implements Comparable<Quantity> {

  public static final int SCALE = 3;
  public static final Quantity ZERO = new Quantity(0);
  public static final Quantity ONE = of(1);

  private static final long PER_UNIT = 1_000;

  public static Quantity of(long whole) {
    return new Quantity(Math.multiplyExact(whole, PER_UNIT));
  }

  /** Parses {@code "2"} or {@code "0.375"}; more than three decimals are rejected. */
  public static Quantity parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return ofDecimal(new BigDecimal(text.trim().replace(',', '.')));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a quantity: '" + text + "'", e);
    }
  }

  public static Quantity ofDecimal(BigDecimal value) {
    try {
      return new Quantity(
          value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "A quantity has at most " + SCALE + " decimal places: " + value.toPlainString(), e);
    }
  }

  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(thousandths, SCALE);
  }

  public boolean isWhole() {
    return thousandths % PER_UNIT == 0;
  }

  public boolean isPositive() {
    return thousandths > 0;
  }

  public boolean isZero() {
    return thousandths == 0;
  }

  public Quantity plus(Quantity other) {
    return new Quantity(Math.addExact(thousandths, other.thousandths));
  }

  public Quantity minus(Quantity other) {
    return new Quantity(Math.subtractExact(thousandths, other.thousandths));
  }

  /** The price of this quantity at {@code unitPrice}, rounded to minor units. */
  public Money price(Money unitPrice, RoundingMode mode) {
    return unitPrice.ratio(thousandths, PER_UNIT, mode);
  }

  @Override
  public int compareTo(Quantity other) {
    return Long.compare(thousandths, other.thousandths);
  }

  /** Plain form without trailing zeros: {@code "2"}, {@code "0.375"}. */
  @Override
  public String toString() {
    BigDecimal plain = toDecimal().stripTrailingZeros();
    return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
  }
}
