package io.kasa.domain.tax;

import io.kasa.domain.money.Percent;
import java.util.Objects;

/**
 * The rate of one tax class.
 *
 * @param taxClass the class items refer to, e.g. {@code "VAT20"}
 * @param label the short marker printed beside lines and in the breakdown, e.g. {@code "A"}
 * @param rate the percentage
 */
public record TaxRate(String taxClass, String label, Percent rate) {

  public TaxRate {
    if (taxClass == null || taxClass.isBlank()) {
      throw new IllegalArgumentException("Tax class must not be blank");
    }
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(rate, "rate");
  }

  public static TaxRate of(String taxClass, String label, String percent) {
    return new TaxRate(taxClass, label, Percent.parse(percent));
  }
}
