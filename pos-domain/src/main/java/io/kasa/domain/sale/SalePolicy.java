package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tender.CashRounding;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * The store's rules the sale engine needs: currency, tax, cash rounding and how line amounts and
 * percentage discounts are rounded.
 *
 * @param currency the store's currency
 * @param tax the tax rules
 * @param cashRounding the rounding of cash payments
 * @param amountRounding how quantity × price and percentage discounts round, usually {@code
 *     HALF_UP}
 */
public record SalePolicy(
    Currency currency, TaxPolicy tax, CashRounding cashRounding, RoundingMode amountRounding) {

  public SalePolicy {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(cashRounding, "cashRounding");
    Objects.requireNonNull(amountRounding, "amountRounding");
    if (!cashRounding.increment().currency().equals(currency)) {
      throw new IllegalArgumentException("Cash rounding must be in " + currency);
    }
    if (amountRounding == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("Line amounts need a real rounding mode");
    }
  }

  public static SalePolicy of(Currency currency, TaxPolicy tax, CashRounding cashRounding) {
    return new SalePolicy(currency, tax, cashRounding, RoundingMode.HALF_UP);
  }

  public Money zero() {
    return Money.zero(currency);
  }
}
