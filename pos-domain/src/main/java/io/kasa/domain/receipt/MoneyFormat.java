package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Formats amounts and quantities in a locale's conventions ({@code 1 234,50} in Ukrainian, {@code
 * 1,234.50} in US English) without ever going through floating point.
 */
public final class MoneyFormat {

  private final Locale locale;

  public MoneyFormat(Locale locale) {
    this.locale = locale;
  }

  /** The amount without a currency sign, with exactly the currency's fraction digits. */
  public String amount(Money money) {
    DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
    int digits = money.currency().getDefaultFractionDigits();
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    format.setGroupingUsed(true);
    return format.format(money.toDecimal());
  }

  /** The amount with the currency's symbol in this locale, e.g. {@code 1 234,50 ₴}. */
  public String withSymbol(Money money) {
    String symbol = money.currency().getSymbol(locale);
    NumberFormat probe = NumberFormat.getCurrencyInstance(locale);
    String sample = probe instanceof DecimalFormat df ? df.toPattern() : "";
    boolean symbolFirst = sample.startsWith("¤");
    return symbolFirst ? symbol + amount(money) : amount(money) + " " + symbol;
  }

  /** A quantity with as many decimals as it needs: {@code 2}, {@code 0,375}. */
  public String quantity(Quantity quantity) {
    DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(0);
    format.setMaximumFractionDigits(Quantity.SCALE);
    return format.format(quantity.toDecimal());
  }
}
