package io.kasa.domain.money;

import java.util.Currency;

/** Thrown when amounts in two different currencies meet in one operation. */
public final class CurrencyMismatchException extends IllegalArgumentException {

  public CurrencyMismatchException(Currency expected, Currency actual) {
    super(
        "Currency mismatch: "
            + expected.getCurrencyCode()
            + " and "
            + actual.getCurrencyCode()
            + " cannot be combined");
  }
}
