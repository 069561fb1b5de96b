package io.kasa.domain.barcode;

import java.util.Objects;

/**
 * How an in-store EAN-13 label (GS1 prefixes 20–29) carries an item code and a price or weight.
 * Layouts differ between countries, retailers and scale vendors, so each store configures its own.
 *
 * <p>Positions count from 0 over the 13 digits. The common layout {@code 2P IIIII VVVVV C} is
 * {@code new EmbeddedLayout("22", WEIGHT, 2, 5, 7, 5, 3)}: item code in digits 2–6, weight in grams
 * in digits 7–11.
 *
 * @param prefix the leading digits that select this layout, e.g. {@code "22"}
 * @param kind whether the value is a price or a weight
 * @param itemStart where the item code starts
 * @param itemLength how many digits it has
 * @param valueStart where the value starts
 * @param valueLength how many digits it has
 * @param valueDecimals implied decimals: 3 for weight in kg to the gram, 2 for a price in cents
 */
public record EmbeddedLayout(
    String prefix,
    Kind kind,
    int itemStart,
    int itemLength,
    int valueStart,
    int valueLength,
    int valueDecimals) {

  /** What the embedded value means. */
  public enum Kind {
    PRICE,
    WEIGHT
  }

  public EmbeddedLayout {
    Objects.requireNonNull(kind, "kind");
    if (prefix == null || !Digits.only(prefix) || !prefix.startsWith("2") || prefix.length() > 3) {
      throw new IllegalArgumentException(
          "Layout prefix must be 1-3 digits within 20-29: " + prefix);
    }
    check(itemStart, itemLength, "item");
    check(valueStart, valueLength, "value");
    if (valueDecimals < 0 || valueDecimals > valueLength) {
      throw new IllegalArgumentException("Bad number of decimals: " + valueDecimals);
    }
  }

  /**
   * A store's layout as configured (ADR 0030): the two-digit prefix, the item code right after it,
   * the value ending just before the check digit; digits between them (a price check digit some
   * scales print) are not read.
   */
  public static EmbeddedLayout of(
      String prefix, Kind kind, int itemDigits, int valueDigits, int valueDecimals) {
    if (prefix == null || !prefix.matches("2[0-9]")) {
      throw new IllegalArgumentException("A label prefix is two digits from 20 to 29: " + prefix);
    }
    if (itemDigits < 1 || valueDigits < 1 || itemDigits + valueDigits > 10) {
      throw new IllegalArgumentException(
          "Item code and value share the 10 digits between prefix and check digit: "
              + itemDigits
              + " + "
              + valueDigits);
    }
    return new EmbeddedLayout(
        prefix, kind, 2, itemDigits, 12 - valueDigits, valueDigits, valueDecimals);
  }

  /** Weight in grams: {@code PP IIIII WWWWW C}. */
  public static EmbeddedLayout weight(String prefix) {
    return new EmbeddedLayout(prefix, Kind.WEIGHT, 2, 5, 7, 5, 3);
  }

  /** Price in minor units: {@code PP IIIII VVVVV C}. */
  public static EmbeddedLayout price(String prefix) {
    return new EmbeddedLayout(prefix, Kind.PRICE, 2, 5, 7, 5, 2);
  }

  private static void check(int start, int length, String what) {
    // The last digit (index 12) is the EAN check digit and holds nothing else.
    if (start < 1 || length < 1 || start + length > 12) {
      throw new IllegalArgumentException(
          "The " + what + " field must lie within digits 1-11: " + start + "+" + length);
    }
  }
}
