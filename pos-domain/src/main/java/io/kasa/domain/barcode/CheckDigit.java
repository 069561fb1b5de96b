package io.kasa.domain.barcode;

/** The GS1 mod-10 check digit shared by EAN, UPC, GTIN-14 and SSCC. */
public final class CheckDigit {

  private CheckDigit() {}

  /** The check digit for {@code digits} (the code without its check digit). */
  public static int compute(String digits) {
    int sum = 0;
    boolean triple = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("Not a digit string: " + digits);
      }
      sum += triple ? 3 * d : d;
      triple = !triple;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether the last digit of {@code code} is its correct check digit. */
  public static boolean isValid(String code) {
    if (code.length() < 2 || !Digits.only(code)) {
      return false;
    }
    int last = code.charAt(code.length() - 1) - '0';
    return compute(code.substring(0, code.length() - 1)) == last;
  }
}
