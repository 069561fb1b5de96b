package io.kasa.api.sales;

import java.util.UUID;

/**
 * One payment.
 *
 * @param id created on the terminal
 * @param type CASH, CARD, OTHER or EXTERNAL_CARD (a card paid on the bank's standalone terminal)
 * @param amount in minor units, as handed over
 * @param cardToken for CARD: the payment token to authorise (test tokens in the API document)
 * @param reference for OTHER or offline cards: the reference printed on the receipt; for
 *     EXTERNAL_CARD the approval code the bank terminal's slip shows (six letters or digits); or
 *     null
 * @param cardLast4 for EXTERNAL_CARD: the card's last four digits from the slip, else null
 * @param tip the customer's tip on top of {@code amount}, in minor units (ADR 0054): on CARD the
 *     card is charged {@code amount + tip}; on CASH it is change the customer left in the drawer;
 *     null or 0 when none, and only CASH and CARD carry one
 */
public record TenderDto(
    UUID id,
    String type,
    long amount,
    String cardToken,
    String reference,
    String cardLast4,
    Long tip) {

  /** A tender without a tip. */
  public TenderDto(
      UUID id, String type, long amount, String cardToken, String reference, String cardLast4) {
    this(id, type, amount, cardToken, reference, cardLast4, null);
  }

  /** The tip in minor units, 0 when none. */
  public long tipOrZero() {
    return tip == null ? 0 : tip;
  }

  /** What the customer paid with it: the amount and the tip. */
  public long charged() {
    return amount + tipOrZero();
  }

  /** A tender that is not a card paid on a bank terminal. */
  public TenderDto(UUID id, String type, long amount, String cardToken, String reference) {
    this(id, type, amount, cardToken, reference, null);
  }
}
