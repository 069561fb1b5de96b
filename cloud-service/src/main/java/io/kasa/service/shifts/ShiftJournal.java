package io.kasa.service.shifts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.office.OfficeSaleRow;
import io.kasa.api.office.OfficeShift;
import io.kasa.api.office.OfficeShiftMovement;
import io.kasa.api.office.OfficeShiftRow;
import io.kasa.api.office.OfficeShiftsPage;
import io.kasa.api.shifts.ShiftReport;
import io.kasa.service.db.StoreDays;
import io.kasa.service.db.TimeCursor;
import io.kasa.service.http.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The back office's Shifts screen (issue 22, ADR 0049): an organisation's shifts newest first, as
 * far as the account may see, filtered by days (in each store's own time zone), store, till and
 * state, paged by a keyset cursor — the last row's (opened_at, id) — so a page reads its rows from
 * the end of an index and stops. And one shift with its figures: the very X or Z report the till's
 * own route gives ({@link ShiftReports}), and its cash movements.
 */
public final class ShiftJournal {

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

  /** A shift's state as the filter names it. */
  public enum State {
    OPEN,
    CLOSED
  }

  /**
   * The filters; each null means any.
   *
   * @param from the first day a shift opened on, in its store's time zone
   * @param to the last day, included
   * @param store a store
   * @param terminal a till
   * @param state open or closed
   */
  public record Filter(LocalDate from, LocalDate to, UUID store, UUID terminal, State state) {

    /** No filter at all. */
    public static final Filter NONE = new Filter(null, null, null, null, null);
  }

  private static final String COLUMNS =
      "select sh.id, st.code || '-' || t.code || '-' || lpad(sh.number::text, 4, '0') as number,"
          + " sh.store_id, st.name as store_name, st.time_zone, st.currency,"
          + " sh.terminal_id, t.name as terminal_name,"
          + " sh.opened_at, sh.opened_by, coalesce(eo.name, '') as opened_by_name,"
          + " sh.closed_at, sh.closed_by, coalesce(ec.name, '') as closed_by_name,"
          + " sh.opening_float, sh.over_short,"
          + " coalesce((sh.z_report ->> 'sales')::bigint, 0) as z_sales,"
          + " coalesce((sh.z_report ->> 'salesTotal')::bigint, 0) as z_sales_total"
          + " from shift sh join store st on st.organisation_id = sh.organisation_id"
          + " and st.id = sh.store_id"
          + " join terminal t on t.organisation_id = sh.organisation_id and t.id = sh.terminal_id"
          + " left join employee eo on eo.organisation_id = sh.organisation_id"
          + " and eo.id = sh.opened_by"
          + " left join employee ec on ec.organisation_id = sh.organisation_id"
          + " and ec.id = sh.closed_by"
          + " where sh.organisation_id = :org";

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Clock clock;

  public ShiftJournal(Jdbi jdbi, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The shift's figures as a PDF: its report as the till prints it, then its cash movements ({@link
   * ShiftSheet}), printed now by {@code printedBy} in {@code language} (en, else uk).
   */
  public byte[] pdf(OfficeShift shift, String printedBy, String language) {
    return ShiftSheet.pdf(
        shift,
        printedBy,
        clock.instant(),
        Locale.forLanguageTag("en".equals(language) ? "en" : "uk"));
  }

  /**
   * A page: up to {@code limit} shifts opened before {@code cursor}'s (null for the newest) that
   * pass {@code filter}. A store or till the scope does not hold is 404; a cursor this journal did
   * not give is 400 naming it.
   */
  public OfficeShiftsPage page(Scope scope, Filter filter, String cursor, int limit) {
    if (limit < 1 || limit > MOST) {
      throw ApiException.badRequest("The query parameter limit is from 1 to " + MOST);
    }
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw ApiException.badRequest("The query parameter to is a day on or after from");
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
    return jdbi.inTransaction(
        h -> {
          requireKnown(h, scope, filter);
          StringBuilder sql = new StringBuilder(COLUMNS);
          Map<String, Object> binds = new HashMap<>();
          Map<String, List<UUID>> arrays = new HashMap<>();
          binds.put("org", scope.organisation());
          UUID store = filter.store();
          if (store == null && scope.stores() != null && scope.stores().size() == 1) {
            store = scope.stores().get(0);
          }
          if (store != null) {
            sql.append(" and sh.store_id = :store");
            binds.put("store", store);
          } else if (scope.stores() != null) {
            if (scope.stores().isEmpty()) {
              return new OfficeShiftsPage(List.of(), null);
            }
            sql.append(" and sh.store_id = any(:stores)");
            arrays.put("stores", scope.stores());
          }
          if (filter.terminal() != null) {
            sql.append(" and sh.terminal_id = :terminal");
            binds.put("terminal", filter.terminal());
          }
          if (filter.state() == State.OPEN) {
            sql.append(" and sh.closed_at is null");
          } else if (filter.state() == State.CLOSED) {
            sql.append(" and sh.closed_at is not null");
          }
          if (filter.from() != null || filter.to() != null) {
            StoreDays.where(
                h,
                scope.organisation(),
                store,
                scope::sees,
                filter.from(),
                filter.to(),
                "sh.store_id",
                "sh.opened_at",
                sql,
                binds,
                arrays);
          }
          if (after != null) {
            sql.append(" and (sh.opened_at, sh.id) < (:at, :id)");
            binds.put("at", after.atUtc());
            binds.put("id", after.key());
          }
          sql.append(" order by sh.opened_at desc, sh.id desc limit :limit");
          binds.put("limit", limit + 1);
          Query q = h.createQuery(sql.toString()).bindMap(binds);
          arrays.forEach((name, ids) -> q.bindArray(name, UUID.class, ids));
          List<OfficeShiftRow> rows = new ArrayList<>();
          for (Map<String, Object> m : q.map((rs, ctx) -> columns(rs)).list()) {
            rows.add(row(h, scope.organisation(), m));
          }
          String next = null;
          if (rows.size() > limit) {
            rows.remove(limit);
            OfficeShiftRow last = rows.get(limit - 1);
            next = new TimeCursor<>(last.openedAt(), UUID.fromString(last.id())).encode();
          }
          return new OfficeShiftsPage(List.copyOf(rows), next);
        });
  }

  /** Shift {@code id} with its figures and cash movements, if the scope holds it. */
  public Optional<OfficeShift> shift(Scope scope, UUID id) {
    return jdbi.inTransaction(
        h -> {
          Optional<Map<String, Object>> found =
              h.createQuery(COLUMNS + " and sh.id = :id")
                  .bind("org", scope.organisation())
                  .bind("id", id)
                  .map((rs, ctx) -> columns(rs))
                  .findOne();
          if (found.isEmpty() || !scope.sees((UUID) found.get().get("store_id"))) {
            return Optional.empty();
          }
          ShiftReport report = ShiftReports.of(h, scope.organisation(), id, json).orElseThrow();
          OfficeShiftRow row = row(found.get(), report);
          return Optional.of(
              new OfficeShift(
                  row, report, movements(h, scope.organisation(), id), pdfAddress(row.id())));
        });
  }

  /** Where the documented routes serve a shift's PDF. */
  private static String pdfAddress(String id) {
    return "/v1/office/shifts/" + id + "/pdf";
  }

  /** The shift's cash movements, oldest first (through cash_movement_by_shift, V31). */
  private static List<OfficeShiftMovement> movements(Handle h, UUID org, UUID shift) {
    return h.createQuery(
            "select m.id, m.at, m.type, m.amount, m.reason, m.employee_id,"
                + " coalesce(e.name, '') as employee_name, m.approved_by,"
                + " coalesce(a.name, '') as approved_by_name from cash_movement m"
                + " left join employee e on e.organisation_id = m.organisation_id"
                + " and e.id = m.employee_id"
                + " left join employee a on a.organisation_id = m.organisation_id"
                + " and a.id = m.approved_by"
                + " where m.organisation_id = :org and m.shift_id = :shift order by m.at, m.id")
        .bind("org", org)
        .bind("shift", shift)
        .map(
            (rs, ctx) ->
                new OfficeShiftMovement(
                    rs.getString("id"),
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("type"),
                    rs.getLong("amount"),
                    rs.getString("reason"),
                    new OfficeSaleRow.Named(
                        rs.getString("employee_id"), rs.getString("employee_name")),
                    rs.getString("approved_by") == null
                        ? null
                        : new OfficeSaleRow.Named(
                            rs.getString("approved_by"), rs.getString("approved_by_name"))))
        .list();
  }

  /** A store or till the filter names that the scope does not hold is 404. */
  private static void requireKnown(Handle h, Scope scope, Filter f) {
    if (f.store() != null) {
      long n =
          h.createQuery("select count(*) from store where organisation_id = :org and id = :id")
              .bind("org", scope.organisation())
              .bind("id", f.store())
              .mapTo(Long.class)
              .one();
      if (n == 0 || !scope.sees(f.store())) {
        throw ApiException.notFound("No such store");
      }
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
  }

  private static Map<String, Object> columns(ResultSet rs) throws SQLException {
    Map<String, Object> m = new HashMap<>();
    m.put("id", rs.getObject("id", UUID.class));
    m.put("number", rs.getString("number"));
    m.put("store_id", rs.getObject("store_id", UUID.class));
    m.put("store_name", rs.getString("store_name"));
    m.put("time_zone", rs.getString("time_zone"));
    m.put("currency", rs.getString("currency"));
    m.put("terminal_id", rs.getObject("terminal_id", UUID.class));
    m.put("terminal_name", rs.getString("terminal_name"));
    m.put("opened_at", rs.getObject("opened_at", OffsetDateTime.class));
    m.put("opened_by", rs.getString("opened_by"));
    m.put("opened_by_name", rs.getString("opened_by_name"));
    m.put("closed_at", rs.getObject("closed_at", OffsetDateTime.class));
    m.put("closed_by", rs.getString("closed_by"));
    m.put("closed_by_name", rs.getString("closed_by_name"));
    m.put("opening_float", rs.getLong("opening_float"));
    m.put("over_short", rs.getObject("over_short", Long.class));
    m.put("z_sales", rs.getObject("z_sales", Long.class));
    m.put("z_sales_total", rs.getObject("z_sales_total", Long.class));
    return m;
  }

  /**
   * A listed shift: a closed one's figures are those its Z report kept; an open one's are added up
   * now, as its X report (a till has one open shift at a time, so a page adds up at most one per
   * till).
   */
  private OfficeShiftRow row(Handle h, UUID org, Map<String, Object> m) {
    if (m.get("closed_at") != null) {
      return row(m, null);
    }
    return row(m, ShiftReports.of(h, org, (UUID) m.get("id"), json).orElseThrow());
  }

  private static OfficeShiftRow row(Map<String, Object> m, ShiftReport report) {
    OffsetDateTime closedAt = (OffsetDateTime) m.get("closed_at");
    return new OfficeShiftRow(
        m.get("id").toString(),
        (String) m.get("number"),
        closedAt == null ? State.OPEN.name() : State.CLOSED.name(),
        new OfficeSaleRow.Named(m.get("store_id").toString(), (String) m.get("store_name")),
        new OfficeSaleRow.Named(m.get("terminal_id").toString(), (String) m.get("terminal_name")),
        StoreDays.zone((String) m.get("time_zone")).getId(),
        (String) m.get("currency"),
        ((OffsetDateTime) m.get("opened_at")).toInstant(),
        new OfficeSaleRow.Named((String) m.get("opened_by"), (String) m.get("opened_by_name")),
        closedAt == null ? null : closedAt.toInstant(),
        m.get("closed_by") == null
            ? null
            : new OfficeSaleRow.Named(
                (String) m.get("closed_by"), (String) m.get("closed_by_name")),
        (Long) m.get("opening_float"),
        report != null ? report.sales() : (Long) m.get("z_sales"),
        report != null ? report.salesTotal() : (Long) m.get("z_sales_total"),
        report != null ? report.overShort() : (Long) m.get("over_short"));
  }
}
