package io.kasa.service.sales;

import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TenderResultDto;
import io.kasa.domain.money.Money;
import java.util.Currency;

/**
 * Authorises a card taken offline when its sale reaches the service (ADR 0008, ADR 0031). The sale
 * is recorded whatever the answer: the customer left with the goods, so a declined card is recorded
 * as DECLINED with the processor's reason, for the store's managers to collect the money. A
 * processor that does not answer leaves the sale unrecorded (504): the terminal keeps it and
 * delivers it again, and the processor's idempotency by tender id charges the card once.
 */
final class OfflineCardDelivery {

  /** The reason recorded for a card delivered to a service without a processor. */
  static final String NO_PROCESSOR = "no card processor is configured on the service";

  /** The reason recorded for a card delivered without the token its reader gave. */
  static final String NO_TOKEN = "the sale carried no card token to charge";

  /**
   * One delivered offline card's outcome.
   *
   * @param result what the sale's answer says about the tender
   * @param declineReason why it was declined, or null when approved
   */
  record Outcome(TenderResultDto result, String declineReason) {}

  private final PaymentProcessor processor;

  OfflineCardDelivery(PaymentProcessor processor) {
    this.processor = processor;
  }

  Outcome authorise(TenderDto t, Currency currency) throws PaymentProcessor.TimeoutException {
    if (t.cardToken() == null || t.cardToken().isBlank()) {
      return declined(t, NO_TOKEN);
    }
    try {
      PaymentProcessor.Authorisation a =
          processor.authorise(t.id(), t.cardToken(), Money.of(t.charged(), currency));
      return a.approved()
          ? new Outcome(
              new TenderResultDto(
                  t.id(),
                  t.type(),
                  t.amount(),
                  "APPROVED",
                  a.authorisation(),
                  SalesService.tipOf(t)),
              null)
          : declined(t, a.reason() == null ? "declined" : a.reason());
    } catch (PaymentProcessor.UnavailableException e) {
      return declined(t, NO_PROCESSOR);
    }
  }

  private static Outcome declined(TenderDto t, String reason) {
    return new Outcome(
        new TenderResultDto(t.id(), t.type(), t.amount(), "DECLINED", null, SalesService.tipOf(t)),
        reason);
  }
}
