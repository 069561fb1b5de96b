package io.kasa.service.stock;

import io.kasa.api.office.OfficeStockLevel;
import io.kasa.api.office.OfficeStockMovement;
import io.kasa.api.office.OfficeStockStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What the back office's Stock screen reads (ADR 0050): the stores, a page of a store's levels with
 * their reorder levels, an item's movements with who made each and the balance after it.
 */
final class StockOfficeReads {

  /** An item's stock at a store, summed from its movements there. */
  private static final String ON_HAND =
      "coalesce((select sum(m.delta) from stock_movement m where m.organisation_id = i.organisation_id"
          + " and m.store_id = :store and m.item_id = i.id), 0) as on_hand";

  private StockOfficeReads() {}

  /** The organisation's stores {@code sees} lets the account see, by code. */
  static List<OfficeStockStore> stores(Handle h, StockOffice.Scope scope) {
    return h
        .createQuery(
            "select id, code, name, time_zone from store where organisation_id = :org order by code")
        .bind("org", scope.organisation())
        .map(
            (rs, ctx) ->
                new OfficeStockStore(
                    rs.getString("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("time_zone")))
        .list()
        .stream()
        .filter(s -> scope.sees(UUID.fromString(s.id())))
        .toList();
  }

  /** The store when the account may see it. */
  static Optional<OfficeStockStore> store(Handle h, StockOffice.Scope scope, UUID store) {
    if (!scope.sees(store)) {
      return Optional.empty();
    }
    return h.createQuery(
            "select id, code, name, time_zone from store where organisation_id = :org and id = :id")
        .bind("org", scope.organisation())
        .bind("id", store)
        .map(
            (rs, ctx) ->
                new OfficeStockStore(
                    rs.getString("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("time_zone")))
        .findOne();
  }

  /**
   * A page of the store's items by id after {@code after}: those whose name contains {@code q} (any
   * case) or whose SKU, id or a barcode is it; with {@code low}, only those with a reorder level at
   * the store and no more than it on hand.
   */
  static List<OfficeStockLevel> levels(
      Handle h, UUID org, UUID store, String q, boolean low, String after, int limit) {
    StringBuilder sql = new StringBuilder("select * from (select i.id, i.sku, i.name, i.unit,");
    sql.append(" i.active, r.level, ").append(ON_HAND);
    if (low) {
      // Only the items with a level: walk the store's levels by item, not the whole catalogue.
      sql.append(
          " from stock_reorder_level r join item i on i.organisation_id = r.organisation_id"
              + " and i.id = r.item_id where r.organisation_id = :org and r.store_id = :store");
      if (after != null) {
        sql.append(" and r.item_id > :after");
      }
    } else {
      sql.append(
          " from item i left join stock_reorder_level r on r.organisation_id = i.organisation_id"
              + " and r.store_id = :store and r.item_id = i.id where i.organisation_id = :org");
      if (after != null) {
        sql.append(" and i.id > :after");
      }
    }
    if (q != null) {
      sql.append(
          " and (i.name ilike :like escape '\\' or i.sku = :q or i.id = :q or i.id in"
              + " (select b.item_id from barcode b where b.organisation_id = :org and b.code = :q))");
    }
    sql.append(") x");
    if (low) {
      sql.append(" where x.on_hand <= x.level");
    }
    sql.append(" order by x.id limit :n");
    Query select =
        h.createQuery(sql.toString()).bind("org", org).bind("store", store).bind("n", limit);
    if (after != null) {
      select.bind("after", after);
    }
    if (q != null) {
      select.bind("q", q).bind("like", "%" + likeEscaped(q) + "%");
    }
    return select.mapToMap().list().stream().map(StockOfficeReads::level).toList();
  }

  /** The item's stock at the store, if the organisation has the item. */
  static Optional<OfficeStockLevel> level(Handle h, UUID org, UUID store, String item) {
    return h.createQuery(
            "select i.id, i.sku, i.name, i.unit, i.active, r.level, "
                + ON_HAND
                + " from item i left join stock_reorder_level r"
                + " on r.organisation_id = i.organisation_id and r.store_id = :store"
                + " and r.item_id = i.id where i.organisation_id = :org and i.id = :item")
        .bind("org", org)
        .bind("store", store)
        .bind("item", item)
        .mapToMap()
        .findOne()
        .map(StockOfficeReads::level);
  }

  private static OfficeStockLevel level(Map<String, Object> row) {
    BigDecimal onHand = (BigDecimal) row.get("on_hand");
    BigDecimal level = (BigDecimal) row.get("level");
    return new OfficeStockLevel(
        (String) row.get("id"),
        (String) row.get("sku"),
        (String) row.get("name"),
        (String) row.get("unit"),
        (Boolean) row.get("active"),
        Quantities.text(onHand),
        level == null ? null : Quantities.text(level),
        state(onHand, level));
  }

  /**
   * NEGATIVE below zero; with a reorder level OUT at zero and LOW at or below it; without one NONE
   * at zero (nothing kept, e.g. a dish cooked to order); OK otherwise.
   */
  static String state(BigDecimal onHand, BigDecimal level) {
    if (onHand.signum() < 0) {
      return "NEGATIVE";
    }
    if (level == null) {
      return onHand.signum() == 0 ? "NONE" : "OK";
    }
    if (onHand.signum() == 0) {
      return "OUT";
    }
    return onHand.compareTo(level) <= 0 ? "LOW" : "OK";
  }

  /**
   * The item's movements at the store before movement {@code before} (null: the newest), newest
   * first, at most {@code limit}: the page is read from the end of the store-and-item index, who
   * made each by its sale's, refund's or own keys, and the balances from one sum up to the page's
   * newest.
   */
  static List<OfficeStockMovement> movements(
      Handle h, UUID org, UUID store, String item, Long before, int limit) {
    List<Map<String, Object>> rows =
        h.createQuery(
                "with page as (select m.id, m.at, m.reason, m.delta, m.counted, m.note,"
                    + " m.employee_id, m.office_account_id, m.terminal_id, m.sale_id, m.refund_id"
                    + " from stock_movement m where m.organisation_id = :org and m.store_id = :store"
                    + " and m.item_id = :item and m.id < :before order by m.id desc limit :n)"
                    + WHO
                    + " order by p.id desc")
            .bind("org", org)
            .bind("store", store)
            .bind("item", item)
            .bind("before", before == null ? Long.MAX_VALUE : before)
            .bind("n", limit)
            .mapToMap()
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    BigDecimal balance = balance(h, org, store, item, ((Number) rows.get(0).get("id")).longValue());
    List<OfficeStockMovement> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      out.add(movement(row, balance));
      balance = balance.subtract((BigDecimal) row.get("delta"));
    }
    return out;
  }

  /** The movement appended with adjustment {@code id}, with the balance after it. */
  static Optional<OfficeStockMovement> adjustment(Handle h, UUID org, UUID id) {
    return h.createQuery(
            "with page as (select m.id, m.at, m.reason, m.delta, m.counted, m.note,"
                + " m.employee_id, m.office_account_id, m.terminal_id, m.sale_id, m.refund_id,"
                + " m.store_id, m.item_id from stock_movement m where m.organisation_id = :org"
                + " and m.adjustment_id = :id)"
                + WHO.replace("select p.id,", "select p.id, p.store_id, p.item_id,"))
        .bind("org", org)
        .bind("id", id)
        .mapToMap()
        .findOne()
        .map(
            row ->
                movement(
                    row,
                    balance(
                        h,
                        org,
                        (UUID) row.get("store_id"),
                        (String) row.get("item_id"),
                        ((Number) row.get("id")).longValue())));
  }

  /** Who made each movement of {@code page}: the till's employee, the account, or the service. */
  private static final String WHO =
      " select p.id, p.at, p.reason, p.delta, p.counted, p.note,"
          + " coalesce(r.receipt_number, s.receipt_number) as receipt, e.name as employee,"
          + " a.email as account, t.name as terminal"
          + " from page p"
          + " left join sale s on s.organisation_id = :org and s.id = p.sale_id"
          + " left join refund r on r.organisation_id = :org and r.id = p.refund_id"
          + " left join employee e on e.organisation_id = :org and e.id = coalesce(p.employee_id,"
          + " case p.reason when 'VOID' then s.voided_by when 'REFUND' then r.employee_id"
          + " when 'SALE' then s.employee_id end)"
          + " left join office_account a on a.id = p.office_account_id"
          + " left join terminal t on t.organisation_id = :org and t.id = coalesce(p.terminal_id,"
          + " case p.reason when 'REFUND' then r.terminal_id when 'SALE' then s.terminal_id"
          + " when 'VOID' then s.terminal_id end)";

  private static BigDecimal balance(Handle h, UUID org, UUID store, String item, long upTo) {
    return h.createQuery(
            "select coalesce(sum(delta), 0) from stock_movement where organisation_id = :org"
                + " and store_id = :store and item_id = :item and id <= :upTo")
        .bind("org", org)
        .bind("store", store)
        .bind("item", item)
        .bind("upTo", upTo)
        .mapTo(BigDecimal.class)
        .one();
  }

  private static OfficeStockMovement movement(Map<String, Object> row, BigDecimal balance) {
    String employee = (String) row.get("employee");
    String account = (String) row.get("account");
    String kind = account != null ? "OFFICE" : employee != null ? "EMPLOYEE" : "SYSTEM";
    BigDecimal counted = (BigDecimal) row.get("counted");
    return new OfficeStockMovement(
        ((Number) row.get("id")).longValue(),
        StockLedger.instant(row.get("at")),
        (String) row.get("reason"),
        Quantities.text((BigDecimal) row.get("delta")),
        counted == null ? null : Quantities.text(counted),
        Quantities.text(balance),
        (String) row.get("note"),
        (String) row.get("receipt"),
        kind,
        account != null ? account : employee,
        (String) row.get("terminal"));
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
