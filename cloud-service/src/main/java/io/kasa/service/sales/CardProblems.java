package io.kasa.service.sales;

import io.kasa.api.Problem;
import io.kasa.service.http.ApiException;
import java.util.List;

/** The problems a card refused by the processor, or by its absence, is answered with (ADR 0031). */
final class CardProblems {

  private CardProblems() {}

  /** The service has no card processor: take another tender. Nothing was sent anywhere. */
  static ApiException unavailable(PaymentProcessor.UnavailableException e, String pointer) {
    return new ApiException(
        422,
        "card-payments-unavailable",
        "Card payments are off",
        e.getMessage() + "; take cash or another tender",
        List.of(new Problem.FieldError(pointer, "no card processor")));
  }

  /** The processor did not answer; nothing was charged or paid back, and a retry is safe. */
  static ApiException timeout(PaymentProcessor.TimeoutException e, String what) {
    return new ApiException(
        504, "processor-timeout", "Card processor timeout", e.getMessage() + "; " + what, null);
  }

  /** The processor would not pay a card back; nothing was recorded. */
  static ApiException refundRefused(String receipt, String reason) {
    return new ApiException(
        409,
        "card-refund-refused",
        "Card refund refused",
        "The card processor would not refund the card of sale "
            + receipt
            + " ("
            + reason
            + "); nothing was recorded: refund in cash instead",
        null);
  }

  /** The processor would not reverse a card; the sale is not voided. */
  static ApiException reversalRefused(String receipt) {
    return new ApiException(
        409,
        "reversal-refused",
        "Card reversal refused",
        "The card processor would not reverse the card of sale "
            + receipt
            + "; the sale is not voided: refund it instead",
        null);
  }
}
