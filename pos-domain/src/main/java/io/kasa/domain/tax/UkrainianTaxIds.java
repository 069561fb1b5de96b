package io.kasa.domain.tax;

import java.util.Optional;

/**
 * Ukraine's tax identifiers as a receipt carries them: the ЄДРПОУ of a company (8 digits, the last
 * a check digit), the ІПН (РНОКПП) of a sole trader (10 digits, the last a check digit), and the
 * VAT payer number (ІПН платника ПДВ, 12 digits) of a business registered for VAT.
 */
public final class UkrainianTaxIds {

  private static final int[] EDRPOU_LOW = {1, 2, 3, 4, 5, 6, 7};
  private static final int[] EDRPOU_HIGH = {7, 1, 2, 3, 4, 5, 6};
  private static final int[] IPN = {-1, 5, 7, 9, 4, 6, 10, 5, 7};

  private UkrainianTaxIds() {}

  /** Which identifier a taxpayer's code is. */
  public enum Kind {
    /** A company's code in the unified state register, 8 digits. */
    EDRPOU,
    /** A person's (a sole trader's) registration number, 10 digits. */
    IPN
  }

  /**
   * What is wrong with a taxpayer's code (ЄДРПОУ or ІПН), in plain words, or empty when it is one.
   */
  public static Optional<String> taxIdProblem(String code) {
    if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of("A tax ID is digits only: the ЄДРПОУ has 8, the ІПН 10");
    }
    if (code.length() == 8) {
      return edrpouCheckDigit(code.substring(0, 7)) == code.charAt(7) - '0'
          ? Optional.empty()
          : Optional.of("ЄДРПОУ " + code + " is mistyped: its check digit does not match");
    }
    if (code.length() == 10) {
      return ipnCheckDigit(code.substring(0, 9)) == code.charAt(9) - '0'
          ? Optional.empty()
          : Optional.of("ІПН " + code + " is mistyped: its check digit does not match");
    }
    return Optional.of(
        "A tax ID has 8 digits (ЄДРПОУ) or 10 (ІПН); " + code + " has " + code.length());
  }

  /** What is wrong with a VAT payer number (ІПН платника ПДВ), or empty when it is one. */
  public static Optional<String> vatNumberProblem(String number) {
    if (number == null
        || number.length() != 12
        || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of("A VAT payer number (ІПН платника ПДВ) has 12 digits: " + number);
    }
    return Optional.empty();
  }

  /** The kind of a valid taxpayer's code, by its length. */
  public static Kind kindOf(String code) {
    if (taxIdProblem(code).isPresent()) {
      throw new IllegalArgumentException(taxIdProblem(code).get());
    }
    return code.length() == 8 ? Kind.EDRPOU : Kind.IPN;
  }

  /**
   * The check digit of an ЄДРПОУ's first seven digits: weighted by 1..7 (7,1..6 for codes from
   * 30000000 to 6000000x) modulo 11; a remainder of 10 is weighed again with every weight plus 2,
   * and a second 10 counts as 0.
   */
  public static int edrpouCheckDigit(String first7) {
    requireDigits(first7, 7);
    int value = Integer.parseInt(first7);
    int[] weights = value < 3_000_000 || value > 6_000_000 ? EDRPOU_LOW : EDRPOU_HIGH;
    int r = weighted(first7, weights, 0) % 11;
    if (r == 10) {
      r = weighted(first7, weights, 2) % 11;
    }
    return r == 10 ? 0 : r;
  }

  /** The check digit of an ІПН's first nine digits: weighted sum modulo 11, then modulo 10. */
  public static int ipnCheckDigit(String first9) {
    requireDigits(first9, 9);
    return Math.floorMod(weighted(first9, IPN, 0), 11) % 10;
  }

  private static int weighted(String digits, int[] weights, int plus) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * (weights[i] + plus);
    }
    return sum;
  }

  private static void requireDigits(String s, int length) {
    if (s == null || s.length() != length || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("Expected " + length + " digits: " + s);
    }
  }
}
