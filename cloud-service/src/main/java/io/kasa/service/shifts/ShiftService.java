package io.kasa.service.shifts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.shifts.CashMovementRequest;
import io.kasa.api.shifts.CloseShiftRequest;
import io.kasa.api.shifts.OpenShiftRequest;
import io.kasa.api.shifts.ShiftDto;
import io.kasa.api.shifts.ShiftReport;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.http.ApiException;
import io.kasa.service.terminals.TerminalTimes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Shifts on a terminal: open with a float, cash in and out, no-sale openings (manager), close with
 * a counted amount (manager) whose difference from the expected cash is recorded, never refused.
 * The sales and refunds of a shift are those of its terminal paid within its opening hours, so
 * sales recorded late (offline) still land in the right shift.
 */
public final class ShiftService {

  private static final String NEEDS_MANAGER =
      "This needs a manager: sign in as one, or add a manager's approval";

  private static final long MAX_CASH = 10_000_000_000L;

  private final Jdbi jdbi;
  private final AuthService auth;
  private final ObjectMapper json;
  private final Clock clock;

  public ShiftService(Jdbi jdbi, AuthService auth, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.auth = auth;
    this.json = json;
    this.clock = clock;
  }

  /** Opens a shift; the same id again returns it (201 first, then 200). */
  public Map.Entry<Boolean, ShiftDto> open(Principal who, String key, OpenShiftRequest r) {
    if (r.id() == null || key == null || !key.equals(r.id().toString())) {
      throw ApiException.invalid("/id", "The Idempotency-Key header must be the shift id");
    }
    if (r.openingFloat() < 0 || r.openingFloat() > MAX_CASH) {
      throw ApiException.invalid("/openingFloat", "The float is between 0 and " + MAX_CASH);
    }
    if (r.at() == null) {
      throw ApiException.invalid("/at", "A time is required");
    }
    return jdbi.inTransaction(
        h -> {
          h.execute(
              "select pg_advisory_xact_lock(hashtextextended(?, 0))",
              who.organisationId() + "/shift/" + who.terminalId());
          Optional<ShiftDto> existing = find(h, who, r.id());
          if (existing.isPresent()) {
            sameAsRecorded(
                h,
                "select terminal_id = :t and opening_float = :float and opened_at = :at"
                    + " from shift where organisation_id = :org and id = :id",
                Map.of(
                    "t", who.terminalId(),
                    "float", r.openingFloat(),
                    "at", r.at().atOffset(ZoneOffset.UTC),
                    "org", who.organisationId(),
                    "id", r.id()),
                "Shift " + r.id() + " was opened with other details");
            return Map.entry(false, existing.get());
          }
          TerminalTimes.check(who, r.at(), "/at", clock.instant());
          boolean open =
              h.createQuery(
                          "select count(*) from shift where organisation_id = :org and terminal_id = :t and closed_at is null")
                      .bind("org", who.organisationId())
                      .bind("t", who.terminalId())
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (open) {
            throw ApiException.conflict("This terminal already has an open shift: close it first");
          }
          h.createUpdate(
                  "insert into shift (organisation_id, id, store_id, terminal_id, opened_by, opened_at, opening_float, number)"
                      + " values (:org, :id, :store, :t, :e, :at, :float, (select coalesce(max(number), 0) + 1"
                      + " from shift where organisation_id = :org and terminal_id = :t))")
              .bind("org", who.organisationId())
              .bind("id", r.id())
              .bind("store", who.storeId())
              .bind("t", who.terminalId())
              .bind("e", who.employeeId())
              .bind("at", r.at().atOffset(ZoneOffset.UTC))
              .bind("float", r.openingFloat())
              .execute();
          Audit.record(
              h,
              who.organisationId(),
              who.terminalId(),
              who.employeeId(),
              "SHIFT_OPENED",
              r.id().toString());
          return Map.entry(true, find(h, who, r.id()).orElseThrow());
        });
  }

  /** Records cash in, out or a no-sale opening; returns true if newly recorded. */
  public boolean move(Principal who, UUID shiftId, String key, CashMovementRequest r) {
    if (r.id() == null || key == null || !key.equals(r.id().toString())) {
      throw ApiException.invalid("/id", "The Idempotency-Key header must be the movement id");
    }
    if (!"IN".equals(r.type()) && !"OUT".equals(r.type()) && !"NO_SALE".equals(r.type())) {
      throw ApiException.invalid("/type", "type is IN, OUT or NO_SALE");
    }
    if (r.amount() < 0
        || r.amount() > MAX_CASH
        || ("NO_SALE".equals(r.type()) && r.amount() != 0)) {
      throw ApiException.invalid(
          "/amount", "The amount is between 0 and " + MAX_CASH + ", and 0 for a no-sale");
    }
    if (r.reason() == null || r.reason().isBlank() || r.at() == null) {
      throw ApiException.invalid(
          r.at() == null ? "/at" : "/reason", "A reason and a time are required");
    }
    UUID approvedBy =
        "NO_SALE".equals(r.type())
            ? auth.managerOrApproval(
                who, r.approvingManagerId(), r.approvingManagerPin(), NEEDS_MANAGER)
            : null;
    return jdbi.inTransaction(
        h -> {
          requireOpen(h, who, shiftId);
          try {
            TerminalTimes.check(who, r.at(), "/at", clock.instant());
          } catch (ApiException e) {
            // A repeat of a recorded movement gets its first answer whenever it comes.
            if (movementRecorded(h, who, r.id())) {
              return false;
            }
            throw e;
          }
          int inserted =
              h.createUpdate(
                      "insert into cash_movement (organisation_id, id, shift_id, type, amount, reason, employee_id, approved_by, at)"
                          + " values (:org, :id, :shift, :type, :amount, :reason, :e, cast(:approved as uuid), :at) on conflict do nothing")
                  .bind("org", who.organisationId())
                  .bind("id", r.id())
                  .bind("shift", shiftId)
                  .bind("type", r.type())
                  .bind("amount", r.amount())
                  .bind("reason", r.reason())
                  .bind("e", who.employeeId())
                  .bind("approved", approvedBy == null ? null : approvedBy.toString())
                  .bind("at", r.at().atOffset(ZoneOffset.UTC))
                  .execute();
          if (inserted > 0) {
            Audit.record(
                h,
                who.organisationId(),
                who.terminalId(),
                approvedBy != null ? approvedBy : who.employeeId(),
                "CASH_" + r.type(),
                r.reason());
          } else {
            sameAsRecorded(
                h,
                "select shift_id = :shift and type = :type and amount = :amount and reason = :reason"
                    + " and at = :at from cash_movement where organisation_id = :org and id = :id",
                Map.of(
                    "shift", shiftId,
                    "type", r.type(),
                    "amount", r.amount(),
                    "reason", r.reason(),
                    "at", r.at().atOffset(ZoneOffset.UTC),
                    "org", who.organisationId(),
                    "id", r.id()),
                "Cash movement " + r.id() + " was recorded with other details");
          }
          return inserted > 0;
        });
  }

  /**
   * Closes the shift with the counted cash; returns the Z report (the same one if already closed).
   */
  public ShiftReport close(Principal who, UUID shiftId, CloseShiftRequest r) {
    if (r.counted() < 0 || r.counted() > MAX_CASH) {
      throw ApiException.invalid("/counted", "The counted cash is between 0 and " + MAX_CASH);
    }
    if (r.at() == null) {
      throw ApiException.invalid("/at", "A time is required");
    }
    UUID manager =
        auth.managerOrApproval(who, r.approvingManagerId(), r.approvingManagerPin(), NEEDS_MANAGER);
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> row = shiftRow(h, who, shiftId);
          if (row.get("closed_at") != null) {
            sameAsRecorded(
                h,
                "select counted = :counted and blind = :blind and closed_at = :at"
                    + " from shift where organisation_id = :org and id = :id",
                Map.of(
                    "counted", r.counted(),
                    "blind", r.blind(),
                    "at", r.at().atOffset(ZoneOffset.UTC),
                    "org", who.organisationId(),
                    "id", shiftId),
                "The shift was already closed with another count, time or blind count");
            return read((String) row.get("z_report"));
          }
          Instant closedAt = r.at();
          TerminalTimes.check(who, closedAt, "/at", clock.instant());
          TerminalTimes.ordered(
              utc(row.get("opened_at")).toInstant(),
              "the shift's opening",
              closedAt,
              "/at",
              "a shift closes after it opens");
          ShiftReport z = report(h, who, shiftId, "Z", closedAt, r.counted());
          h.createUpdate(
                  "update shift set closed_by = :m, closed_at = :at, counted = :counted, expected = :expected,"
                      + " over_short = :os, blind = :blind, z_report = cast(:z as jsonb) where organisation_id = :org and id = :id")
              .bind("m", manager)
              .bind("at", closedAt.atOffset(ZoneOffset.UTC))
              .bind("counted", r.counted())
              .bind("expected", z.cashExpected())
              .bind("os", z.overShort())
              .bind("blind", r.blind())
              .bind("z", write(z))
              .bind("org", who.organisationId())
              .bind("id", shiftId)
              .execute();
          Audit.record(
              h,
              who.organisationId(),
              who.terminalId(),
              manager,
              "SHIFT_CLOSED",
              "over/short " + z.overShort());
          return z;
        });
  }

  /** The X report of an open shift, or the Z report of a closed one. */
  public ShiftReport report(Principal who, UUID shiftId) {
    return jdbi.inTransaction(
        h ->
            ShiftReports.of(h, who.organisationId(), shiftId, json)
                .orElseThrow(() -> ApiException.notFound("No shift " + shiftId)));
  }

  private ShiftReport report(
      Handle h, Principal who, UUID shiftId, String kind, Instant until, Long counted) {
    Map<String, Object> shift = shiftRow(h, who, shiftId);
    OffsetDateTime from = utc(shift.get("opened_at"));
    OffsetDateTime to = until.atOffset(ZoneOffset.UTC);
    UUID terminal = (UUID) shift.get("terminal_id");
    return ShiftReports.build(
        h,
        who.organisationId(),
        terminal,
        shiftId,
        kind,
        from,
        to,
        ((Number) shift.get("opening_float")).longValue(),
        counted,
        json);
  }

  private static OffsetDateTime utc(Object timestamp) {
    if (timestamp instanceof OffsetDateTime odt) {
      return odt;
    }
    return ((java.sql.Timestamp) timestamp).toInstant().atOffset(ZoneOffset.UTC);
  }

  private static Optional<ShiftDto> find(Handle h, Principal who, UUID id) {
    return h.createQuery(
            "select id, terminal_id, opened_at, opening_float, closed_at from shift where organisation_id = :org and id = :id")
        .bind("org", who.organisationId())
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new ShiftDto(
                    rs.getObject("id", UUID.class),
                    rs.getObject("terminal_id", UUID.class),
                    rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                    rs.getLong("opening_float"),
                    rs.getObject("closed_at", OffsetDateTime.class) == null
                        ? null
                        : rs.getObject("closed_at", OffsetDateTime.class).toInstant()))
        .findOne();
  }

  private static Map<String, Object> shiftRow(Handle h, Principal who, UUID id) {
    return h.createQuery(
            "select terminal_id, opened_at, opening_float, closed_at, counted, z_report::text as z_report from shift"
                + " where organisation_id = :org and id = :id")
        .bind("org", who.organisationId())
        .bind("id", id)
        .mapToMap()
        .findOne()
        .orElseThrow(() -> ApiException.notFound("No shift " + id));
  }

  private static boolean movementRecorded(Handle h, Principal who, UUID id) {
    return h.createQuery("select 1 from cash_movement where organisation_id = :org and id = :id")
        .bind("org", who.organisationId())
        .bind("id", id)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  /**
   * Refuses (409) a repeat of a request whose id is recorded with other contents: {@code sql}
   * compares them in the database, where times are rounded as they were stored.
   */
  private static void sameAsRecorded(
      Handle h, String sql, Map<String, Object> values, String conflict) {
    var query = h.createQuery(sql);
    values.forEach(query::bind);
    if (!query.mapTo(Boolean.class).one()) {
      throw ApiException.conflict(conflict);
    }
  }

  private static void requireOpen(Handle h, Principal who, UUID id) {
    if (shiftRow(h, who, id).get("closed_at") != null) {
      throw ApiException.conflict("Shift " + id + " is closed");
    }
  }

  private String write(ShiftReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ShiftReport read(String text) {
    return ShiftReports.read(json, text);
  }
}
