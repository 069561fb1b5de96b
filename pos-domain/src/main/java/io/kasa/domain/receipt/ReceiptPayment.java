package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.tender.CardDetails;
import io.kasa.domain.tender.TenderType;

/**
 * A payment, or a payout on a refund receipt.
 *
 * @param type cash, card or other
 * @param amount the amount tendered or paid out
 * @param reference processor or voucher reference, or {@code null}
 * @param card the card that paid (scheme and last digits), or {@code null}
 * @param approved whether {@code reference} is a card's approval code
 * @param tip the customer's tip on top of {@code amount} (ADR 0054), zero when none
 */
public record ReceiptPayment(
    TenderType type,
    Money amount,
    String reference,
    CardDetails card,
    boolean approved,
    Money tip) {

  /** A payment without a tip. */
  public ReceiptPayment(
      TenderType type, Money amount, String reference, CardDetails card, boolean approved) {
    this(type, amount, reference, card, approved, null);
  }

  public ReceiptPayment {
    tip = tip == null ? Money.zero(amount.currency()) : tip;
  }
}
