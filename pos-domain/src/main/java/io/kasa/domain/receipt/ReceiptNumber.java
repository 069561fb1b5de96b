package io.kasa.domain.receipt;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human receipt number {@code <store>-<terminal>-<sequence>}, e.g. {@code K1-T03-000042}. The
 * sequence is kept durably on the terminal, gapless and never reused, so receipts print without the
 * network; it is separate from the sale's UUID, which is the deduplication key.
 *
 * @param store the store code (letters and digits)
 * @param terminal the terminal code (letters and digits)
 * @param sequence the terminal's sequence number, from 1
 */
public record ReceiptNumber(String store, String terminal, long sequence) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final Pattern NUMBER =
      Pattern.compile("([A-Za-z0-9]{1,16})-([A-Za-z0-9]{1,16})-([0-9]{1,18})");

  public ReceiptNumber {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(terminal, "terminal");
    if (!CODE.matcher(store).matches() || !CODE.matcher(terminal).matches()) {
      throw new IllegalArgumentException(
          "Store and terminal codes are 1 to 16 letters or digits: " + store + ", " + terminal);
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("Receipt sequence starts at 1: " + sequence);
    }
  }

  /** Parses {@code K1-T03-000042}; anything else is rejected with the reason. */
  public static ReceiptNumber parse(String text) {
    Matcher m = NUMBER.matcher(Objects.requireNonNull(text, "text").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not a receipt number (expected STORE-TERMINAL-SEQUENCE): '" + text + "'");
    }
    return new ReceiptNumber(m.group(1), m.group(2), Long.parseLong(m.group(3)));
  }

  /** The number with the sequence zero-padded to six digits. */
  @Override
  public String toString() {
    return String.format("%s-%s-%06d", store, terminal, sequence);
  }
}
