package io.kasa.service.sales;

import io.kasa.api.sales.DeclinedOfflineCards;
import io.kasa.domain.money.Money;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The offline cards the processor declined on delivery, for the store's managers: the sale, the
 * amount, when and by whom, why, and what to do — until a manager records the money collected (ADR
 * 0031).
 */
public final class DeclinedCards {

  private final Jdbi jdbi;
  private final Clock clock;

  public DeclinedCards(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The caller's store's unsettled declined cards; managers only. */
  public DeclinedOfflineCards forManager(Principal who) {
    if (who.role() != Role.MANAGER && who.role() != Role.ADMIN) {
      throw ApiException.forbidden("Declined offline cards are for the store's managers");
    }
    return of(who.organisationId(), who.storeId());
  }

  /** A store's unsettled declined offline cards, newest sale first. */
  public DeclinedOfflineCards of(UUID org, UUID store) {
    return new DeclinedOfflineCards(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select t.id, t.amount, t.decline_reason, s.id as sale_id,"
                            + " s.receipt_number, s.currency, s.paid_at, s.employee_id, e.name"
                            + " from tender t join sale s on s.organisation_id = t.organisation_id"
                            + " and s.id = t.sale_id join employee e on e.organisation_id ="
                            + " s.organisation_id and e.id = s.employee_id"
                            + " where t.organisation_id = :org and s.store_id = :store"
                            + " and t.status = 'DECLINED' and t.settled_at is null"
                            + " order by s.paid_at desc, t.id")
                    .bind("org", org)
                    .bind("store", store)
                    .map(
                        (rs, ctx) -> {
                          String currency = rs.getString("currency").trim();
                          long amount = rs.getLong("amount");
                          return new DeclinedOfflineCards.Card(
                              rs.getObject("id", UUID.class),
                              rs.getObject("sale_id", UUID.class),
                              rs.getString("receipt_number"),
                              amount,
                              currency,
                              rs.getTimestamp("paid_at").toInstant(),
                              rs.getObject("employee_id", UUID.class),
                              rs.getString("name"),
                              rs.getString("decline_reason"),
                              whatToDo(
                                  Money.of(amount, Currency.getInstance(currency)),
                                  rs.getString("receipt_number")));
                        })
                    .list()));
  }

  /**
   * Records a declined card's money collected another way (its note says how); it leaves the list.
   * Returns false when no unsettled declined card has that id.
   */
  public boolean settle(UUID org, UUID tender, String by, String note) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update tender set settled_at = :now, settled_by = :by,"
                            + " settlement_note = :note where organisation_id = :org and id = :id"
                            + " and status = 'DECLINED' and settled_at is null")
                    .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .bind("by", by)
                    .bind("note", note)
                    .bind("org", org)
                    .bind("id", tender)
                    .execute())
        == 1;
  }

  private static String whatToDo(Money amount, String receipt) {
    return "The customer of receipt "
        + receipt
        + " has not paid "
        + amount.toDecimal().toPlainString()
        + " "
        + amount.currency().getCurrencyCode()
        + ": ask them to pay it another way (cash or another card), or write it off;"
        + " then record it settled (kasa-cloud admin settle-declined-card).";
  }
}
