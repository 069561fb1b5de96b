package io.kasa.domain.tax;

/** Whether prices include tax (VAT, as in Ukraine or the EU) or tax is added on top (US). */
public enum TaxMode {
  /** Prices include tax; the tax is the part {@code rate / (100 + rate)} of the amount. */
  INCLUSIVE,
  /** Prices are net; the tax {@code rate / 100} of the amount is added to the total. */
  EXCLUSIVE
}
