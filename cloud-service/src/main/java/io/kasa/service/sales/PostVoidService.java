package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.sales.SaleResponse;
import io.kasa.api.sales.TenderResultDto;
import io.kasa.api.sales.VoidSaleRequest;
import io.kasa.domain.money.Money;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.http.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Voids paid sales ("post-void"): a manager's correction of a sale rung up wrongly, on the terminal
 * that made it and before its shift closes (afterwards the shift's Z report is final, and a refund
 * is the way back). Card authorisations are reversed, stock comes back, the sale stays on record as
 * VOIDED and leaves the shift's takings.
 */
public final class PostVoidService {

  /**
   * The answer.
   *
   * @param voided the sale was voided now (false: it already was)
   * @param sale the sale as it stands
   */
  public record Outcome(boolean voided, SaleResponse sale) {}

  private final Jdbi jdbi;
  private final AuthService auth;
  private final PaymentProcessor processor;
  private final ObjectMapper json;
  private final Clock clock;

  public PostVoidService(
      Jdbi jdbi, AuthService auth, PaymentProcessor processor, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.auth = auth;
    this.processor = processor;
    this.json = json;
    this.clock = clock;
  }

  public Outcome voidSale(Principal who, UUID saleId, VoidSaleRequest r) {
    if (r.reason() == null
        || r.reason().isBlank()
        || r.reason().codePointCount(0, r.reason().length()) > 200) {
      throw ApiException.invalid("/reason", "A void needs a reason of 1 to 200 characters");
    }
    UUID manager = manager(who, r);
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> sale =
              h.createQuery(
                      "select state, terminal_id, paid_at, receipt_number, currency, void_reason,"
                          + " response::text as response"
                          + " from sale where organisation_id = :org and id = :id for update")
                  .bind("org", who.organisationId())
                  .bind("id", saleId)
                  .mapToMap()
                  .findOne()
                  .orElseThrow(() -> ApiException.notFound("No sale " + saleId));
          SaleResponse recorded = read((String) sale.get("response"));
          if ("VOIDED".equals(sale.get("state"))) {
            if (!r.reason().equals(sale.get("void_reason"))) {
              throw ApiException.conflict(
                  "Sale " + sale.get("receipt_number") + " was voided for another reason");
            }
            return new Outcome(false, recorded);
          }
          SaleResponse voided = voided(recorded);
          if (!who.terminalId().equals(sale.get("terminal_id"))) {
            throw ApiException.conflict(
                "A sale is voided on the terminal that made it; refund it instead");
          }
          Optional<Instant> shiftOpened =
              h.createQuery(
                      "select opened_at from shift where organisation_id = :org and terminal_id = :t and closed_at is null")
                  .bind("org", who.organisationId())
                  .bind("t", who.terminalId())
                  .mapTo(Instant.class)
                  .findOne();
          Instant paidAt = ((Timestamp) sale.get("paid_at")).toInstant();
          if (shiftOpened.isEmpty() || paidAt.isBefore(shiftOpened.get())) {
            throw ApiException.conflict(
                "The shift of sale "
                    + sale.get("receipt_number")
                    + " is closed; refund it instead");
          }
          long refunds =
              h.createQuery(
                      "select count(*) from refund where organisation_id = :org and sale_id = :sale")
                  .bind("org", who.organisationId())
                  .bind("sale", saleId)
                  .mapTo(Long.class)
                  .one();
          if (refunds > 0) {
            throw ApiException.conflict(
                "Sale " + sale.get("receipt_number") + " has refunds; refund the rest instead");
          }
          reverseCards(
              h,
              who,
              saleId,
              (String) sale.get("receipt_number"),
              Currency.getInstance(((String) sale.get("currency")).trim()));
          // Today's roll-up of the hour the sale was paid in no longer holds (V50).
          SaleHours.invalidate(h, who.organisationId(), saleId);
          h.createUpdate(
                  "update sale set state = 'VOIDED', voided_at = :now, voided_by = :manager, void_reason = :reason,"
                      + " response = cast(:response as jsonb) where organisation_id = :org and id = :id")
              .bind("response", write(voided))
              .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
              .bind("manager", manager)
              .bind("reason", r.reason())
              .bind("org", who.organisationId())
              .bind("id", saleId)
              .execute();
          h.createUpdate(
                  "insert into stock_movement (organisation_id, store_id, item_id, delta, sale_id,"
                      + " reason, terminal_id, employee_id) select organisation_id, store_id, item_id,"
                      + " -delta, sale_id, 'VOID', :terminal, :manager from stock_movement"
                      + " where organisation_id = :org and sale_id = :sale and reason = 'SALE'")
              .bind("terminal", who.terminalId())
              .bind("manager", manager)
              .bind("org", who.organisationId())
              .bind("sale", saleId)
              .execute();
          Audit.record(
              h,
              who.organisationId(),
              who.terminalId(),
              manager,
              "SALE_VOIDED",
              sale.get("receipt_number") + ": " + r.reason());
          return new Outcome(true, voided);
        });
  }

  /**
   * Reverses the sale's approved cards (offline ones approved on delivery included); a declined
   * card took no money and has nothing to reverse. A refusal or a silence leaves the sale as it
   * was; a retry asks again for each card, which the processor answers once per tender.
   */
  private void reverseCards(
      Handle h, Principal who, UUID saleId, String receipt, Currency currency) {
    List<Map<String, Object>> cards =
        h.createQuery(
                "select id, amount + tip as charged, authorisation from tender where organisation_id = :org and sale_id = :sale"
                    + " and type = 'CARD' and status = 'APPROVED' order by id")
            .bind("org", who.organisationId())
            .bind("sale", saleId)
            .mapToMap()
            .list();
    for (Map<String, Object> card : cards) {
      UUID tender = (UUID) card.get("id");
      try {
        if (!processor.reverse(
            tender,
            (String) card.get("authorisation"),
            // The whole charge comes back, the tip with it (ADR 0054).
            Money.of(((Number) card.get("charged")).longValue(), currency))) {
          throw CardProblems.reversalRefused(receipt);
        }
      } catch (PaymentProcessor.TimeoutException e) {
        throw CardProblems.timeout(e, "the sale is not voided, try again");
      } catch (PaymentProcessor.UnavailableException e) {
        throw CardProblems.unavailable(e, "/");
      }
      h.createUpdate(
              "update tender set status = 'REVERSED' where organisation_id = :org and id = :id")
          .bind("org", who.organisationId())
          .bind("id", tender)
          .execute();
    }
  }

  private UUID manager(Principal who, VoidSaleRequest r) {
    if (who.role() == null || !who.role().canSell()) {
      throw ApiException.forbidden("Only cashiers and managers void sales");
    }
    return auth.managerOrApproval(
        who,
        r.approvingManagerId(),
        r.approvingManagerPin(),
        "Voiding a paid sale needs a manager: sign in as one, or add a manager's approval");
  }

  /** The recorded answer of a voided sale: state VOIDED, approved cards reversed. */
  private static SaleResponse voided(SaleResponse r) {
    List<TenderResultDto> tenders =
        r.tenders().stream()
            .map(
                t ->
                    "APPROVED".equals(t.status())
                        ? new TenderResultDto(
                            t.id(), t.type(), t.amount(), "REVERSED", t.authorisation(), t.tip())
                        : t)
            .toList();
    return new SaleResponse(
        r.id(), r.receiptNumber(), "VOIDED", r.offline(), r.totals(), tenders, r.recordedAt());
  }

  private String write(SaleResponse response) {
    try {
      return json.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the sale", e);
    }
  }

  private SaleResponse read(String stored) {
    try {
      return json.readValue(stored, SaleResponse.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored sale response is unreadable", e);
    }
  }
}
