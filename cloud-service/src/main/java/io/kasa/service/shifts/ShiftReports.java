package io.kasa.service.shifts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.shifts.ShiftReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Adds up a shift from the sales, refunds and cash movements of its terminal and hours. Sales are
 * read by {@code sale_by_terminal_paid} with the tallies each carries (V43, ADR 0038): never their
 * lines, taxes or tenders, whose keys are scattered over the whole history.
 */
final class ShiftReports {

  /** The end of an open shift's hours: every sale paid since it opened, whatever a till's clock. */
  static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59Z");

  private ShiftReports() {}

  /**
   * The figures of shift {@code shiftId}: its Z report as kept at its close, or its X report (added
   * up now) while it is open; empty when the organisation has no such shift. The till's report
   * route and the back office both read a shift through here.
   */
  static Optional<ShiftReport> of(Handle h, UUID org, UUID shiftId, ObjectMapper json) {
    return h.createQuery(
            "select terminal_id, opened_at, opening_float, closed_at, z_report::text as z_report"
                + " from shift where organisation_id = :org and id = :id")
        .bind("org", org)
        .bind("id", shiftId)
        .map(
            (rs, ctx) ->
                new Object[] {
                  rs.getObject("terminal_id", UUID.class),
                  rs.getObject("opened_at", OffsetDateTime.class),
                  rs.getLong("opening_float"),
                  rs.getObject("closed_at", OffsetDateTime.class),
                  rs.getString("z_report")
                })
        .findOne()
        .map(
            r ->
                r[3] != null
                    ? read(json, (String) r[4])
                    : build(
                        h,
                        org,
                        (UUID) r[0],
                        shiftId,
                        "X",
                        (OffsetDateTime) r[1],
                        OPEN_END.atOffset(ZoneOffset.UTC),
                        (Long) r[2],
                        null,
                        json));
  }

  /** A Z report as kept in the shift's row. */
  static ShiftReport read(ObjectMapper json, String text) {
    try {
      return json.readValue(text, ShiftReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored Z report is unreadable", e);
    }
  }

  static ShiftReport build(
      Handle h,
      UUID org,
      UUID terminal,
      UUID shiftId,
      String kind,
      OffsetDateTime from,
      OffsetDateTime to,
      long openingFloat,
      Long counted,
      ObjectMapper json) {
    // One read of the shift's sales (voided ones counted apart and left out of everything else),
    // and one of its refunds, cash movements and number: two round trips, each index range once.
    // Planned once per connection (ADR 0038): their plan is the same index ranges whatever the
    // shift, but on a database of millions of sales PostgreSQL judged the generic plan dearer and
    // planned both afresh on every report (about 0.4 ms each; the X report was 1.71× a fresh
    // database's at 10,000,000 sales, 1.09× with this).
    h.execute("set local plan_cache_mode = force_generic_plan");
    Map<String, Object> sales =
        h.createQuery(SALES)
            .bind("org", org)
            .bind("t", terminal)
            .bind("from", from)
            .bind("to", to)
            .mapToMap()
            .one();
    Map<String, Object> rest =
        h.createQuery(REST)
            .bind("org", org)
            .bind("t", terminal)
            .bind("s", shiftId)
            .bind("from", from)
            .bind("to", to)
            .mapToMap()
            .one();
    h.execute("set local plan_cache_mode to default");
    long voided = number(sales, "voided_lines");
    Map<String, Long> byTender = sums(json, text(sales, "tenders"));
    long change = number(sales, "change");
    byTender.computeIfPresent("CASH", (k, v) -> v - change);
    List<ShiftReport.TaxLine> byTax = new ArrayList<>();
    for (JsonNode t : tree(json, text(sales, "taxes"))) {
      byTax.add(
          new ShiftReport.TaxLine(
              t.get("class").asText(),
              t.get("label").asText(),
              new BigDecimal(t.get("rate").asText()).stripTrailingZeros().toPlainString(),
              t.get("net").asLong(),
              t.get("tax").asLong(),
              t.get("gross").asLong()));
    }
    List<ShiftReport.TipLine> tips = tips(tree(json, text(sales, "tips")));
    Map<String, Long> refundsByTender = sums(json, text(rest, "payouts"));
    Map<String, Long> movements = new TreeMap<>();
    for (JsonNode m : tree(json, text(rest, "movements"))) {
      movements.put(m.get("type").asText() + "_AMOUNT", m.get("amount").asLong());
      movements.put(m.get("type").asText() + "_COUNT", m.get("n").asLong());
    }
    long cashTips = tips.stream().mapToLong(ShiftReport.TipLine::cash).sum();
    long cashIn = movements.getOrDefault("IN_AMOUNT", 0L);
    long cashOut = movements.getOrDefault("OUT_AMOUNT", 0L);
    long expected =
        openingFloat
            + byTender.getOrDefault("CASH", 0L)
            // Change the customers left as tips stayed in the drawer (ADR 0054).
            + cashTips
            - refundsByTender.getOrDefault("CASH", 0L)
            + cashIn
            - cashOut;
    return new ShiftReport(
        shiftId,
        kind,
        from.toInstant(),
        "Z".equals(kind) ? to.toInstant() : null,
        openingFloat,
        number(sales, "n"),
        number(sales, "total") + number(sales, "rounding"),
        number(sales, "discounts"),
        voided,
        number(sales, "voided_n"),
        number(sales, "voided_total"),
        byTender,
        byTax,
        number(rest, "refunds"),
        number(rest, "refunds_total"),
        refundsByTender,
        movements.getOrDefault("NO_SALE_COUNT", 0L),
        cashIn,
        cashOut,
        expected,
        counted,
        counted == null ? null : counted - expected,
        text(rest, "number"),
        tips);
  }

  /**
   * The shift's sales added up from the tallies each carries: counts and sums, tenders, taxes (with
   * their class's label) and each employee's tips (with their name, V54), the last three as JSON.
   */
  private static final String SALES =
      "with s as materialized (select state <> 'VOIDED' as kept, total, discounts, change_given,"
          + " cash_rounding, voided_lines, tender_sums, tax_sums, tip_sums, employee_id from sale"
          + " where organisation_id = :org and terminal_id = :t and paid_at >= :from and paid_at <= :to),"
          + " totals as (select count(*) filter (where kept) as n,"
          + " coalesce(sum(total) filter (where kept), 0) as total,"
          + " coalesce(sum(discounts) filter (where kept), 0) as discounts,"
          + " coalesce(sum(change_given) filter (where kept), 0) as change,"
          + " coalesce(sum(cash_rounding) filter (where kept), 0) as rounding,"
          + " count(*) filter (where not kept) as voided_n,"
          + " coalesce(sum(total + cash_rounding) filter (where not kept), 0) as voided_total,"
          + " coalesce(sum(voided_lines) filter (where kept), 0) as voided_lines from s),"
          + " tenders as (select coalesce(jsonb_object_agg(type, amount), '{}') as tenders from"
          + " (select t.key as type, sum(t.value::bigint) as amount from s"
          + " cross join lateral jsonb_each_text(s.tender_sums) t where s.kept group by t.key) x),"
          + " taxes as (select coalesce(jsonb_agg(jsonb_build_object('class', x.tax_class, 'label', c.label,"
          + " 'rate', x.rate::text, 'net', x.net, 'tax', x.tax, 'gross', x.gross)"
          + " order by x.tax_class, x.rate), '[]') as taxes from"
          + " (select e->>'class' as tax_class, (e->>'rate')::numeric as rate, sum((e->>'net')::bigint) as net,"
          + " sum((e->>'tax')::bigint) as tax, sum((e->>'gross')::bigint) as gross from s"
          + " cross join lateral jsonb_array_elements(s.tax_sums) e where s.kept group by 1, 2) x"
          + " join tax_class c on c.organisation_id = :org and c.code = x.tax_class),"
          + " tips as (select coalesce(jsonb_agg(jsonb_build_object('employee', x.employee_id,"
          + " 'name', e.name, 'type', x.type, 'tip', x.tip) order by e.name, x.employee_id, x.type), '[]') as tips"
          + " from (select s.employee_id, t.key as type, sum(t.value::bigint) as tip from s"
          + " cross join lateral jsonb_each_text(s.tip_sums) t where s.kept and s.tip_sums is not null"
          + " group by s.employee_id, t.key) x left join employee e on e.organisation_id = :org"
          + " and e.id = x.employee_id)"
          + " select totals.*, tenders.tenders::text as tenders, taxes.taxes::text as taxes,"
          + " tips.tips::text as tips from totals, tenders, taxes, tips";

  /**
   * The refunds recorded at the shift's terminal in its hours with what they paid out by tender,
   * its cash movements by type, and its readable number (store code, terminal code, sequence).
   */
  private static final String REST =
      "with r as materialized (select id, total from refund"
          + " where organisation_id = :org and terminal_id = :t and recorded_at >= :from and recorded_at <= :to)"
          + " select (select count(*) from r) as refunds, (select coalesce(sum(total), 0) from r) as refunds_total,"
          + " (select coalesce(jsonb_object_agg(type, amount), '{}')::text from (select p.type, sum(p.amount) as amount"
          + " from r join refund_payout p on p.organisation_id = :org and p.refund_id = r.id group by p.type) x) as payouts,"
          + " (select coalesce(jsonb_agg(jsonb_build_object('type', type, 'n', n, 'amount', amount)), '[]')::text"
          + " from (select type, count(*) as n, coalesce(sum(amount), 0) as amount from cash_movement"
          + " where organisation_id = :org and shift_id = :s group by type) m) as movements,"
          + " (select st.code || '-' || tm.code || '-' || lpad(sh.number::text, 4, '0') from shift sh"
          + " join terminal tm on tm.organisation_id = sh.organisation_id and tm.id = sh.terminal_id"
          + " join store st on st.organisation_id = sh.organisation_id and st.id = sh.store_id"
          + " where sh.organisation_id = :org and sh.id = :s) as number";

  /** Each employee's tips, card and cash, in the order read (by name, then id). */
  private static List<ShiftReport.TipLine> tips(JsonNode rows) {
    Map<UUID, long[]> byEmployee = new LinkedHashMap<>();
    Map<UUID, String> names = new HashMap<>();
    for (JsonNode r : rows) {
      UUID employee = UUID.fromString(r.get("employee").asText());
      JsonNode name = r.get("name");
      names.put(employee, name == null || name.isNull() ? null : name.asText());
      long[] sums = byEmployee.computeIfAbsent(employee, k -> new long[2]);
      sums["CASH".equals(r.get("type").asText()) ? 1 : 0] += r.get("tip").asLong();
    }
    List<ShiftReport.TipLine> out = new ArrayList<>();
    byEmployee.forEach(
        (id, sums) ->
            out.add(
                new ShiftReport.TipLine(
                    id, names.get(id) == null ? "—" : names.get(id), sums[0], sums[1])));
    return out;
  }

  private static long number(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).longValue();
  }

  private static String text(Map<String, Object> row, String column) {
    return (String) row.get(column);
  }

  private static JsonNode tree(ObjectMapper json, String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The shift's sums are unreadable", e);
    }
  }

  /** A JSON object of sums by key, as a sorted map. */
  private static Map<String, Long> sums(ObjectMapper json, String text) {
    Map<String, Long> out = new TreeMap<>();
    tree(json, text).properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }
}
