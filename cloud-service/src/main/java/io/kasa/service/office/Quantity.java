package io.kasa.service.office;

import java.math.BigDecimal;

/**
 * Stock quantities as the pages show them (ADR 0050): the domain's three decimals for weighed and
 * poured goods (kilograms, litres), whole numbers for pieces when they are whole; the language's
 * decimal sign, a true minus, and the unit's word.
 */
final class Quantity {

  private Quantity() {}

  /** {@code text} (the domain's three decimals) with its unit, e.g. «18,500 кг» or "24 pcs". */
  static String of(String text, String unit, View v) {
    return number(new BigDecimal(text), unit, v.lang()) + " " + v.t("stock.unit." + unit);
  }

  /** The same with its sign always shown: «+2 шт.», "−0.250 kg". */
  static String signed(String text, String unit, View v) {
    BigDecimal value = new BigDecimal(text);
    return (value.signum() > 0 ? "+" : "") + of(text, unit, v);
  }

  /** The number alone, as a form shows it for editing (a plain minus, no unit). */
  static String plain(String text, String unit, String language) {
    return number(new BigDecimal(text), unit, language).replace('−', '-');
  }

  private static String number(BigDecimal value, String unit, String language) {
    BigDecimal abs = value.abs();
    String digits;
    if ("EACH".equals(unit) && abs.stripTrailingZeros().scale() <= 0) {
      digits = abs.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
    } else {
      digits = abs.setScale(3, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
    if ("uk".equals(language)) {
      digits = digits.replace('.', ',');
    }
    return (value.signum() < 0 ? "−" : "") + digits;
  }
}
