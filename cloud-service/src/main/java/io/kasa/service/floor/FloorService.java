package io.kasa.service.floor;

import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.AreaRequest;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.FloorDto;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.api.floor.TableRequest;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * A store's floor: its plan (areas and tables, laid out by managers), seating guests at a table
 * (which opens a check) and clearing it. Every change runs under the store's stream lock, names the
 * version it was made on, and appends its event.
 */
public final class FloorService {

  private static final Set<String> SHAPES = Set.of("ROUND", "SQUARE", "RECTANGLE");

  private final Jdbi jdbi;
  private final Clock clock;

  public FloorService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Refuses a caller whose role does not see the floor (technicians). */
  public void mayFollow(Principal who) {
    FloorRows.require(who, r -> r != Role.TECHNICIAN, "see the floor");
  }

  /** The whole floor at one moment, with the id of the last event it includes. */
  public FloorDto floor(Principal who) {
    mayFollow(who);
    Instant now = clock.instant();
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h ->
            new FloorDto(
                who.storeId(),
                FloorEvents.last(h, who.organisationId(), who.storeId()),
                now,
                FloorRows.areas(h, who.organisationId(), who.storeId()),
                FloorRows.tables(h, who.organisationId(), who.storeId(), now),
                FloorRows.openParties(h, who.organisationId(), who.storeId(), now),
                FloorRows.openChecks(h, who.organisationId(), who.storeId())));
  }

  /** Creates or renames an area; answers whether it was created and the area. */
  public Map.Entry<Boolean, AreaDto> putArea(Principal who, UUID id, AreaRequest r) {
    FloorRows.require(who, Role::canEditFloor, "lay out the floor");
    String name = text(r.name(), "/name", 60, true);
    if (r.position() < 0 || r.position() > 1000) {
      throw ApiException.invalid("/position", "position is 0 to 1000");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          Long current =
              h.createQuery(
                      "select version from floor_area where organisation_id = :org and id = :id"
                          + " and store_id = :store and active")
                  .bind("org", org)
                  .bind("id", id)
                  .bind("store", store)
                  .mapTo(Long.class)
                  .findOne()
                  .orElse(null);
          boolean created = r.version() == null;
          if (created) {
            if (current != null) {
              throw ApiException.conflict("Area " + id + " exists: name the version you change");
            }
            FloorRows.writeOrConflict(
                () ->
                    h.createUpdate(
                            "insert into floor_area (organisation_id, id, store_id, name, position)"
                                + " values (:org, :id, :store, :name, :position)")
                        .bind("org", org)
                        .bind("id", id)
                        .bind("store", store)
                        .bind("name", name)
                        .bind("position", r.position())
                        .execute(),
                "Area " + id + " belongs elsewhere");
          } else {
            if (current == null) {
              throw ApiException.notFound("No area " + id + " in this store");
            }
            FloorRows.sameVersion(r.version(), current, "Area " + name);
            h.createUpdate(
                    "update floor_area set name = :name, position = :position,"
                        + " version = version + 1 where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", id)
                .bind("name", name)
                .bind("position", r.position())
                .execute();
          }
          AreaDto area = FloorRows.area(h, org, store, id);
          FloorEvents.area(h, org, store, area);
          return Map.entry(created, area);
        });
  }

  /** Creates or changes a table; answers whether it was created and the table. */
  public Map.Entry<Boolean, TableDto> putTable(Principal who, UUID id, TableRequest r) {
    FloorRows.require(who, Role::canEditFloor, "lay out the floor");
    String name = text(r.name(), "/name", 20, true);
    if (r.areaId() == null) {
      throw ApiException.invalid("/areaId", "The area is required");
    }
    if (r.seats() < 1 || r.seats() > 50) {
      throw ApiException.invalid("/seats", "A table seats 1 to 50");
    }
    if (r.shape() == null || !SHAPES.contains(r.shape())) {
      throw ApiException.invalid("/shape", "shape is ROUND, SQUARE or RECTANGLE");
    }
    within(r.x(), 0, 1000, "/x");
    within(r.y(), 0, 1000, "/y");
    within(r.width(), 20, 1000, "/width");
    within(r.height(), 20, 1000, "/height");
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          FloorRows.area(h, org, store, r.areaId());
          var current = FloorRows.findTable(h, org, store, id, now);
          boolean created = r.version() == null;
          if (created) {
            if (current.isPresent()) {
              throw ApiException.conflict("Table " + id + " exists: name the version you change");
            }
            FloorRows.writeOrConflict(
                () ->
                    layout(
                            h.createUpdate(
                                "insert into dining_table (organisation_id, id, store_id, area_id,"
                                    + " name, seats, shape, x, y, width, height) values (:org, :id,"
                                    + " :store, :area, :name, :seats, :shape, :x, :y, :width,"
                                    + " :height)"),
                            r,
                            name)
                        .bind("org", org)
                        .bind("id", id)
                        .bind("store", store)
                        .execute(),
                "A table named " + name + " is already on this floor");
          } else {
            TableDto t =
                current.orElseThrow(
                    () -> ApiException.notFound("No table " + id + " in this store"));
            FloorRows.sameVersion(r.version(), t.version(), "Table " + t.name());
            FloorRows.writeOrConflict(
                () ->
                    layout(
                            h.createUpdate(
                                "update dining_table set area_id = :area, name = :name, seats ="
                                    + " :seats, shape = :shape, x = :x, y = :y, width = :width,"
                                    + " height = :height, version = version + 1"
                                    + " where organisation_id = :org and id = :id"),
                            r,
                            name)
                        .bind("org", org)
                        .bind("id", id)
                        .execute(),
                "A table named " + name + " is already on this floor");
          }
          TableDto table = FloorRows.table(h, org, store, id, now);
          FloorEvents.table(h, org, store, table);
          return Map.entry(created, table);
        });
  }

  /** Takes a free table off the plan. */
  public void removeTable(Principal who, UUID id, long version) {
    FloorRows.require(who, Role::canEditFloor, "lay out the floor");
    FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          TableDto t = FloorRows.table(h, org, store, id, now);
          FloorRows.sameVersion(version, t.version(), "Table " + t.name());
          if (!"FREE".equals(t.state())) {
            throw ApiException.conflict("Table " + t.name() + " has guests: clear it first");
          }
          h.createUpdate(
                  "update dining_table set active = false, version = version + 1"
                      + " where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", id)
              .execute();
          FloorEvents.tableRemoved(h, org, store, t);
          return null;
        });
  }

  /**
   * Seats guests at a free table and opens their check; a party from the waitlist or a reservation
   * is marked seated. Answers whether the check is new, and the check.
   */
  public Map.Entry<Boolean, CheckDto> seat(Principal who, UUID tableId, SeatRequest r) {
    FloorRows.require(who, Role::canHost, "seat guests");
    if (r.checkId() == null) {
      throw ApiException.invalid("/checkId", "The new check's id is required");
    }
    if (r.guests() < 1 || r.guests() > 100) {
      throw ApiException.invalid("/guests", "1 to 100 guests");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          byte[] fingerprint =
              // What is asked, not the version it was asked on: a retry after a lost answer
              // carries the version before it.
              Fingerprint.of("seat", tableId, r.guests(), r.partyId());
          var existing = FloorRows.findCheck(h, org, store, r.checkId());
          if (existing.isPresent()) {
            if (!existing.get().tableId().equals(tableId)) {
              throw ApiException.conflict("Check " + r.checkId() + " was opened on another table");
            }
            Fingerprint.check(
                h,
                org,
                r.checkId(),
                fingerprint,
                "Check " + r.checkId() + " was opened with other details");
            return Map.entry(false, existing.get());
          }
          TableDto table = FloorRows.table(h, org, store, tableId, now);
          if (table.joinedTo() != null) {
            throw ApiException.conflict(
                "table-joined",
                Map.of("table", table.name()),
                "Table " + table.name() + " is pushed together with another: seat that one");
          }
          if (!"FREE".equals(table.state())) {
            throw ApiException.conflict(
                "table-taken",
                Map.of("table", table.name(), "state", table.state()),
                "Table " + table.name() + " is taken (" + table.state().toLowerCase() + ")");
          }
          FloorRows.sameVersion(r.version(), table.version(), "Table " + table.name());
          if (table.heldFor() != null
              && !table.heldFor().equals(r.partyId())
              && !Boolean.TRUE.equals(r.overrideHold())) {
            PartyDto held = FloorRows.party(h, org, store, table.heldFor());
            throw ApiException.conflict(
                "table-held",
                Map.of("table", table.name(), "party", held.name()),
                "Table "
                    + table.name()
                    + " is held for the reservation of "
                    + held.name()
                    + ": seat the reservation, or seat anyway");
          }
          if (r.partyId() != null) {
            PartyDto party = FloorRows.party(h, org, store, r.partyId());
            if (!"WAITING".equals(party.status()) && !"NOTIFIED".equals(party.status())) {
              throw ApiException.conflict(
                  "party-not-waiting",
                  Map.of("party", party.name(), "status", party.status()),
                  party.name() + " is no longer waiting (" + party.status().toLowerCase() + ")");
            }
            h.createUpdate(
                    "update waitlist_party set status = 'SEATED', seated_table = :table,"
                        + " closed_at = :now, version = version + 1"
                        + " where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", r.partyId())
                .bind("table", tableId)
                .bind("now", Timestamp.from(now))
                .execute();
            FloorEvents.party(h, org, store, FloorRows.party(h, org, store, r.partyId()));
          }
          h.createUpdate(
                  "insert into dining_check (organisation_id, id, store_id, table_id, number, guests,"
                      + " opened_at, opened_by, party_id, request_hash) values (:org, :id, :store,"
                      + " :table, :number, :guests, :now, :by, cast(:party as uuid), :fingerprint)")
              .bind("org", org)
              .bind("id", r.checkId())
              .bind("store", store)
              .bind("table", tableId)
              .bind("number", FloorEvents.nextCheckNumber(h, org, store))
              .bind("guests", r.guests())
              .bind("now", Timestamp.from(now))
              .bind("by", who.employeeId())
              // As text: jdbi binds a null UUID as varchar.
              .bind("party", r.partyId() == null ? null : r.partyId().toString())
              .bind("fingerprint", fingerprint)
              .execute();
          if (table.heldFor() != null && !table.heldFor().equals(r.partyId())) {
            Audit.record(
                h,
                org,
                who.terminalId(),
                who.employeeId(),
                "RESERVATION_OVERRIDDEN",
                "table " + table.name() + " held for " + table.heldFor());
          }
          CheckDto check = FloorRows.check(h, org, store, r.checkId());
          FloorEvents.check(h, org, store, check);
          refresh(h, org, store, tableId, now, false);
          return Map.entry(true, check);
        });
  }

  /**
   * Clears a table: after its check is paid, or when seated guests leave without ordering (their
   * empty check is cancelled). Tables pushed together with it are freed too.
   */
  public TableDto clear(Principal who, UUID tableId, long version) {
    FloorRows.require(who, Role::canServe, "clear tables");
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          TableDto table = FloorRows.table(h, org, store, tableId, now);
          if ("FREE".equals(table.state()) && table.joinedTo() == null) {
            // Already clear (this request again after a lost answer, or another hand): done.
            return table;
          }
          FloorRows.sameVersion(version, table.version(), "Table " + table.name());
          if (table.joinedTo() != null) {
            throw ApiException.conflict(
                "table-joined",
                Map.of("table", table.name()),
                "Table " + table.name() + " follows the table it is pushed together with");
          }
          List<CheckDto> open = FloorRows.checksOn(h, org, store, tableId);
          if (open.stream().anyMatch(c -> !c.lines().isEmpty())) {
            throw ApiException.conflict(
                "table-unpaid",
                Map.of("table", table.name()),
                "Table " + table.name() + " has an unpaid check: take payment first");
          }
          for (CheckDto c : open) {
            h.createUpdate(
                    "update dining_check set state = 'CANCELLED', closed_at = :now,"
                        + " version = version + 1 where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", c.id())
                .bind("now", Timestamp.from(now))
                .execute();
            FloorEvents.check(h, org, store, FloorRows.check(h, org, store, c.id()));
          }
          return refresh(h, org, store, tableId, now, false);
        });
  }

  /**
   * Brings a table's state in line with its open checks (and the tables pushed together with it),
   * bumping versions and appending events only for what changed. {@code paid}: its last check was
   * just paid, so it waits to be cleared.
   */
  static TableDto refresh(Handle h, UUID org, UUID store, UUID tableId, Instant now, boolean paid) {
    TableDto before = FloorRows.table(h, org, store, tableId, now);
    if (before.joinedTo() != null) {
      return before;
    }
    List<CheckDto> open = FloorRows.checksOn(h, org, store, tableId);
    String state;
    Integer guests;
    Instant seatedAt;
    if (open.isEmpty()) {
      state = paid ? "PAID" : "FREE";
      guests = paid ? before.guests() : null;
      seatedAt = paid ? before.seatedAt() : null;
    } else {
      state =
          open.stream().allMatch(c -> "PREBILLED".equals(c.state()))
              ? "PREBILLED"
              : open.stream().anyMatch(c -> !c.lines().isEmpty()) ? "ORDERED" : "SEATED";
      guests = open.stream().mapToInt(CheckDto::guests).sum();
      seatedAt = open.stream().map(CheckDto::openedAt).min(Instant::compareTo).orElseThrow();
    }
    TableDto after = before;
    if (!state.equals(before.state())
        || !Objects.equals(guests, before.guests())
        || !Objects.equals(seatedAt, before.seatedAt())) {
      h.createUpdate(
              "update dining_table set state = :state, guests = :guests, seated_at = :seated,"
                  + " version = version + 1 where organisation_id = :org and id = :id")
          .bind("org", org)
          .bind("id", tableId)
          .bind("state", state)
          .bind("guests", guests)
          .bind("seated", seatedAt == null ? null : Timestamp.from(seatedAt))
          .execute();
      after = FloorRows.table(h, org, store, tableId, now);
      FloorEvents.table(h, org, store, after);
    }
    boolean free = "FREE".equals(state);
    List<UUID> joined =
        h.createQuery(
                "select id from dining_table where organisation_id = :org and joined_to = :id"
                    + " and active and (state <> :state or :free)")
            .bind("org", org)
            .bind("id", tableId)
            .bind("state", state)
            .bind("free", free)
            .mapTo(UUID.class)
            .list();
    for (UUID other : joined) {
      h.createUpdate(
              "update dining_table set state = :state, joined_to = case when :free then null"
                  + " else joined_to end, guests = null, seated_at = :seated,"
                  + " version = version + 1 where organisation_id = :org and id = :id")
          .bind("org", org)
          .bind("id", other)
          .bind("state", state)
          .bind("free", free)
          .bind("seated", seatedAt == null ? null : Timestamp.from(seatedAt))
          .execute();
      FloorEvents.table(h, org, store, FloorRows.table(h, org, store, other, now));
    }
    return after;
  }

  /** Binds a table's place on the plan: area, name, seats, shape, position and size. */
  private static org.jdbi.v3.core.statement.Update layout(
      org.jdbi.v3.core.statement.Update u, TableRequest r, String name) {
    return u.bind("area", r.areaId())
        .bind("name", name)
        .bind("seats", r.seats())
        .bind("shape", r.shape())
        .bind("x", r.x())
        .bind("y", r.y())
        .bind("width", r.width())
        .bind("height", r.height());
  }

  static String text(String value, String pointer, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ApiException.invalid(pointer, "Required");
      }
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > max
        || trimmed.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(pointer, "At most " + max + " characters, no control characters");
    }
    return trimmed;
  }

  private static void within(int value, int min, int max, String pointer) {
    if (value < min || value > max) {
      throw ApiException.invalid(pointer, pointer.substring(1) + " is " + min + " to " + max);
    }
  }
}
