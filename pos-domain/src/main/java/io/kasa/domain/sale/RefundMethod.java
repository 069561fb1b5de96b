package io.kasa.domain.sale;

/** Where refunded money goes. */
public enum RefundMethod {
  /** Back to the card or other tenders the sale was paid with, the rest in cash. */
  ORIGINAL_TENDERS,
  /** Everything in cash. */
  CASH
}
