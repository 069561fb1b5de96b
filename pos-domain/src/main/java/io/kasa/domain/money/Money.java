package io.kasa.domain.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount of money: a whole number of minor units (cents, kopiykas) in an ISO 4217 currency.
 *
 * <p>Arithmetic is exact; operations that need rounding (percentages, multiplication by a
 * fractional quantity) take an explicit {@link RoundingMode}. Overflow throws rather than wraps.
 *
 * @param minor the amount in minor units of {@code currency}
 * @param currency an ISO 4217 currency with a defined number of fraction digits
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException(
          "Currency " + currency.getCurrencyCode() + " has no minor unit and cannot hold money");
    }
  }

  public static Money of(long minor, Currency currency) {
    return new Money(minor, currency);
  }

  /** Money from minor units and a currency code such as {@code "UAH"}. */
  public static Money of(long minor, String currencyCode) {
    return new Money(minor, Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a plain decimal such as {@code "12.50"} or {@code "-3"}. More fraction digits than the
   * currency has are rejected rather than rounded.
   */
  public static Money parse(String decimal, Currency currency) {
    Objects.requireNonNull(decimal, "decimal");
    BigDecimal value;
    try {
      value = new BigDecimal(decimal.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an amount: '" + decimal + "'", e);
    }
    return ofDecimal(value, currency, RoundingMode.UNNECESSARY);
  }

  /** Converts a decimal amount in major units, rounding to minor units with {@code mode}. */
  public static Money ofDecimal(BigDecimal major, Currency currency, RoundingMode mode) {
    BigDecimal scaled;
    try {
      scaled = major.setScale(currency.getDefaultFractionDigits(), mode);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          major.toPlainString()
              + " has more than "
              + currency.getDefaultFractionDigits()
              + " fraction digits for "
              + currency.getCurrencyCode(),
          e);
    }
    return new Money(scaled.unscaledValue().longValueExact(), currency);
  }

  /** The amount in major units, with exactly the currency's number of fraction digits. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(minor), currency);
  }

  public Money abs() {
    return minor < 0 ? negate() : this;
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(minor, factor), currency);
  }

  /** This amount multiplied by an exact decimal factor, rounded to minor units. */
  public Money times(BigDecimal factor, RoundingMode mode) {
    BigDecimal product = BigDecimal.valueOf(minor).multiply(factor).setScale(0, mode);
    return new Money(product.longValueExact(), currency);
  }

  /** {@code percent} of this amount, rounded to minor units with {@code mode}. */
  public Money percent(Percent percent, RoundingMode mode) {
    return times(percent.asFraction(), mode);
  }

  /**
   * This amount times {@code numerator / denominator}, rounded with {@code mode}; exact for any
   * long inputs (no intermediate overflow).
   */
  public Money ratio(long numerator, long denominator, RoundingMode mode) {
    if (denominator == 0) {
      throw new IllegalArgumentException("denominator is zero");
    }
    BigDecimal result =
        new BigDecimal(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(numerator)))
            .divide(BigDecimal.valueOf(denominator), 0, mode);
    return new Money(result.longValueExact(), currency);
  }

  /** Rounds to a multiple of {@code increment} (e.g. 0.10 UAH, 0.05 CHF) with {@code mode}. */
  public Money roundTo(Money increment, RoundingMode mode) {
    requireSameCurrency(increment);
    if (increment.minor <= 0) {
      throw new IllegalArgumentException("Rounding increment must be positive: " + increment);
    }
    BigDecimal steps =
        BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(increment.minor), 0, mode);
    return new Money(Math.multiplyExact(steps.longValueExact(), increment.minor), currency);
  }

  /**
   * Splits this amount into {@code parts} amounts that differ by at most one minor unit and sum
   * exactly to this amount; the earlier parts receive the extra units.
   */
  public List<Money> allocate(int parts) {
    if (parts <= 0) {
      throw new IllegalArgumentException("parts must be positive: " + parts);
    }
    long[] weights = new long[parts];
    Arrays.fill(weights, 1);
    return allocate(weights);
  }

  /**
   * Splits this amount in proportion to {@code weights} by the largest-remainder method: every part
   * is within one minor unit of its exact share and the parts sum exactly to this amount. Ties go
   * to the earlier weight, so the result is deterministic.
   */
  public List<Money> allocate(long... weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("at least one weight is needed");
    }
    BigInteger total = BigInteger.ZERO;
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("weights must not be negative: " + w);
      }
      total = total.add(BigInteger.valueOf(w));
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    BigInteger amount = BigInteger.valueOf(Math.abs(minor));
    long[] shares = new long[weights.length];
    BigInteger[] remainders = new BigInteger[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr = amount.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
      shares[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      assigned += shares[i];
    }
    long left = Math.abs(minor) - assigned;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      order.add(i);
    }
    // Largest remainder first; the stable sort keeps earlier indices first among equals.
    order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < left; k++) {
      shares[order.get(k)]++;
    }
    List<Money> result = new ArrayList<>(weights.length);
    for (long share : shares) {
      result.add(new Money(minor < 0 ? -share : share, currency));
    }
    return Collections.unmodifiableList(result);
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isPositive() {
    return minor > 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public int signum() {
    return Long.signum(minor);
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  /** For logs and tests, e.g. {@code "12.50 UAH"}; receipts use a locale-aware formatter. */
  @Override
  public String toString() {
    return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
  }
}
