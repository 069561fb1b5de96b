package io.kasa.domain.receipt;

import java.time.Instant;
import java.util.Objects;

/**
 * Facts about the moment of printing that the sale itself does not hold.
 *
 * @param number the receipt number given to the sale or refund
 * @param printedAt when it was completed
 * @param terminal the terminal's display name
 * @param cashier the employee's display name
 * @param offline whether it was completed without the service (card tenders stored and forwarded)
 * @param receiptToken the token of the sale's public receipt page (a refund's: its sale's), or null
 *     when there is none (a sale recorded before tokens)
 */
public record ReceiptContext(
    ReceiptNumber number,
    Instant printedAt,
    String terminal,
    String cashier,
    boolean offline,
    String receiptToken) {

  /** A context with no receipt page. */
  public ReceiptContext(
      ReceiptNumber number, Instant printedAt, String terminal, String cashier, boolean offline) {
    this(number, printedAt, terminal, cashier, offline, null);
  }

  public ReceiptContext {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(printedAt, "printedAt");
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(cashier, "cashier");
  }
}
