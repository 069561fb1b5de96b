package io.kasa.domain.tender;

/** How a customer pays. Only cash can give change and only cash is rounded. */
public enum TenderType {
  CASH,
  CARD,
  /** Vouchers, gift cards, bank transfer and the like: exact amounts, no change. */
  OTHER
}
