package io.kasa.service.stock;

import io.kasa.service.audit.Audit;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Appends adjustments to the ledger, each audited in its own transaction. Adjustments of one item
 * at one store take turns (an advisory lock), so a count is measured against everything recorded
 * before it and two adjustments at once both count; sales never wait for it (ADR 0032).
 */
final class StockLedger {

  /**
   * An adjustment to append.
   *
   * @param organisation the tenant
   * @param store the store
   * @param storeCode the store's code, for the audit log
   * @param item the item's id
   * @param reason why
   * @param counted for a COUNT, the quantity counted; otherwise null
   * @param change for the other reasons, the signed quantity; otherwise null
   * @param note a note, or null
   * @param terminal the terminal it was made on, or null (admin command, back office)
   * @param employee who made it at a till, or null (admin command, back office)
   * @param officeAccount the back-office account that made it, or null
   * @param adjustmentId its Idempotency-Key, or null
   * @param hash what it asked for, to tell a repeat from another adjustment with the same key
   */
  record Entry(
      UUID organisation,
      UUID store,
      String storeCode,
      String item,
      Reason reason,
      BigDecimal counted,
      BigDecimal change,
      String note,
      UUID terminal,
      UUID employee,
      UUID officeAccount,
      UUID adjustmentId,
      byte[] hash) {}

  /**
   * An adjustment as appended.
   *
   * @param id the movement's number
   * @param at when
   * @param before the stock just before it
   * @param change what it moved the stock by
   */
  record Appended(long id, Instant at, BigDecimal before, BigDecimal change) {

    BigDecimal after() {
      return before.add(change);
    }
  }

  private StockLedger() {}

  /**
   * Appends {@code e} and audits it; empty when an adjustment with its id is recorded already (by a
   * concurrent repeat: the caller answers with that one).
   */
  static Optional<Appended> append(Handle h, Entry e) {
    h.execute(
        "select pg_advisory_xact_lock(hashtextextended(?, 0))",
        e.organisation() + "/stock/" + e.store() + "/" + e.item());
    BigDecimal before = stock(h, e.organisation(), e.store(), e.item());
    BigDecimal change = e.reason() == Reason.COUNT ? e.counted().subtract(before) : e.change();
    Optional<Map<String, Object>> row =
        h.createQuery(
                "insert into stock_movement (organisation_id, store_id, item_id, delta, reason, counted,"
                    + " note, terminal_id, employee_id, office_account_id, adjustment_id, request_hash)"
                    + " values (:org, :store, :item, :delta, :reason, :counted, :note,"
                    + " cast(:terminal as uuid), cast(:employee as uuid), cast(:account as uuid),"
                    + " cast(:adjustment as uuid), :hash)"
                    + " on conflict (organisation_id, adjustment_id) where adjustment_id is not null"
                    + " do nothing returning id, at")
            .bind("org", e.organisation())
            .bind("store", e.store())
            .bind("item", e.item())
            .bind("delta", change)
            .bind("reason", e.reason().name())
            .bind("counted", e.counted())
            .bind("note", e.note())
            .bind("terminal", text(e.terminal()))
            .bind("employee", text(e.employee()))
            .bind("account", text(e.officeAccount()))
            .bind("adjustment", text(e.adjustmentId()))
            .bind("hash", e.hash())
            .mapToMap()
            .findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Appended appended =
        new Appended(
            ((Number) row.get().get("id")).longValue(),
            instant(row.get().get("at")),
            before,
            change);
    if (e.officeAccount() != null) {
      Audit.recordOffice(
          h, e.organisation(), e.officeAccount(), "STOCK_ADJUSTED", detail(e, appended));
    } else {
      Audit.record(
          h, e.organisation(), e.terminal(), e.employee(), "STOCK_ADJUSTED", detail(e, appended));
    }
    return Optional.of(appended);
  }

  /** The store's stock of the item: the sum of its movements there. */
  static BigDecimal stock(Handle h, UUID org, UUID store, String item) {
    return h.createQuery(
            "select coalesce(sum(delta), 0) from stock_movement"
                + " where organisation_id = :org and store_id = :store and item_id = :item")
        .bind("org", org)
        .bind("store", store)
        .bind("item", item)
        .mapTo(BigDecimal.class)
        .one();
  }

  /** Who did what, how much, and what the stock went from and to: the audit log's line. */
  private static String detail(Entry e, Appended a) {
    StringBuilder s =
        new StringBuilder(e.storeCode())
            .append(' ')
            .append(e.item())
            .append(": ")
            .append(e.reason());
    if (e.counted() != null) {
      s.append(" counted ").append(Quantities.text(e.counted()));
    }
    s.append(' ')
        .append(a.change().signum() >= 0 ? "+" : "")
        .append(Quantities.text(a.change()))
        .append(" (")
        .append(Quantities.text(a.before()))
        .append(" -> ")
        .append(Quantities.text(a.after()))
        .append(')');
    if (e.employee() == null && e.officeAccount() == null) {
      s.append(" by an admin command");
    }
    if (e.note() != null) {
      s.append(": ").append(e.note());
    }
    return s.toString();
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  static Instant instant(Object timestamp) {
    if (timestamp instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((Timestamp) timestamp).toInstant();
  }
}
