package io.kasa.service.shifts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.shifts.ShiftReport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                        null));
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
      Long counted) {
    // Voided sales are counted apart and left out of everything else.
    Map<String, Object> sales =
        h.createQuery(
                "select count(*) filter (where kept) as n, coalesce(sum(total) filter (where kept), 0) as total,"
                    + " coalesce(sum(discounts) filter (where kept), 0) as discounts,"
                    + " coalesce(sum(change_given) filter (where kept), 0) as change,"
                    + " coalesce(sum(cash_rounding) filter (where kept), 0) as rounding,"
                    + " count(*) filter (where not kept) as voided_n,"
                    + " coalesce(sum(total + cash_rounding) filter (where not kept), 0) as voided_total,"
                    + " coalesce(sum(voided_lines) filter (where kept), 0) as voided_lines"
                    + " from (select *, state <> 'VOIDED' as kept from sale"
                    + " where organisation_id = :org and terminal_id = :t and paid_at >= :from and paid_at <= :to) s")
            .bind("org", org)
            .bind("t", terminal)
            .bind("from", from)
            .bind("to", to)
            .mapToMap()
            .one();
    long voided = ((Number) sales.get("voided_lines")).longValue();
    Map<String, Long> byTender = new TreeMap<>();
    h.createQuery(
            "select t.key as type, sum(t.value::bigint) as amount from sale s cross join lateral jsonb_each_text(s.tender_sums) t"
                + " where s.organisation_id = :org and s.terminal_id = :t and s.paid_at >= :from and s.paid_at <= :to and s.state <> 'VOIDED' group by t.key")
        .bind("org", org)
        .bind("t", terminal)
        .bind("from", from)
        .bind("to", to)
        .mapToMap()
        .forEach(r -> byTender.put((String) r.get("type"), ((Number) r.get("amount")).longValue()));
    long change = ((Number) sales.get("change")).longValue();
    byTender.computeIfPresent("CASH", (k, v) -> v - change);
    List<ShiftReport.TaxLine> byTax =
        h.createQuery(
                "select x.tax_class, c.label, x.rate, sum(x.net) as net, sum(x.tax) as tax, sum(x.gross) as gross"
                    + " from (select e->>'class' as tax_class, (e->>'rate')::numeric as rate, (e->>'net')::bigint as net,"
                    + " (e->>'tax')::bigint as tax, (e->>'gross')::bigint as gross from sale s"
                    + " cross join lateral jsonb_array_elements(s.tax_sums) e"
                    + " where s.organisation_id = :org and s.terminal_id = :t and s.paid_at >= :from and s.paid_at <= :to and s.state <> 'VOIDED') x"
                    + " join tax_class c on c.organisation_id = :org and c.code = x.tax_class"
                    + " group by x.tax_class, c.label, x.rate order by x.tax_class, x.rate")
            .bind("org", org)
            .bind("t", terminal)
            .bind("from", from)
            .bind("to", to)
            .map(
                (rs, ctx) ->
                    new ShiftReport.TaxLine(
                        rs.getString("tax_class"),
                        rs.getString("label"),
                        rs.getBigDecimal("rate").stripTrailingZeros().toPlainString(),
                        rs.getLong("net"),
                        rs.getLong("tax"),
                        rs.getLong("gross")))
            .list();
    Map<String, Object> refunds =
        h.createQuery(
                "select count(*) as n, coalesce(sum(total), 0) as total from refund"
                    + " where organisation_id = :org and terminal_id = :t and recorded_at >= :from and recorded_at <= :to")
            .bind("org", org)
            .bind("t", terminal)
            .bind("from", from)
            .bind("to", to)
            .mapToMap()
            .one();
    Map<String, Long> refundsByTender = new TreeMap<>();
    h.createQuery(
            "select p.type, sum(p.amount) as amount from refund_payout p join refund r on r.organisation_id = p.organisation_id and r.id = p.refund_id"
                + " where r.organisation_id = :org and r.terminal_id = :t and r.recorded_at >= :from and r.recorded_at <= :to group by p.type")
        .bind("org", org)
        .bind("t", terminal)
        .bind("from", from)
        .bind("to", to)
        .mapToMap()
        .forEach(
            r ->
                refundsByTender.put(
                    (String) r.get("type"), ((Number) r.get("amount")).longValue()));
    Map<String, Long> movements = new TreeMap<>();
    h.createQuery(
            "select type, count(*) as n, coalesce(sum(amount), 0) as amount from cash_movement where organisation_id = :org and shift_id = :s group by type")
        .bind("org", org)
        .bind("s", shiftId)
        .mapToMap()
        .forEach(
            r -> {
              movements.put(r.get("type") + "_AMOUNT", ((Number) r.get("amount")).longValue());
              movements.put(r.get("type") + "_COUNT", ((Number) r.get("n")).longValue());
            });
    List<ShiftReport.TipLine> tips = tips(h, org, terminal, from, to);
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
        ((Number) sales.get("n")).longValue(),
        ((Number) sales.get("total")).longValue() + ((Number) sales.get("rounding")).longValue(),
        ((Number) sales.get("discounts")).longValue(),
        voided,
        ((Number) sales.get("voided_n")).longValue(),
        ((Number) sales.get("voided_total")).longValue(),
        byTender,
        byTax,
        ((Number) refunds.get("n")).longValue(),
        ((Number) refunds.get("total")).longValue(),
        refundsByTender,
        movements.getOrDefault("NO_SALE_COUNT", 0L),
        cashIn,
        cashOut,
        expected,
        counted,
        counted == null ? null : counted - expected,
        number(h, org, shiftId),
        tips);
  }

  /**
   * Each employee's tips in the shift's sales not voided, card and cash, from the tallies the sales
   * carry ({@code tip_sums}, V54); by name, then id.
   */
  private static List<ShiftReport.TipLine> tips(
      Handle h, UUID org, UUID terminal, OffsetDateTime from, OffsetDateTime to) {
    Map<UUID, long[]> byEmployee = new java.util.LinkedHashMap<>();
    Map<UUID, String> names = new java.util.HashMap<>();
    h.createQuery(
            "select x.employee_id, e.name, x.type, x.tip from (select s.employee_id, t.key as type,"
                + " sum(t.value::bigint) as tip from sale s cross join lateral jsonb_each_text(s.tip_sums) t"
                + " where s.organisation_id = :org and s.terminal_id = :t and s.paid_at >= :from"
                + " and s.paid_at <= :to and s.state <> 'VOIDED' and s.tip_sums is not null"
                + " group by s.employee_id, t.key) x left join employee e on e.organisation_id = :org"
                + " and e.id = x.employee_id order by e.name, x.employee_id, x.type")
        .bind("org", org)
        .bind("t", terminal)
        .bind("from", from)
        .bind("to", to)
        .mapToMap()
        .forEach(
            r -> {
              UUID employee = (UUID) r.get("employee_id");
              names.put(employee, (String) r.get("name"));
              long[] sums = byEmployee.computeIfAbsent(employee, k -> new long[2]);
              sums["CASH".equals(r.get("type")) ? 1 : 0] += ((Number) r.get("tip")).longValue();
            });
    List<ShiftReport.TipLine> out = new java.util.ArrayList<>();
    byEmployee.forEach(
        (id, sums) ->
            out.add(
                new ShiftReport.TipLine(
                    id, names.get(id) == null ? "—" : names.get(id), sums[0], sums[1])));
    return out;
  }

  /** The shift's readable number: its store's code, its terminal's, and its sequence there. */
  private static String number(Handle h, UUID org, UUID shiftId) {
    return h.createQuery(
            "select st.code || '-' || t.code || '-' || lpad(sh.number::text, 4, '0') from shift sh"
                + " join terminal t on t.organisation_id = sh.organisation_id and t.id = sh.terminal_id"
                + " join store st on st.organisation_id = sh.organisation_id and st.id = sh.store_id"
                + " where sh.organisation_id = :org and sh.id = :id")
        .bind("org", org)
        .bind("id", shiftId)
        .mapTo(String.class)
        .one();
  }
}
