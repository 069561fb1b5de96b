package io.kasa.service.floor;

import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.TableDto;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Reads the floor's rows as the API's records, and the checks every change makes first. */
final class FloorRows {

  /** A reservation holds its table from this long before its time… */
  static final Duration HOLD_BEFORE = Duration.ofMinutes(60);

  /** …until this long after it, when the host marks it a no-show or seats it. */
  static final Duration HOLD_AFTER = Duration.ofMinutes(30);

  private static final String TABLE_COLUMNS =
      "id, area_id, name, seats, shape, x, y, width, height, state, seated_at, guests, joined_to,"
          + " version";

  private FloorRows() {}

  /** A change of a store's floor, given the tenant, the store and the time of the change. */
  interface Change<T> {
    T apply(Handle h, UUID org, UUID store, Instant now);
  }

  /**
   * Runs a change of the caller's store floor in one transaction, under the store's stream lock
   * (changes in a store run one after another; their events commit in order).
   */
  static <T> T change(
      org.jdbi.v3.core.Jdbi jdbi, java.time.Clock clock, Principal who, Change<T> work) {
    UUID org = who.organisationId();
    UUID store = who.storeId();
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          FloorEvents.lock(h, org, store);
          return work.apply(h, org, store, now);
        });
  }

  /** Refuses a caller whose role does not allow {@code what}. */
  static void require(Principal who, Predicate<Role> allowed, String what) {
    if (who.role() == null || !allowed.test(who.role())) {
      throw ApiException.forbidden("Your role cannot " + what);
    }
  }

  /** Refuses a change made on a version that is no longer the row's. */
  static void sameVersion(long seen, long current, String what) {
    if (seen != current) {
      throw ApiException.conflict(
          "changed-elsewhere",
          Map.of(),
          what
              + " was just changed on another terminal (version "
              + current
              + ", you saw "
              + seen
              + "): look again and retry");
    }
  }

  /** Runs a write whose unique keys may clash with another row: a clash is a 409. */
  static void writeOrConflict(Runnable write, String clash) {
    try {
      write.run();
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException
          && "23505".equals(((SQLException) e.getCause()).getSQLState())) {
        throw ApiException.conflict(clash);
      }
      throw e;
    }
  }

  static AreaDto area(Handle h, UUID org, UUID store, UUID id) {
    return h.createQuery(
            "select id, name, position, version from floor_area"
                + " where organisation_id = :org and store_id = :store and id = :id and active")
        .bind("org", org)
        .bind("store", store)
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new AreaDto(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getInt("position"),
                    rs.getLong("version")))
        .findOne()
        .orElseThrow(() -> ApiException.notFound("No area " + id + " in this store"));
  }

  static List<AreaDto> areas(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "select id, name, position, version from floor_area"
                + " where organisation_id = :org and store_id = :store and active"
                + " order by position, name")
        .bind("org", org)
        .bind("store", store)
        .map(
            (rs, ctx) ->
                new AreaDto(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getInt("position"),
                    rs.getLong("version")))
        .list();
  }

  /** The store's table, locked for the rest of the transaction. */
  static TableDto table(Handle h, UUID org, UUID store, UUID id, Instant now) {
    return findTable(h, org, store, id, now)
        .orElseThrow(() -> ApiException.notFound("No table " + id + " in this store"));
  }

  static Optional<TableDto> findTable(Handle h, UUID org, UUID store, UUID id, Instant now) {
    Map<UUID, UUID> holds = holds(h, org, store, now);
    return h.createQuery(
            "select "
                + TABLE_COLUMNS
                + " from dining_table where organisation_id = :org and store_id = :store"
                + " and id = :id and active")
        .bind("org", org)
        .bind("store", store)
        .bind("id", id)
        .map((rs, ctx) -> table(rs, holds))
        .findOne();
  }

  static List<TableDto> tables(Handle h, UUID org, UUID store, Instant now) {
    Map<UUID, UUID> holds = holds(h, org, store, now);
    return h.createQuery(
            "select "
                + TABLE_COLUMNS
                + " from dining_table where organisation_id = :org and store_id = :store and active"
                + " order by name")
        .bind("org", org)
        .bind("store", store)
        .map((rs, ctx) -> table(rs, holds))
        .list();
  }

  /** The tables held now by a reservation not yet seated: table → party. */
  static Map<UUID, UUID> holds(Handle h, UUID org, UUID store, Instant now) {
    return h
        .createQuery(
            "select table_id, id from waitlist_party where organisation_id = :org"
                + " and store_id = :store and table_id is not null"
                + " and status in ('WAITING', 'NOTIFIED')"
                + " and reserved_for between :from and :to order by reserved_for")
        .bind("org", org)
        .bind("store", store)
        .bind("from", Timestamp.from(now.minus(HOLD_AFTER)))
        .bind("to", Timestamp.from(now.plus(HOLD_BEFORE)))
        .map(
            (rs, ctx) ->
                Map.entry(rs.getObject("table_id", UUID.class), rs.getObject("id", UUID.class)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  private static TableDto table(ResultSet rs, Map<UUID, UUID> holds) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp seated = rs.getTimestamp("seated_at");
    int guests = rs.getInt("guests");
    boolean noGuests = rs.wasNull();
    return new TableDto(
        id,
        rs.getObject("area_id", UUID.class),
        rs.getString("name"),
        rs.getInt("seats"),
        rs.getString("shape"),
        rs.getInt("x"),
        rs.getInt("y"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getString("state"),
        seated == null ? null : seated.toInstant(),
        noGuests ? null : guests,
        rs.getObject("joined_to", UUID.class),
        holds.get(id),
        rs.getLong("version"));
  }

  private static final String PARTY_COLUMNS =
      "id, name, size, phone, notes, added_at, reserved_for, table_id, quoted_minutes, status,"
          + " notified_at, version";

  static PartyDto party(Handle h, UUID org, UUID store, UUID id) {
    return findParty(h, org, store, id)
        .orElseThrow(() -> ApiException.notFound("No party " + id + " in this store"));
  }

  static Optional<PartyDto> findParty(Handle h, UUID org, UUID store, UUID id) {
    return h.createQuery(
            "select "
                + PARTY_COLUMNS
                + " from waitlist_party where organisation_id = :org and store_id = :store"
                + " and id = :id")
        .bind("org", org)
        .bind("store", store)
        .bind("id", id)
        .map((rs, ctx) -> party(rs))
        .findOne();
  }

  /**
   * The waiting walk-ins in line order, then the reservations not yet seated from twelve hours ago
   * on, by time: a late party stays on the list until the host marks it a no-show.
   */
  static List<PartyDto> openParties(Handle h, UUID org, UUID store, Instant now) {
    return h.createQuery(
            "select "
                + PARTY_COLUMNS
                + " from waitlist_party where organisation_id = :org and store_id = :store"
                + " and status in ('WAITING', 'NOTIFIED')"
                + " and (reserved_for is null or reserved_for >= :from)"
                + " order by reserved_for nulls first, added_at, id")
        .bind("org", org)
        .bind("store", store)
        .bind("from", Timestamp.from(now.minus(java.time.Duration.ofHours(12))))
        .map((rs, ctx) -> party(rs))
        .list();
  }

  private static PartyDto party(ResultSet rs) throws SQLException {
    Timestamp reserved = rs.getTimestamp("reserved_for");
    Timestamp notified = rs.getTimestamp("notified_at");
    int quoted = rs.getInt("quoted_minutes");
    boolean noQuote = rs.wasNull();
    return new PartyDto(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getInt("size"),
        rs.getString("phone"),
        rs.getString("notes"),
        rs.getTimestamp("added_at").toInstant(),
        reserved == null ? null : reserved.toInstant(),
        rs.getObject("table_id", UUID.class),
        noQuote ? null : quoted,
        rs.getString("status"),
        notified == null ? null : notified.toInstant(),
        rs.getLong("version"));
  }

  static CheckDto check(Handle h, UUID org, UUID store, UUID id) {
    return findCheck(h, org, store, id)
        .orElseThrow(() -> ApiException.notFound("No check " + id + " in this store"));
  }

  static Optional<CheckDto> findCheck(Handle h, UUID org, UUID store, UUID id) {
    return checks(h, org, store, "c.id = :id", Map.of("id", id)).stream().findFirst();
  }

  /** The open checks, and the paid ones whose table is not cleared yet. */
  static List<CheckDto> openChecks(Handle h, UUID org, UUID store) {
    return checks(
        h,
        org,
        store,
        "(c.state in ('OPEN', 'PREBILLED') or (c.state = 'PAID' and exists (select 1 from"
            + " dining_table t where t.organisation_id = c.organisation_id and t.id = c.table_id"
            + " and t.state = 'PAID')))",
        Map.of());
  }

  /** The checks open (OPEN or PREBILLED) on a table. */
  static List<CheckDto> checksOn(Handle h, UUID org, UUID store, UUID table) {
    return checks(
        h,
        org,
        store,
        "c.table_id = :table and c.state in ('OPEN', 'PREBILLED')",
        Map.of("table", table));
  }

  private static List<CheckDto> checks(
      Handle h, UUID org, UUID store, String where, Map<String, Object> binds) {
    var q =
        h.createQuery(
                "select c.id, c.table_id, c.number, c.guests, c.state, c.opened_at, c.split_ways,"
                    + " c.sale_id, c.version, p.name as party from dining_check c"
                    + " left join waitlist_party p on p.organisation_id = c.organisation_id"
                    + " and p.id = c.party_id where c.organisation_id = :org"
                    + " and c.store_id = :store and "
                    + where
                    + " order by c.number, c.id")
            .bind("org", org)
            .bind("store", store);
    binds.forEach(q::bind);
    List<Map<String, Object>> rows = q.mapToMap().list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(r -> (UUID) r.get("id")).toList();
    Map<UUID, List<CheckLineDto>> lines =
        h
            .createQuery(
                "select id, check_id, item_id, name, quantity, unit_price, seat, modifiers::text"
                    + " as modifiers, note, course, sent_at, held_at from check_line"
                    + " where organisation_id = :org and check_id in (<ids>) and not removed"
                    + " order by added_at, id")
            .bind("org", org)
            .bindList("ids", ids)
            .map((rs, ctx) -> Map.entry(rs.getObject("check_id", UUID.class), line(rs)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return rows.stream()
        .map(
            r -> {
              List<CheckLineDto> mine = lines.getOrDefault((UUID) r.get("id"), List.of());
              return new CheckDto(
                  (UUID) r.get("id"),
                  (UUID) r.get("table_id"),
                  ((Number) r.get("number")).intValue(),
                  ((Number) r.get("guests")).intValue(),
                  (String) r.get("state"),
                  instant(r.get("opened_at")),
                  ((Number) r.get("split_ways")).intValue(),
                  mine,
                  mine.stream().mapToLong(CheckLineDto::amount).sum(),
                  (UUID) r.get("sale_id"),
                  ((Number) r.get("version")).longValue(),
                  (String) r.get("party"));
            })
        .toList();
  }

  private static CheckLineDto line(ResultSet rs) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    Timestamp held = rs.getTimestamp("held_at");
    return line(
        rs.getObject("id", UUID.class),
        rs.getString("item_id"),
        rs.getString("name"),
        rs.getBigDecimal("quantity"),
        rs.getLong("unit_price"),
        rs.getInt("seat"),
        CheckModifiers.read(rs.getString("modifiers")),
        rs.getString("note"),
        rs.getInt("course"),
        sent == null ? null : sent.toInstant(),
        held == null ? null : held.toInstant());
  }

  static CheckLineDto line(
      UUID id,
      String item,
      String name,
      BigDecimal quantity,
      long unitPrice,
      int seat,
      List<io.kasa.api.sales.ChosenModifierDto> modifiers,
      String note,
      int course,
      Instant sentAt,
      Instant heldAt) {
    long charged =
        unitPrice
            + modifiers.stream().mapToLong(io.kasa.api.sales.ChosenModifierDto::priceDelta).sum();
    // As pos-domain prices a line: quantity × charged unit price, half up to a minor unit.
    long amount =
        quantity
            .multiply(BigDecimal.valueOf(charged))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    return new CheckLineDto(
        id,
        item,
        name,
        quantity.stripTrailingZeros().toPlainString(),
        unitPrice,
        amount,
        seat,
        modifiers,
        note,
        course,
        sentAt,
        heldAt);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp) {
      return ((Timestamp) value).toInstant();
    }
    if (value instanceof java.time.OffsetDateTime) {
      return ((java.time.OffsetDateTime) value).toInstant();
    }
    throw new IllegalStateException("Not a time: " + value);
  }
}
