package io.kasa.domain.tax;

import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A store's tax rules: the rates per tax class, inclusive or exclusive pricing, and where and how
 * tax is rounded.
 *
 * @param mode inclusive (VAT) or exclusive (sales tax) pricing
 * @param rounding per line or per receipt
 * @param roundingMode how a tax amount is rounded to minor units, usually {@code HALF_UP}
 * @param rates one rate per tax class; their order is the order of the receipt's breakdown
 */
public record TaxPolicy(
    TaxMode mode, TaxRounding rounding, RoundingMode roundingMode, List<TaxRate> rates) {

  public TaxPolicy {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(rounding, "rounding");
    Objects.requireNonNull(roundingMode, "roundingMode");
    if (roundingMode == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("Tax amounts need a real rounding mode");
    }
    rates = List.copyOf(rates);
    Map<String, TaxRate> seen = new LinkedHashMap<>();
    for (TaxRate rate : rates) {
      if (seen.put(rate.taxClass(), rate) != null) {
        throw new IllegalArgumentException("Tax class listed twice: " + rate.taxClass());
      }
    }
  }

  /** VAT-inclusive pricing rounded half up, per line or per receipt. */
  public static TaxPolicy inclusive(TaxRounding rounding, TaxRate... rates) {
    return new TaxPolicy(TaxMode.INCLUSIVE, rounding, RoundingMode.HALF_UP, List.of(rates));
  }

  /** Exclusive sales tax rounded half up, per line or per receipt. */
  public static TaxPolicy exclusive(TaxRounding rounding, TaxRate... rates) {
    return new TaxPolicy(TaxMode.EXCLUSIVE, rounding, RoundingMode.HALF_UP, List.of(rates));
  }

  /** The rate of {@code taxClass}; an unknown class is a configuration error. */
  public TaxRate rateFor(String taxClass) {
    for (TaxRate rate : rates) {
      if (rate.taxClass().equals(taxClass)) {
        return rate;
      }
    }
    throw new UnknownTaxClassException(taxClass);
  }

  /** The index of a rate in the breakdown order. */
  int orderOf(TaxRate rate) {
    return rates.indexOf(rate);
  }
}
