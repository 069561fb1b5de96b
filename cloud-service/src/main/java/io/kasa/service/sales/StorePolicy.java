package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxMode;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.service.db.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Reads a store's sale rules and catalogue items, always within one organisation. */
final class StorePolicy {

  private StorePolicy() {}

  static SalePolicy load(Handle h, UUID org, UUID store) {
    // The store's rules and its organisation's tax classes in one round trip: one row per class.
    List<Map<String, Object>> rows =
        h.createQuery(
                "select s.currency, s.tax_mode, s.tax_rounding, s.cash_increment, c.code, c.label, c.rate"
                    + " from store s left join tax_class c on c.organisation_id = s.organisation_id"
                    + " where s.organisation_id = :org and s.id = :id order by c.code")
            .bind("org", org)
            .bind("id", store)
            .mapToMap()
            .list();
    if (rows.isEmpty()) {
      throw new IllegalStateException("No store " + store + " in organisation " + org);
    }
    Map<String, Object> s = rows.get(0);
    List<TaxRate> rates = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      if (r.get("code") != null) {
        rates.add(
            new TaxRate(
                (String) r.get("code"),
                (String) r.get("label"),
                new Percent((BigDecimal) r.get("rate"))));
      }
    }
    return policy(
        (String) s.get("currency"),
        (String) s.get("tax_mode"),
        (String) s.get("tax_rounding"),
        ((Number) s.get("cash_increment")).longValue(),
        rates);
  }

  private static SalePolicy policy(
      String currencyCode,
      String taxMode,
      String taxRounding,
      long cashIncrement,
      List<TaxRate> rates) {
    Currency currency = Currency.getInstance(currencyCode.trim());
    TaxPolicy tax =
        new TaxPolicy(
            TaxMode.valueOf(taxMode),
            TaxRounding.valueOf(taxRounding),
            RoundingMode.HALF_UP,
            rates);
    return SalePolicy.of(currency, tax, CashRounding.to(Money.of(cashIncrement, currency)));
  }

  /**
   * What recording a sale needs to know, read in one round trip: the store's rules with its tax
   * classes and price override limit, the sale's items, and the sale itself if it is already
   * recorded.
   *
   * @param recordedHash the recorded sale's request hash, or null when it is not recorded
   * @param recordedResponse the recorded sale's response (JSON), or null
   */
  record ForSale(
      SalePolicy policy,
      BigDecimal overrideLimit,
      Map<String, CatalogItem> items,
      byte[] recordedHash,
      String recordedResponse) {}

  private static final Sql FOR_SALE =
      Sql.of(
          "select (select json_build_object('currency', s.currency, 'taxMode', s.tax_mode,"
              + " 'taxRounding', s.tax_rounding, 'cashIncrement', s.cash_increment,"
              + " 'overrideLimit', s.price_override_limit::text, 'rates', (select"
              + " coalesce(json_agg(json_build_array(c.code, c.label, c.rate::text) order by c.code), '[]')"
              + " from tax_class c where c.organisation_id = s.organisation_id))"
              + " from store s where s.organisation_id = :org and s.id = :store)::text as store,"
              + " (select coalesce(json_agg(json_build_array(i.id, i.sku, i.name, i.unit, i.price,"
              + " i.tax_class, i.open_price, i.age_restricted)), '[]') from item i"
              + " where i.organisation_id = :org and i.id = any(:ids))::text as items,"
              + " x.request_hash, x.response::text as response"
              + " from (select 1) one left join sale x on x.organisation_id = :org and x.id = :sale");

  static ForSale forSale(
      Connection c, ObjectMapper json, UUID org, UUID store, UUID sale, Object[] itemIds)
      throws SQLException {
    String storeJson;
    String itemsJson;
    byte[] recordedHash;
    String recordedResponse;
    try (Sql.Bound q =
            FOR_SALE
                .prepare(c)
                .set("org", org)
                .set("store", store)
                .set("sale", sale)
                .setArray("ids", "text", itemIds);
        ResultSet rs = q.query()) {
      rs.next();
      storeJson = rs.getString("store");
      itemsJson = rs.getString("items");
      recordedHash = rs.getBytes("request_hash");
      recordedResponse = rs.getString("response");
    }
    if (storeJson == null) {
      throw new IllegalStateException("No store " + store + " in organisation " + org);
    }
    try {
      JsonNode s = json.readTree(storeJson);
      List<TaxRate> rates = new ArrayList<>();
      for (JsonNode r : s.get("rates")) {
        rates.add(
            new TaxRate(
                r.get(0).asText(),
                r.get(1).asText(),
                new Percent(new BigDecimal(r.get(2).asText()))));
      }
      SalePolicy policy =
          policy(
              s.get("currency").asText(),
              s.get("taxMode").asText(),
              s.get("taxRounding").asText(),
              s.get("cashIncrement").asLong(),
              rates);
      Map<String, CatalogItem> items = new HashMap<>();
      for (JsonNode i : json.readTree(itemsJson)) {
        CatalogItem item =
            new CatalogItem(
                i.get(0).asText(),
                i.get(1).asText(),
                i.get(2).asText(),
                List.of(),
                Unit.valueOf(i.get(3).asText()),
                Money.of(i.get(4).asLong(), policy.currency()),
                i.get(5).asText(),
                i.get(6).asBoolean(),
                i.get(7).asBoolean());
        items.put(item.id(), item);
      }
      return new ForSale(
          policy,
          new BigDecimal(s.get("overrideLimit").asText()),
          items,
          recordedHash,
          recordedResponse);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The store's rules did not read back", e);
    }
  }

  /**
   * Whether the item changed in the catalogue at or after {@code since}: asked only when a sale's
   * price is not the catalogue's, so the common sale pays nothing for it.
   */
  static boolean itemChangedSince(Handle h, UUID org, String item, java.time.Instant since) {
    return h.createQuery(
            "select exists (select 1 from catalog_change where organisation_id = :org"
                + " and kind = 'ITEM' and key = :item and changed_at >= :since)")
        .bind("org", org)
        .bind("item", item)
        .bind("since", since.atOffset(java.time.ZoneOffset.UTC))
        .mapTo(Boolean.class)
        .one();
  }

  /** The items with these ids in the organisation's catalogue, by id. */
  static Map<String, CatalogItem> items(
      Handle h, UUID org, Collection<String> ids, Currency currency) {
    Map<String, CatalogItem> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(
            "select id, sku, name, unit, price, tax_class, open_price, age_restricted from item"
                + " where organisation_id = :org and id = any(:ids)")
        .bind("org", org)
        .bindArray("ids", String.class, ids)
        .map(
            (rs, ctx) ->
                new CatalogItem(
                    rs.getString("id"),
                    rs.getString("sku"),
                    rs.getString("name"),
                    List.of(),
                    Unit.valueOf(rs.getString("unit")),
                    Money.of(rs.getLong("price"), currency),
                    rs.getString("tax_class"),
                    rs.getBoolean("open_price"),
                    rs.getBoolean("age_restricted")))
        .forEach(i -> out.put(i.id(), i));
    return out;
  }
}
