package io.kasa.service.sales;

import io.kasa.domain.sale.Refund;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import io.kasa.service.http.ApiException;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Pays a refund's card pay-outs back through the processor, each against the original card's
 * authorisation, before the refund is written (ADR 0031). A refusal or a silence throws, and the
 * refund's transaction writes nothing; a retry of the refund asks again with the same pay-out ids,
 * which the processor answers once.
 */
final class CardRefunds {

  private final PaymentProcessor processor;

  CardRefunds(PaymentProcessor processor) {
    this.processor = processor;
  }

  void payBack(Handle h, UUID org, String receipt, Refund refund) {
    for (Tender payout : refund.payouts()) {
      if (payout.type() != TenderType.CARD || !payout.amount().isPositive()) {
        continue;
      }
      UUID original = UUID.fromString(payout.reference());
      Map<String, Object> card =
          h.createQuery(
                  "select status, authorisation from tender where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", original)
              .mapToMap()
              .one();
      if (!"APPROVED".equals(card.get("status"))) {
        // Declined (or never authorised) on delivery: the card paid nothing to give back.
        throw ApiException.conflict(
            "The card of sale "
                + receipt
                + " was never charged ("
                + String.valueOf(card.get("status")).toLowerCase(java.util.Locale.ROOT)
                + "); refund it with method CASH");
      }
      try {
        PaymentProcessor.Refund answer =
            processor.refund(
                payout.id(), original, (String) card.get("authorisation"), payout.amount());
        if (!answer.accepted()) {
          throw CardProblems.refundRefused(receipt, answer.reason());
        }
      } catch (PaymentProcessor.TimeoutException e) {
        throw CardProblems.timeout(e, "nothing was recorded; try the refund again");
      } catch (PaymentProcessor.UnavailableException e) {
        throw CardProblems.unavailable(e, "/method");
      }
    }
  }
}
