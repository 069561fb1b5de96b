package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Percent;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What a customer's receipt is rebuilt from (ADR 0041), read in one round trip: the sale, its
 * store's identity and sale rules with the organisation's tax rates, the rates and tax classes it
 * was sold at, its items as the catalogue has them, its tenders' recorded card digits and approval
 * codes, and its refunds. The parts that are many rows come as JSON arrays from subqueries, each an
 * index probe of the sale's own rows; the option groups of its items are read only when one of them
 * has any (a second round trip).
 */
record RecordedReceipt(
    UUID organisation,
    UUID saleId,
    UUID storeId,
    String token,
    String state,
    Instant voidedAt,
    String request,
    Map<String, String> store,
    String terminalName,
    String employeeName,
    SalePolicy policy,
    Map<String, CatalogItem> items,
    Map<UUID, Tender> tenders,
    List<Refund> refunds) {

  /** A tender's card digits and approval code as the service recorded them (either may be null). */
  record Tender(String cardLast4, String authorisation) {}

  /** A refund: its request as recorded and its total. */
  record Refund(String request, long total) {}

  /** The store's columns the receipt prints, by name. */
  static final List<String> STORE_COLUMNS =
      List.of(
          "store_name",
          "locale",
          "public_address",
          "legal_name",
          "address",
          "tax_id",
          "vat_number",
          "receipt_header",
          "receipt_footer",
          "time_zone");

  /** Of the sale's items, by id, as its request names them: a key probe per item. */
  private static final String ITEMS =
      " = any (array(select jsonb_array_elements(s.request -> 'lines') ->> 'itemId'))";

  /** The one query; {@code where} selects the sale ({@code s}). */
  static String sql(String where) {
    return "select s.organisation_id, s.receipt_token, s.id, s.state, s.voided_at,"
        + " s.request::text as request, st.id as store_id, st.name as store_name, st.locale,"
        + " st.public_address, st.legal_name, st.address, st.tax_id, st.vat_number,"
        + " st.receipt_header, st.receipt_footer, st.time_zone, st.currency, st.tax_mode,"
        + " st.tax_rounding, st.cash_increment, t.name as terminal_name,"
        + " coalesce(e.name, '') as employee_name,"
        + " (select json_agg(json_build_array(c.code, c.label, c.rate::text) order by c.code)"
        + " from tax_class c where c.organisation_id = s.organisation_id)::text as rates,"
        + " (select json_agg(json_build_array(x.tax_class, x.rate::text)) from sale_tax x"
        + " where x.organisation_id = s.organisation_id and x.sale_id = s.id)::text as rates_sold,"
        + " (select json_agg(json_build_array(l.item_id, l.tax_class)) from (select distinct"
        + " item_id, tax_class from sale_line where organisation_id = s.organisation_id"
        + " and sale_id = s.id) l)::text as classes_sold,"
        + " (select json_agg(json_build_array(i.id, i.sku, i.name, i.unit, i.price, i.tax_class,"
        + " i.open_price, i.age_restricted, i.min_price, i.max_price)) from item i"
        + " where i.organisation_id = s.organisation_id and i.id"
        + ITEMS
        + ")::text as items,"
        + " exists (select 1 from item_modifier_group g where g.organisation_id = s.organisation_id"
        + " and g.item_id"
        + ITEMS
        + ") as options,"
        + " (select json_agg(json_build_array(d.id, d.card_last4, d.authorisation)) from tender d"
        + " where d.organisation_id = s.organisation_id and d.sale_id = s.id)::text as tenders,"
        + " (select json_agg(json_build_array(r.request::text, r.total) order by r.recorded_at,"
        + " r.id) from refund r where r.organisation_id = s.organisation_id"
        + " and r.sale_id = s.id)::text as refunds"
        + " from sale s join store st on st.organisation_id = s.organisation_id"
        + " and st.id = s.store_id"
        + " join terminal t on t.organisation_id = s.organisation_id and t.id = s.terminal_id"
        + " left join employee e on e.organisation_id = s.organisation_id"
        + " and e.id = s.employee_id"
        + " where "
        + where;
  }

  /** The receipt's sale selected by {@code where}, bound by {@code bind}, if there is one. */
  static Optional<RecordedReceipt> read(
      Handle h, ObjectMapper json, String where, Consumer<Query> bind) {
    Query query = h.createQuery(sql(where));
    bind.accept(query);
    Optional<Map<String, Object>> found = query.mapToMap().findOne();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = found.get();
    UUID org = (UUID) row.get("organisation_id");
    List<TaxRate> rates = new ArrayList<>();
    for (JsonNode r : array(json, row.get("rates"))) {
      rates.add(
          new TaxRate(
              text(r.get(0)), text(r.get(1)), new Percent(new BigDecimal(r.get(2).asText()))));
    }
    SalePolicy current =
        StorePolicy.policy(
            (String) row.get("currency"),
            (String) row.get("tax_mode"),
            (String) row.get("tax_rounding"),
            ((Number) row.get("cash_increment")).longValue(),
            rates);
    Map<String, BigDecimal> recorded = new HashMap<>();
    for (JsonNode r : array(json, row.get("rates_sold"))) {
      recorded.put(text(r.get(0)), new BigDecimal(r.get(1).asText()));
    }
    SalePolicy policy = RefundService.ratesAsSold(current, recorded);
    Currency currency = policy.currency();
    List<JsonNode> itemRows = array(json, row.get("items"));
    Map<String, List<io.kasa.api.catalog.ModifierGroupDto>> groups =
        Boolean.TRUE.equals(row.get("options"))
            ? io.kasa.service.catalog.ModifierStore.groupsOf(
                h, org, itemRows.stream().map(i -> i.get(0).asText()).collect(toSet()))
            : Map.of();
    Map<String, CatalogItem> items = new HashMap<>();
    for (JsonNode i : itemRows) {
      CatalogItem item =
          StorePolicy.item(
              i.get(0).asText(),
              text(i.get(1)),
              text(i.get(2)),
              i.get(3).asText(),
              i.get(4).asLong(),
              text(i.get(5)),
              i.get(6).asBoolean(),
              i.get(7).asBoolean(),
              i.get(8).isNull() ? null : i.get(8).asLong(),
              i.get(9).isNull() ? null : i.get(9).asLong(),
              groups.getOrDefault(i.get(0).asText(), List.of()),
              currency);
      items.put(item.id(), item);
    }
    List<Map.Entry<String, String>> classes = new ArrayList<>();
    for (JsonNode c : array(json, row.get("classes_sold"))) {
      classes.add(Map.entry(text(c.get(0)), text(c.get(1))));
    }
    Map<UUID, Tender> tenders = new HashMap<>();
    for (JsonNode d : array(json, row.get("tenders"))) {
      tenders.put(UUID.fromString(d.get(0).asText()), new Tender(text(d.get(1)), text(d.get(2))));
    }
    List<Refund> refunds = new ArrayList<>();
    for (JsonNode r : array(json, row.get("refunds"))) {
      refunds.add(new Refund(r.get(0).asText(), r.get(1).asLong()));
    }
    Map<String, String> store = new HashMap<>();
    for (String column : STORE_COLUMNS) {
      store.put(column, (String) row.get(column));
    }
    Object voided = row.get("voided_at");
    return Optional.of(
        new RecordedReceipt(
            org,
            (UUID) row.get("id"),
            (UUID) row.get("store_id"),
            (String) row.get("receipt_token"),
            (String) row.get("state"),
            voided == null
                ? null
                : voided instanceof java.sql.Timestamp ts
                    ? ts.toInstant()
                    : ((java.time.OffsetDateTime) voided).toInstant(),
            (String) row.get("request"),
            store,
            (String) row.get("terminal_name"),
            (String) row.get("employee_name"),
            policy,
            RefundService.itemsAsSold(items, classes),
            tenders,
            refunds));
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return java.util.stream.Collectors.toSet();
  }

  /** A JSON array column's elements; none when the column is null (no rows). */
  private static List<JsonNode> array(ObjectMapper json, Object column) {
    if (column == null) {
      return List.of();
    }
    try {
      List<JsonNode> out = new ArrayList<>();
      json.readTree((String) column).forEach(out::add);
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A receipt's recorded rows do not read", e);
    }
  }

  /** A JSON string, or null for JSON null. */
  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
