package io.kasa.service.floor;

import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.PartyStatusRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.domain.floor.WaitQuote;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The waitlist and reservations. A walk-in is quoted a wait from the tables' state and their usual
 * turn times ({@link WaitQuote}), a table whose kitchen tickets are all bumped from its last bump
 * (ADR 0055); a reservation holds its table from an hour before its time. Seating a party happens
 * on the table ({@link FloorService#seat}).
 */
public final class WaitlistService {

  /** The turn time assumed until a store has paid checks to learn from. */
  static final Duration DEFAULT_TURN = Duration.ofMinutes(45);

  /** Reservations are taken up to this far ahead. */
  private static final Duration BOOKING_HORIZON = Duration.ofDays(366);

  private final Jdbi jdbi;
  private final Clock clock;

  public WaitlistService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Adds a walk-in (quoted) or books a reservation; the same id again answers the party. */
  public Map.Entry<Boolean, PartyDto> add(Principal who, String key, PartyRequest r) {
    FloorRows.require(who, Role::canHost, "keep the waitlist");
    if (r.id() == null || key == null || !key.equals(r.id().toString())) {
      throw ApiException.invalid("/id", "The Idempotency-Key header must be the party id");
    }
    String name = FloorService.text(r.name(), "/name", 80, true);
    String phone = FloorService.text(r.phone(), "/phone", 30, false);
    String notes = FloorService.text(r.notes(), "/notes", 200, false);
    if (r.size() < 1 || r.size() > 100) {
      throw ApiException.invalid("/size", "A party is 1 to 100 guests");
    }
    Instant asked = clock.instant();
    if (r.reservedFor() != null
        && (r.reservedFor().isBefore(asked.minus(FloorRows.HOLD_AFTER))
            || r.reservedFor().isAfter(asked.plus(BOOKING_HORIZON)))) {
      throw ApiException.invalid(
          "/reservedFor", "A reservation is for a time from now to a year ahead");
    }
    if (r.tableId() != null && r.reservedFor() == null) {
      throw ApiException.invalid("/tableId", "Only a reservation holds a table");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          var existing = FloorRows.findParty(h, org, store, r.id());
          if (existing.isPresent()) {
            PartyDto p = existing.get();
            // Compared in the database: a reservation's time is rounded as it was stored.
            boolean same =
                h.createQuery(
                        "select name = :name and size = :size"
                            + " and phone is not distinct from cast(:phone as text)"
                            + " and notes is not distinct from cast(:notes as text)"
                            + " and reserved_for is not distinct from cast(:reserved as timestamptz)"
                            + " and table_id is not distinct from cast(:table as uuid)"
                            + " from waitlist_party where organisation_id = :org and id = :id")
                    .bind("org", org)
                    .bind("id", r.id())
                    .bind("name", name)
                    .bind("size", r.size())
                    .bind("phone", phone)
                    .bind("notes", notes)
                    .bind(
                        "reserved",
                        r.reservedFor() == null ? null : Timestamp.from(r.reservedFor()))
                    .bind("table", r.tableId() == null ? null : r.tableId().toString())
                    .mapTo(Boolean.class)
                    .one();
            if (!same) {
              throw ApiException.conflict("Party " + r.id() + " was added with other details");
            }
            return Map.entry(false, p);
          }
          if (r.tableId() != null) {
            TableDto table = FloorRows.table(h, org, store, r.tableId(), now);
            if (table.seats() < r.size()) {
              throw ApiException.invalid(
                  "/tableId", "Table " + table.name() + " seats " + table.seats());
            }
            clashingReservation(h, org, store, r.tableId(), r.reservedFor())
                .ifPresent(
                    other -> {
                      throw ApiException.conflict(
                          "Table "
                              + table.name()
                              + " is already reserved for "
                              + other
                              + " near that time");
                    });
          }
          Long quoted = r.reservedFor() == null ? quote(h, org, store, r.size(), now) : null;
          h.createUpdate(
                  "insert into waitlist_party (organisation_id, id, store_id, name, size, phone,"
                      + " notes, added_at, reserved_for, table_id, quoted_minutes) values (:org,"
                      + " :id, :store, :name, :size, :phone, :notes, :now, :reserved, cast(:table as uuid),"
                      + " :quoted)")
              .bind("org", org)
              .bind("id", r.id())
              .bind("store", store)
              .bind("name", name)
              .bind("size", r.size())
              .bind("phone", phone)
              .bind("notes", notes)
              .bind("now", Timestamp.from(now))
              .bind("reserved", r.reservedFor() == null ? null : Timestamp.from(r.reservedFor()))
              // As text: jdbi binds a null UUID as varchar.
              .bind("table", r.tableId() == null ? null : r.tableId().toString())
              .bind("quoted", quoted == null ? null : quoted.intValue())
              .execute();
          PartyDto party = FloorRows.party(h, org, store, r.id());
          FloorEvents.party(h, org, store, party);
          return Map.entry(true, party);
        });
  }

  /** Marks a party notified (its table is ready), a no-show, or cancelled. */
  public PartyDto status(Principal who, UUID id, PartyStatusRequest r) {
    FloorRows.require(who, Role::canHost, "keep the waitlist");
    String status = r.status();
    if (!"NOTIFIED".equals(status) && !"NO_SHOW".equals(status) && !"CANCELLED".equals(status)) {
      throw ApiException.invalid("/status", "status is NOTIFIED, NO_SHOW or CANCELLED");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          PartyDto p = FloorRows.party(h, org, store, id);
          if (status.equals(p.status())) {
            return p;
          }
          FloorRows.sameVersion(r.version(), p.version(), p.name() + "'s party");
          if (!"WAITING".equals(p.status()) && !"NOTIFIED".equals(p.status())) {
            throw ApiException.conflict(
                p.name() + " is no longer waiting (" + p.status().toLowerCase() + ")");
          }
          h.createUpdate(
                  "update waitlist_party set status = :status, version = version + 1,"
                      + " notified_at = coalesce(cast(:notified as timestamptz), notified_at),"
                      + " closed_at = cast(:closed as timestamptz)"
                      + " where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", id)
              .bind("status", status)
              .bind("notified", "NOTIFIED".equals(status) ? Timestamp.from(now) : null)
              .bind("closed", "NOTIFIED".equals(status) ? null : Timestamp.from(now))
              .execute();
          PartyDto changed = FloorRows.party(h, org, store, id);
          FloorEvents.party(h, org, store, changed);
          return changed;
        });
  }

  /** The wait for a new party of {@code size}, in minutes, or null when no table seats it. */
  static Long quote(Handle h, UUID org, UUID store, int size, Instant now) {
    List<TableDto> tables = FloorRows.tables(h, org, store, now);
    Map<Integer, Duration> turns = turnTimes(h, org, store);
    Map<UUID, Instant> holds = holdEnds(h, org, store, now);
    // A table whose kitchen tickets are all bumped is closer to leaving (ADR 0055).
    Map<UUID, Instant> kitchenDone = KitchenTurns.doneTables(h, org, store, now);
    Duration afterBump =
        kitchenDone.isEmpty() ? Duration.ZERO : KitchenTurns.afterBump(h, org, store, now);
    List<WaitQuote.Table> quoteTables = new ArrayList<>();
    for (TableDto t : tables) {
      if (t.joinedTo() != null) {
        continue;
      }
      Duration turn = turns.getOrDefault(t.seats(), DEFAULT_TURN);
      Instant free;
      if ("FREE".equals(t.state())) {
        free = holds.getOrDefault(t.id(), now);
      } else if ("PAID".equals(t.state())) {
        free = now.plus(WaitQuote.RESET);
      } else if (kitchenDone.containsKey(t.id())) {
        free = kitchenDone.get(t.id()).plus(afterBump).plus(WaitQuote.RESET);
      } else {
        free = Objects.requireNonNull(t.seatedAt()).plus(turn).plus(WaitQuote.RESET);
      }
      quoteTables.add(new WaitQuote.Table(t.seats(), free, turn));
    }
    List<Integer> ahead =
        h.createQuery(
                "select size from waitlist_party where organisation_id = :org and store_id = :store"
                    + " and status in ('WAITING', 'NOTIFIED') and reserved_for is null"
                    + " order by added_at, id")
            .bind("org", org)
            .bind("store", store)
            .mapTo(Integer.class)
            .list();
    return WaitQuote.minutes(size, ahead, quoteTables, now).orElse(null);
  }

  /**
   * The usual turn time by table size: the mean time from seating to payment of the checks paid in
   * the last 30 days.
   */
  private static Map<Integer, Duration> turnTimes(Handle h, UUID org, UUID store) {
    Map<Integer, Duration> turns = new java.util.HashMap<>();
    h.createQuery(
            "select t.seats, avg(extract(epoch from c.closed_at - c.opened_at)) as seconds"
                + " from dining_check c join dining_table t on t.organisation_id = c.organisation_id"
                + " and t.id = c.table_id where c.organisation_id = :org and c.store_id = :store"
                + " and c.state = 'PAID' and c.closed_at > now() - interval '30 days'"
                + " group by t.seats")
        .bind("org", org)
        .bind("store", store)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getInt("seats"), Duration.ofSeconds(Math.round(rs.getDouble("seconds")))))
        .forEach(e -> turns.put(e.getKey(), e.getValue()));
    return turns;
  }

  /** Free tables a reservation will take within the next turn: until when they are busy. */
  private static Map<UUID, Instant> holdEnds(Handle h, UUID org, UUID store, Instant now) {
    Map<UUID, Instant> ends = new java.util.HashMap<>();
    h.createQuery(
            "select table_id, reserved_for from waitlist_party where organisation_id = :org"
                + " and store_id = :store and table_id is not null"
                + " and status in ('WAITING', 'NOTIFIED') and reserved_for between :from and :to")
        .bind("org", org)
        .bind("store", store)
        .bind("from", Timestamp.from(now.minus(FloorRows.HOLD_AFTER)))
        .bind("to", Timestamp.from(now.plus(DEFAULT_TURN)))
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getObject("table_id", UUID.class),
                    rs.getTimestamp("reserved_for").toInstant().plus(DEFAULT_TURN)))
        .forEach(e -> ends.merge(e.getKey(), e.getValue(), (a, b) -> a.isAfter(b) ? a : b));
    return ends;
  }

  /** Another reservation of the table within a turn of {@code at}, by name. */
  private static java.util.Optional<String> clashingReservation(
      Handle h, UUID org, UUID store, UUID table, Instant at) {
    return h.createQuery(
            "select name from waitlist_party where organisation_id = :org and store_id = :store"
                + " and table_id = :table and status in ('WAITING', 'NOTIFIED')"
                + " and reserved_for > :from and reserved_for < :to limit 1")
        .bind("org", org)
        .bind("store", store)
        .bind("table", table)
        .bind("from", Timestamp.from(at.minus(DEFAULT_TURN)))
        .bind("to", Timestamp.from(at.plus(DEFAULT_TURN)))
        .mapTo(String.class)
        .findOne();
  }
}
