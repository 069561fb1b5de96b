package io.kasa.service.sales;

import io.kasa.api.office.OfficeSaleRow;
import io.kasa.api.office.OfficeSalesPage;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.service.db.StoreDays;
import io.kasa.service.db.TimeCursor;
import io.kasa.service.http.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The back office's sales journal (issue 22, ADR 0047): an organisation's sales newest first, as
 * far as the account may see, filtered and paged by a keyset cursor — the last row's (paid_at, id)
 * — so a page reads its rows from the end of an index and stops, however long the history. And one
 * sale with its receipt as printed.
 */
public final class SalesJournal {

  /** Rows a page holds when the caller does not say. */
  public static final int PAGE = 50;

  /** The most rows a page may hold. */
  public static final int MOST = 200;

  /**
   * What an account may see.
   *
   * @param organisation its organisation
   * @param stores the stores it may see, or null for every store of the organisation
   */
  public record Scope(UUID organisation, List<UUID> stores) {

    boolean sees(UUID store) {
      return stores == null || stores.contains(store);
    }
  }

  /**
   * The journal's filters; each null means any.
   *
   * @param from the first day (in each store's time zone)
   * @param to the last day, included
   * @param store a store
   * @param terminal a till
   * @param employee a cashier
   * @param receipt a receipt number (the sequence may be written without its zeros)
   * @param min the least total, in minor units
   * @param max the greatest total, in minor units
   */
  public record Filter(
      LocalDate from,
      LocalDate to,
      UUID store,
      UUID terminal,
      UUID employee,
      String receipt,
      Long min,
      Long max) {

    /** No filter at all. */
    public static final Filter NONE = new Filter(null, null, null, null, null, null, null, null);
  }

  /**
   * A sale with its receipt.
   *
   * @param row the journal's row
   * @param found its receipt as printed, with refunds and post-void
   */
  public record Detail(OfficeSaleRow row, PublicReceipts.Found found) {}

  /**
   * What the filters offer: the stores the account sees, their tills, the organisation's staff.
   *
   * @param stores stores
   * @param terminals tills, with their store's name
   * @param employees employees
   */
  public record Choices(
      List<OfficeSaleRow.Named> stores,
      List<OfficeSaleRow.Named> terminals,
      List<OfficeSaleRow.Named> employees) {}

  private static final String COLUMNS =
      "select s.id, s.receipt_number, s.paid_at, s.state, s.currency, s.total, s.offline,"
          + " s.store_id, st.name as store_name, st.time_zone, s.terminal_id, t.name as terminal_name,"
          + " s.employee_id, coalesce(e.name, '') as employee_name,"
          + " coalesce((select sum(r.total) from refund r where r.organisation_id ="
          + " s.organisation_id and r.sale_id = s.id), 0) as refunded"
          + " from sale s join store st on st.organisation_id = s.organisation_id"
          + " and st.id = s.store_id"
          + " join terminal t on t.organisation_id = s.organisation_id and t.id = s.terminal_id"
          + " left join employee e on e.organisation_id = s.organisation_id"
          + " and e.id = s.employee_id"
          + " where s.organisation_id = :org";

  private final Jdbi jdbi;
  private final PublicReceipts receipts;

  public SalesJournal(Jdbi jdbi, PublicReceipts receipts) {
    this.jdbi = jdbi;
    this.receipts = receipts;
  }

  /**
   * A page of the journal: up to {@code limit} sales older than {@code cursor} (null for the
   * newest) that pass {@code filter}. A store, till or employee the scope does not hold is 404; a
   * cursor this journal did not give, or a receipt number that is none, is 400 naming it.
   */
  public OfficeSalesPage page(Scope scope, Filter filter, String cursor, int limit) {
    if (limit < 1 || limit > MOST) {
      throw ApiException.badRequest("The query parameter limit is from 1 to " + MOST);
    }
    TimeCursor<UUID> after =
        cursor == null
            ? null
            : TimeCursor.decode(cursor, UUID::fromString)
                .orElseThrow(
                    () ->
                        ApiException.badRequest(
                            "The query parameter cursor is not one this journal gave (take next"
                                + " from a page)"));
    return jdbi.withHandle(
        h -> {
          requireKnown(h, scope, filter);
          StringBuilder sql = new StringBuilder(COLUMNS);
          Map<String, Object> binds = new java.util.HashMap<>();
          binds.put("org", scope.organisation());
          UUID store = filter.store();
          if (store == null && scope.stores() != null && scope.stores().size() == 1) {
            store = scope.stores().get(0);
          }
          if (store != null) {
            sql.append(" and s.store_id = :store");
            binds.put("store", store);
          } else if (scope.stores() != null) {
            if (scope.stores().isEmpty()) {
              return new OfficeSalesPage(List.of(), null);
            }
            sql.append(" and s.store_id = any(:stores)");
          }
          if (filter.terminal() != null) {
            sql.append(" and s.terminal_id = :terminal");
            binds.put("terminal", filter.terminal());
          }
          if (filter.employee() != null) {
            sql.append(" and s.employee_id = :employee");
            binds.put("employee", filter.employee());
          }
          if (filter.receipt() != null) {
            ReceiptNumber number =
                ReceiptNumbers.named(filter.receipt())
                    .orElseThrow(
                        () ->
                            ApiException.badRequest(
                                "The query parameter receipt is no receipt number"
                                    + " (STORE-TERMINAL-SEQUENCE, as K1-T1-000042)"));
            // The till whose codes the number carries, and its unique receipt numbers (V16).
            sql.append(
                " and s.terminal_id = (select tn.id from terminal tn join store sn"
                    + " on sn.organisation_id = tn.organisation_id and sn.id = tn.store_id"
                    + " where tn.organisation_id = :org and sn.code = :storeCode"
                    + " and tn.code = :terminalCode) and s.receipt_number = :number");
            binds.put("storeCode", number.store());
            binds.put("terminalCode", number.terminal());
            binds.put("number", number.toString());
          }
          Map<String, List<UUID>> arrays = new java.util.HashMap<>();
          if (filter.from() != null || filter.to() != null) {
            StoreDays.where(
                h,
                scope.organisation(),
                store,
                scope::sees,
                filter.from(),
                filter.to(),
                "s.store_id",
                "s.paid_at",
                sql,
                binds,
                arrays);
          }
          if (filter.min() != null) {
            sql.append(" and s.total >= :min");
            binds.put("min", filter.min());
          }
          if (filter.max() != null) {
            sql.append(" and s.total <= :max");
            binds.put("max", filter.max());
          }
          if (after != null) {
            sql.append(" and (s.paid_at, s.id) < (:at, :id)");
            binds.put("at", after.atUtc());
            binds.put("id", after.key());
          }
          sql.append(" order by s.paid_at desc, s.id desc limit :limit");
          binds.put("limit", limit + 1);
          Query q = h.createQuery(sql.toString()).bindMap(binds);
          if (store == null && scope.stores() != null) {
            q.bindArray("stores", UUID.class, scope.stores());
          }
          arrays.forEach((name, ids) -> q.bindArray(name, UUID.class, ids));
          List<OfficeSaleRow> rows = new ArrayList<>(q.map((rs, ctx) -> row(rs)).list());
          String next = null;
          if (rows.size() > limit) {
            rows.remove(limit);
            OfficeSaleRow last = rows.get(limit - 1);
            next = new TimeCursor<>(last.paidAt(), UUID.fromString(last.id())).encode();
          }
          return new OfficeSalesPage(List.copyOf(rows), next);
        });
  }

  /** Sale {@code id} with its receipt, if the scope holds it. */
  public Optional<Detail> sale(Scope scope, UUID id) {
    Optional<OfficeSaleRow> row =
        jdbi.withHandle(
            h ->
                h.createQuery(COLUMNS + " and s.id = :id")
                    .bind("org", scope.organisation())
                    .bind("id", id)
                    .map((rs, ctx) -> row(rs))
                    .findOne());
    if (row.isEmpty() || !scope.sees(UUID.fromString(row.get().store().id()))) {
      return Optional.empty();
    }
    return receipts.byId(scope.organisation(), id).map(found -> new Detail(row.get(), found));
  }

  /** What the journal's filters offer to an account of {@code scope}. */
  public Choices choices(Scope scope) {
    return jdbi.withHandle(
        h -> {
          List<OfficeSaleRow.Named> stores = new ArrayList<>();
          List<OfficeSaleRow.Named> terminals = new ArrayList<>();
          h.createQuery(
                  "select st.id as store_id, st.name as store_name, t.id, t.name from store st"
                      + " left join terminal t on t.organisation_id = st.organisation_id"
                      + " and t.store_id = st.id where st.organisation_id = :org"
                      + " order by st.name, st.id, t.name, t.id")
              .bind("org", scope.organisation())
              .mapToMap()
              .forEach(
                  m -> {
                    UUID storeId = (UUID) m.get("store_id");
                    if (!scope.sees(storeId)) {
                      return;
                    }
                    String storeName = (String) m.get("store_name");
                    if (stores.isEmpty()
                        || !stores.get(stores.size() - 1).id().equals(storeId.toString())) {
                      stores.add(new OfficeSaleRow.Named(storeId.toString(), storeName));
                    }
                    if (m.get("id") != null) {
                      terminals.add(
                          new OfficeSaleRow.Named(
                              m.get("id").toString(), m.get("name") + " · " + storeName));
                    }
                  });
          List<OfficeSaleRow.Named> employees =
              h.createQuery(
                      "select id, name from employee where organisation_id = :org"
                          + " order by name, id")
                  .bind("org", scope.organisation())
                  .map(
                      (rs, ctx) ->
                          new OfficeSaleRow.Named(rs.getString("id"), rs.getString("name")))
                  .list();
          return new Choices(stores, terminals, employees);
        });
  }

  /** A store, till or employee the filter names that the scope does not hold is 404. */
  private static void requireKnown(Handle h, Scope scope, Filter f) {
    if (f.store() != null && (!scope.sees(f.store()) || !exists(h, "store", scope, f.store()))) {
      throw ApiException.notFound("No such store");
    }
    if (f.terminal() != null) {
      Optional<UUID> store =
          h.createQuery("select store_id from terminal where organisation_id = :org and id = :id")
              .bind("org", scope.organisation())
              .bind("id", f.terminal())
              .mapTo(UUID.class)
              .findOne();
      if (store.isEmpty() || !scope.sees(store.get())) {
        throw ApiException.notFound("No such terminal");
      }
    }
    if (f.employee() != null && !exists(h, "employee", scope, f.employee())) {
      throw ApiException.notFound("No such employee");
    }
  }

  private static boolean exists(Handle h, String table, Scope scope, UUID id) {
    return h.createQuery(
                "select count(*) from " + table + " where organisation_id = :org and id = :id")
            .bind("org", scope.organisation())
            .bind("id", id)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  private static OfficeSaleRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new OfficeSaleRow(
        rs.getString("id"),
        rs.getString("receipt_number"),
        rs.getObject("paid_at", OffsetDateTime.class).toInstant(),
        rs.getString("state"),
        rs.getString("currency"),
        rs.getLong("total"),
        rs.getLong("refunded"),
        rs.getBoolean("offline"),
        new OfficeSaleRow.Named(rs.getString("store_id"), rs.getString("store_name")),
        new OfficeSaleRow.Named(rs.getString("terminal_id"), rs.getString("terminal_name")),
        new OfficeSaleRow.Named(rs.getString("employee_id"), rs.getString("employee_name")),
        StoreDays.zone(rs.getString("time_zone")).getId());
  }
}
