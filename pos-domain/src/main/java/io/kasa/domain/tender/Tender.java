package io.kasa.domain.tender;

import io.kasa.domain.id.TimeOrderedIds;
import io.kasa.domain.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * One payment towards a sale, or one pay-out of a refund.
 *
 * @param id created on the terminal; the idempotency key of the payment
 * @param type cash, card or other
 * @param amount the amount handed over (for cash, before change); never negative
 * @param reference processor or voucher reference (a card's approval code), {@link
 *     #OFFLINE_REFERENCE} for a card stored to be authorised later, or {@code null}
 * @param card the card that paid, as its reader reported it, or {@code null}
 * @param tip the customer's tip on top of {@code amount} (ADR 0054): not the sale's money, never
 *     taxed; a card is charged {@code amount + tip}, a cash tip is change the customer left in the
 *     drawer. Zero when none; only cash and card tenders carry one
 */
public record Tender(
    UUID id, TenderType type, Money amount, String reference, CardDetails card, Money tip) {

  /** The reference of a card tender taken offline: it has no approval code yet. */
  public static final String OFFLINE_REFERENCE = "OFFLINE";

  /** A tender without card details. */
  public Tender(UUID id, TenderType type, Money amount, String reference) {
    this(id, type, amount, reference, null);
  }

  /** A tender without a tip. */
  public Tender(UUID id, TenderType type, Money amount, String reference, CardDetails card) {
    this(id, type, amount, reference, card, null);
  }

  public Tender {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A tender cannot be negative: " + amount);
    }
    tip = tip == null ? Money.zero(amount.currency()) : tip;
    if (tip.isNegative()) {
      throw new IllegalArgumentException("A tip cannot be negative: " + tip);
    }
    if (!tip.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("A tip is in the tender's currency: " + tip);
    }
    if (tip.isPositive() && !takesTips(type)) {
      throw new IllegalArgumentException("Only cash and card tenders carry a tip: " + type);
    }
  }

  /** Whether tenders of {@code type} may carry a tip: cash and the register's cards. */
  public static boolean takesTips(TenderType type) {
    return type == TenderType.CASH || type == TenderType.CARD;
  }

  /** This tender with tip {@code tip} on top of its amount. */
  public Tender withTip(Money tip) {
    return new Tender(id, type, amount, reference, card, tip);
  }

  /** What the customer paid with this tender: its amount and the tip on top. */
  public Money charged() {
    return amount.plus(tip);
  }

  /**
   * Cash of {@code handed} for {@code cashDue} where the customer leaves the change as a tip: the
   * tender pays {@code cashDue} and the rest is its tip, so no change is given and the drawer keeps
   * all of {@code handed}.
   *
   * @throws IllegalArgumentException when {@code handed} is less than {@code cashDue}
   */
  public static Tender cashKeepingChange(Money handed, Money cashDue) {
    if (handed.isLessThan(cashDue)) {
      throw new IllegalArgumentException(handed + " does not cover " + cashDue);
    }
    return new Tender(
        TimeOrderedIds.next(), TenderType.CASH, cashDue, null, null, handed.minus(cashDue));
  }

  public static Tender cash(Money amount) {
    return new Tender(TimeOrderedIds.next(), TenderType.CASH, amount, null);
  }

  public static Tender card(Money amount, String reference) {
    return new Tender(TimeOrderedIds.next(), TenderType.CARD, amount, reference);
  }

  /**
   * A card paid on the bank's standalone terminal, as its slip shows it: the approval code (six
   * letters or digits) and the card's last four digits.
   *
   * @throws IllegalArgumentException when the code or the digits are not of that shape
   */
  public static Tender externalCard(UUID id, Money amount, String approvalCode, String last4) {
    if (approvalCode == null || !approvalCode.matches(APPROVAL_CODE)) {
      throw new IllegalArgumentException(
          "An approval code is six letters or digits: " + approvalCode);
    }
    return new Tender(
        id, TenderType.EXTERNAL_CARD, amount, approvalCode, new CardDetails("", last4));
  }

  /** The shape of a bank terminal's approval code. */
  public static final String APPROVAL_CODE = "[A-Za-z0-9]{6}";

  /**
   * Whether this card tender carries an approval code (it was authorised while the customer was
   * there).
   */
  public boolean approved() {
    return type == TenderType.CARD && reference != null && !OFFLINE_REFERENCE.equals(reference);
  }

  public boolean isCash() {
    return type == TenderType.CASH;
  }
}
