package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Formats amounts and quantities in a locale's conventions ({@code 1 234,50} in Ukrainian, {@code
 * 1,234.50} in US English) without ever going through floating point. Not thread-safe (it keeps its
 * formatters): use one per thread or per receipt.
 */
public final class MoneyFormat {

  private final Locale locale;
  private final DecimalFormat[] amountByDigits = new DecimalFormat[5];
  private DecimalFormat quantityFormat;
  private Boolean symbolFirst;

  public MoneyFormat(Locale locale) {
    this.locale = locale;
  }

  /** The amount without a currency sign, with exactly the currency's fraction digits. */
  public String amount(Money money) {
    int digits = money.currency().getDefaultFractionDigits();
    DecimalFormat format = digits < amountByDigits.length ? amountByDigits[digits] : null;
    if (format == null) {
      format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(digits);
      format.setMaximumFractionDigits(digits);
      format.setGroupingUsed(true);
      if (digits < amountByDigits.length) {
        amountByDigits[digits] = format;
      }
    }
    return format.format(money.toDecimal());
  }

  /**
   * The amount with the currency's symbol in this locale, e.g. {@code 1 234,50 ₴} in Ukrainian,
   * {@code $12.50} in US English. Where the locale has no sign for the currency and writes its code
   * instead ({@code UAH} in English), a space parts the code from the digits: {@code UAH 672.80},
   * never {@code UAH672.80}.
   */
  public String withSymbol(Money money) {
    if (symbolFirst == null) {
      NumberFormat probe = NumberFormat.getCurrencyInstance(locale);
      symbolFirst = probe instanceof DecimalFormat df && df.toPattern().startsWith("¤");
    }
    String symbol = money.currency().getSymbol(locale);
    if (!symbolFirst) {
      return amount(money) + " " + symbol;
    }
    boolean code = Character.isLetter(symbol.charAt(symbol.length() - 1));
    return symbol + (code ? " " : "") + amount(money);
  }

  /** A quantity with as many decimals as it needs: {@code 2}, {@code 0,375}. */
  public String quantity(Quantity quantity) {
    if (quantityFormat == null) {
      quantityFormat = (DecimalFormat) NumberFormat.getNumberInstance(locale);
      quantityFormat.setMinimumFractionDigits(0);
      quantityFormat.setMaximumFractionDigits(Quantity.SCALE);
    }
    return quantityFormat.format(quantity.toDecimal());
  }
}
