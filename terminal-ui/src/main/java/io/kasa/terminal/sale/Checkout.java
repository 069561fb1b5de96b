package io.kasa.terminal.sale;

import io.kasa.domain.sale.Sale;
import java.util.List;

/**
 * Completes a paid sale: journals it (the outbox, in one local transaction), then prints the
 * receipt — opening the drawer for cash — and keeps its bytes and a PDF copy. Printing never holds
 * up the answer: a printer fault shows in the status bar and the receipt waits for a reprint.
 */
public interface Checkout {

  /**
   * What the cashier sees of a completed sale.
   *
   * @param receiptNumber the number printed on it
   * @param preview the receipt's lines as printed
   */
  record Completed(String receiptNumber, List<String> preview) {}

  /**
   * Journals and prints; runs off the UI thread. {@code offline} flags a sale completed without the
   * service; {@code approvalId} is a manager's price-override approval, or null; {@code cardTokens}
   * are the readers' tokens of its card tenders, by tender id.
   */
  Completed complete(
      Sale sale,
      boolean offline,
      java.util.UUID approvalId,
      java.util.Map<java.util.UUID, String> cardTokens)
      throws Exception;

  /** What became of a card presented for a tender. */
  sealed interface CardResult {
    /** Approved online, with the processor's authorisation code. */
    record Approved(String authorisation) implements CardResult {}

    /** Declined, with the processor's reason. */
    record Declined(String reason) implements CardResult {}

    /** The processor did not answer: nothing was charged. */
    record NoAnswer() implements CardResult {}

    /** The service is away and the offline card rules allow this card. */
    record StoredOffline() implements CardResult {}

    /**
     * The service is away and the offline card rules refuse it; {@code why} names the rule (an
     * {@code OfflineCards.Reason}), which the screen says in its words.
     */
    record RefusedOffline(String why) implements CardResult {}
  }

  /**
   * Authorises a card tender of {@code amount} while the customer waits; runs off the UI thread.
   */
  CardResult authoriseCard(
      java.util.UUID saleId,
      java.util.UUID tenderId,
      io.kasa.domain.money.Money amount,
      String token)
      throws Exception;

  /**
   * Prints the last receipt again, marked as a copy and without opening the drawer; the reprint is
   * audited. Answers its number, or empty when nothing was sold since the register started.
   */
  java.util.Optional<String> reprintLast() throws Exception;
}
