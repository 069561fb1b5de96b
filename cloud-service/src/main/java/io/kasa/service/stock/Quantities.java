package io.kasa.service.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Stock quantities: up to three decimals (weighed goods), a comma read as the point. */
final class Quantities {

  /** The largest quantity one adjustment may count or move; a typo of extra zeros is refused. */
  static final BigDecimal MAX = BigDecimal.valueOf(1_000_000);

  private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]{1,13}([.,][0-9]{1,3})?");

  private Quantities() {}

  /** {@code text} as a quantity, or an exception naming {@code what}. */
  static BigDecimal parse(String text, String what) {
    if (text == null || !SIGNED.matcher(text.trim()).matches()) {
      throw new IllegalArgumentException(
          what + " is a number with up to three decimals, e.g. 12 or -0,250: " + text);
    }
    BigDecimal value = new BigDecimal(text.trim().replace(',', '.').replace("+", ""));
    if (value.abs().compareTo(MAX) > 0) {
      throw new IllegalArgumentException(what + " is at most 1000000 either way: " + text);
    }
    return value.setScale(3, RoundingMode.UNNECESSARY);
  }

  /** How quantities are written on the wire and on screen: three decimals, a point. */
  static String text(BigDecimal value) {
    return value.setScale(3, RoundingMode.UNNECESSARY).toPlainString();
  }
}
