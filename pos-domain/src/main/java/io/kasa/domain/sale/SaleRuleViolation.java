package io.kasa.domain.sale;

/**
 * A command the sale's rules do not allow (refund more than sold, change from a card, edit a paid
 * sale…). The {@link Rule} lets the terminal show a localised message; the text is for logs.
 */
public final class SaleRuleViolation extends RuntimeException {

  /** The rule that was broken. */
  public enum Rule {
    WRONG_STATE,
    NO_SUCH_LINE,
    LINE_VOIDED,
    QUANTITY_NOT_POSITIVE,
    FRACTIONAL_QUANTITY_FOR_COUNTED_ITEM,
    OPEN_PRICE_REQUIRED,
    PRICE_NEGATIVE,
    REASON_REQUIRED,
    DISCOUNT_TOO_LARGE,
    DISCOUNT_NEGATIVE,
    CURRENCY_MISMATCH,
    EMPTY_SALE,
    TENDER_NOT_POSITIVE,
    NON_CASH_OVERPAYMENT,
    CASH_SHORT_OF_ROUNDED_DUE,
    TENDERS_PRESENT,
    REFUND_EXCEEDS_SOLD,
    REFUND_EMPTY,
    MODIFIER_UNKNOWN,
    MODIFIER_REPEATED,
    MODIFIER_REQUIRED,
    MODIFIER_TOO_MANY,
    NOTE_TOO_LONG
  }

  private final Rule rule;

  public SaleRuleViolation(Rule rule, String message) {
    super(message);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
