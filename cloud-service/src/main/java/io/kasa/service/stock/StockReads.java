package io.kasa.service.stock;

import io.kasa.api.stock.StockAdjustment;
import io.kasa.api.stock.StockLevel;
import io.kasa.api.stock.StockMovementDto;
import io.kasa.api.stock.StockMovements;
import io.kasa.api.stock.StockPage;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** What the back office reads of a store's stock: levels by item, an item's movements. */
final class StockReads {

  private final Jdbi jdbi;

  StockReads(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Every item of the organisation with its stock at the store, by id after {@code after}; {@code
   * item} keeps the one with that id, SKU or barcode, {@code below} those with less stock.
   */
  StockPage levels(UUID org, UUID store, String item, BigDecimal below, int limit, String after) {
    return jdbi.withHandle(
        h -> {
          storeCode(h, org, store);
          StringBuilder sql =
              new StringBuilder(
                  "select * from (select i.id, i.sku, i.name, i.unit, i.active,"
                      + " coalesce((select sum(m.delta) from stock_movement m"
                      + " where m.organisation_id = i.organisation_id and m.store_id = :store"
                      + " and m.item_id = i.id), 0) as stock"
                      + " from item i where i.organisation_id = :org");
          if (after != null) {
            sql.append(" and i.id > :after");
          }
          if (item != null) {
            sql.append(
                " and (i.id = :item or i.sku = :item or exists (select 1 from barcode b"
                    + " where b.organisation_id = i.organisation_id and b.item_id = i.id"
                    + " and b.code = :item))");
          }
          sql.append(") x");
          if (below != null) {
            sql.append(" where x.stock < :below");
          }
          sql.append(" order by x.id limit :limit");
          Query q =
              h.createQuery(sql.toString())
                  .bind("org", org)
                  .bind("store", store)
                  .bind("limit", limit + 1);
          if (after != null) {
            q.bind("after", after);
          }
          if (item != null) {
            q.bind("item", item);
          }
          if (below != null) {
            q.bind("below", below);
          }
          List<StockLevel> levels = new ArrayList<>();
          for (Map<String, Object> row : q.mapToMap().list()) {
            BigDecimal stock = (BigDecimal) row.get("stock");
            levels.add(
                new StockLevel(
                    (String) row.get("id"),
                    (String) row.get("sku"),
                    (String) row.get("name"),
                    (String) row.get("unit"),
                    (Boolean) row.get("active"),
                    Quantities.text(stock),
                    stock.signum() < 0));
          }
          String next = null;
          if (levels.size() > limit) {
            levels = levels.subList(0, limit);
            next = levels.get(limit - 1).itemId();
          }
          return new StockPage(store.toString(), List.copyOf(levels), next);
        });
  }

  /** The item's movements at the store, newest first, each with the stock right after it. */
  StockMovements movements(UUID org, UUID store, String item, int limit, Long before) {
    return jdbi.withHandle(
        h -> {
          storeCode(h, org, store);
          if (!itemExists(h, org, item)) {
            throw ApiException.notFound("No item " + item);
          }
          List<StockMovementDto> page = new ArrayList<>();
          for (Map<String, Object> row :
              h.createQuery(
                      "select * from (select m.id, m.at, m.reason, m.delta, m.counted, m.note,"
                          + " m.employee_id, m.terminal_id, coalesce(r.receipt_number, s.receipt_number)"
                          + " as receipt, sum(m.delta) over (order by m.id) as balance"
                          + " from stock_movement m"
                          + " left join sale s on s.organisation_id = m.organisation_id and s.id = m.sale_id"
                          + " left join refund r on r.organisation_id = m.organisation_id"
                          + " and r.id = m.refund_id"
                          + " where m.organisation_id = :org and m.store_id = :store and m.item_id = :item) x"
                          + " where x.id < :before order by x.id desc limit :limit")
                  .bind("org", org)
                  .bind("store", store)
                  .bind("item", item)
                  .bind("before", before == null ? Long.MAX_VALUE : before)
                  .bind("limit", limit + 1)
                  .mapToMap()
                  .list()) {
            page.add(
                new StockMovementDto(
                    ((Number) row.get("id")).longValue(),
                    StockLedger.instant(row.get("at")),
                    (String) row.get("reason"),
                    Quantities.text((BigDecimal) row.get("delta")),
                    Quantities.text((BigDecimal) row.get("balance")),
                    row.get("counted") == null
                        ? null
                        : Quantities.text((BigDecimal) row.get("counted")),
                    (String) row.get("note"),
                    (String) row.get("receipt"),
                    text(row.get("employee_id")),
                    text(row.get("terminal_id"))));
          }
          String next = null;
          if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Long.toString(page.get(limit - 1).id());
          }
          return new StockMovements(
              store.toString(),
              item,
              Quantities.text(StockLedger.stock(h, org, store, item)),
              List.copyOf(page),
              next);
        });
  }

  /** The adjustment recorded with {@code id}, with the item's stock now. */
  StockAdjustment adjustment(Handle h, UUID org, UUID id) {
    Map<String, Object> row =
        h.createQuery(
                "select id, store_id, item_id, reason, delta, counted, note, at, employee_id"
                    + " from stock_movement where organisation_id = :org and adjustment_id = :id")
            .bind("org", org)
            .bind("id", id)
            .mapToMap()
            .one();
    UUID store = (UUID) row.get("store_id");
    String item = (String) row.get("item_id");
    BigDecimal stock = StockLedger.stock(h, org, store, item);
    return new StockAdjustment(
        id.toString(),
        store.toString(),
        item,
        (String) row.get("reason"),
        Quantities.text((BigDecimal) row.get("delta")),
        row.get("counted") == null ? null : Quantities.text((BigDecimal) row.get("counted")),
        (String) row.get("note"),
        StockLedger.instant(row.get("at")),
        text(row.get("employee_id")),
        Quantities.text(stock),
        stock.signum() < 0);
  }

  /** The store's code; a store of another organisation is not found. */
  static String storeCode(Handle h, UUID org, UUID store) {
    return h.createQuery("select code from store where organisation_id = :org and id = :id")
        .bind("org", org)
        .bind("id", store)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> ApiException.notFound("No store " + store));
  }

  static boolean itemExists(Handle h, UUID org, String item) {
    return h.createQuery("select count(*) from item where organisation_id = :org and id = :id")
            .bind("org", org)
            .bind("id", item)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  private static String text(Object id) {
    return id == null ? null : id.toString();
  }
}
