package io.kasa.service.sales;

import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.service.auth.Principal;
import io.kasa.service.http.ApiException;
import java.util.Optional;

/**
 * Receipt numbers belong to the terminal whose codes they carry (ADR 0019): a terminal assigns
 * {@code <its store's code>-<its code>-<sequence>} and nothing else, the sequence written as {@link
 * ReceiptNumber#toString()} writes it, so one receipt has one spelling and one owner. Judged on
 * what the credential check already read, without a query.
 */
final class ReceiptNumbers {

  /** Digits the sequence is padded to with zeros. */
  private static final int PADDED = 6;

  /** Digits of the longest sequence. */
  private static final int LONGEST = 18;

  private ReceiptNumbers() {}

  /**
   * Refuses (422) a receipt number the calling terminal cannot have assigned: another terminal's or
   * store's, or its own sequence spelt otherwise than {@code K1-T2-000042}.
   */
  static void requireOwn(Principal who, String number, String pointer) {
    String prefix = who.terminal().receiptPrefix();
    if (number == null || !number.startsWith(prefix)) {
      throw ApiException.invalid(
          pointer, "Receipt numbers of this terminal start with " + prefix + ": " + number);
    }
    if (!canonicalSequence(number, prefix.length())) {
      throw ApiException.invalid(
          pointer,
          "The sequence of "
              + number
              + " is written as this terminal writes it: from 1, zero-padded to "
              + PADDED
              + " digits ("
              + prefix
              + "000042)");
    }
  }

  private static boolean canonicalSequence(String number, int from) {
    int digits = number.length() - from;
    if (digits < PADDED || digits > LONGEST || (digits > PADDED && number.charAt(from) == '0')) {
      return false;
    }
    boolean nonZero = false;
    for (int i = from; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      nonZero |= c != '0';
    }
    return nonZero;
  }

  /**
   * The receipt a look-up names, however its sequence is written ({@code K1-T2-42} is {@code
   * K1-T2-000042}); empty when it names none.
   */
  static Optional<ReceiptNumber> named(String text) {
    try {
      return Optional.of(ReceiptNumber.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
