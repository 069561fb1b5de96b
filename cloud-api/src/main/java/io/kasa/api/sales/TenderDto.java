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
 */
public record TenderDto(
    UUID id, String type, long amount, String cardToken, String reference, String cardLast4) {

  /** A tender that is not a card paid on a bank terminal. */
  public TenderDto(UUID id, String type, long amount, String cardToken, String reference) {
    this(id, type, amount, cardToken, reference, null);
  }
}
