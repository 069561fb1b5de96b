package io.kasa.domain.tender;

/** How a customer pays. Only cash can give change and only cash is rounded. */
public enum TenderType {
  CASH,
  CARD,
  /** Vouchers, gift cards, bank transfer and the like: exact amounts, no change. */
  OTHER,
  /**
   * A card paid on the bank's own standalone terminal, not through the register: the register
   * records the approval code and the card's last four digits the slip shows; no change.
   */
  EXTERNAL_CARD
}
