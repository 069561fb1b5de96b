package io.kasa.service.audit;

import io.kasa.api.office.OfficeAuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The audit log's entries as a page shows them (ADR 0048): each with its store, till, employee and
 * office account named, its time in its store's zone, its kind and its words.
 */
final class AuditEntries {

  /** The zone of a day when the organisation has no store to say. */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Kyiv");

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private AuditEntries() {}

  /** The entries with their store, till, employee and office account named, in order. */
  static List<OfficeAuditEntry> named(
      Handle h, AuditJournal.Scope scope, List<Raw> raws, String language) {
    if (raws.isEmpty()) {
      return List.of();
    }
    Map<UUID, Till> tills = new HashMap<>();
    h.createQuery(
            "select t.id, t.name, t.store_id, s.name as store_name, s.time_zone from terminal t"
                + " join store s on s.organisation_id = t.organisation_id and s.id = t.store_id"
                + " where t.organisation_id = :org and t.id = any(:ids)")
        .bind("org", scope.organisation())
        .bindArray("ids", UUID.class, ids(raws, Raw::terminal))
        .map(
            (rs, ctx) ->
                new Till(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getObject("store_id", UUID.class),
                    rs.getString("store_name"),
                    zone(rs.getString("time_zone"))))
        .forEach(t -> tills.put(t.id(), t));
    Map<UUID, String> employees =
        names(h, "select id, name from employee", scope, ids(raws, Raw::employee));
    Map<UUID, String> accounts =
        names(h, "select id, email from office_account", scope, ids(raws, Raw::account));
    ZoneId office = defaultZone(h, scope);
    List<OfficeAuditEntry> out = new ArrayList<>();
    for (Raw r : raws) {
      Till till = r.terminal() == null ? null : tills.get(r.terminal());
      ZoneId zone = till == null ? office : till.zone();
      out.add(
          new OfficeAuditEntry(
              r.id(),
              r.at(),
              LOCAL.format(r.at().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)),
              zone.getId(),
              AuditActions.kind(r.action()),
              r.action(),
              AuditActions.words(r.action(), language),
              r.detail(),
              till == null
                  ? null
                  : new OfficeAuditEntry.Named(till.store().toString(), till.storeName()),
              till == null
                  ? (r.terminal() == null
                      ? null
                      : new OfficeAuditEntry.Named(r.terminal().toString(), ""))
                  : new OfficeAuditEntry.Named(till.id().toString(), till.name()),
              named(r.employee(), employees),
              named(r.account(), accounts)));
    }
    return List.copyOf(out);
  }

  static ZoneId defaultZone(Handle h, AuditJournal.Scope scope) {
    return h
        .createQuery(
            "select id, time_zone from store where organisation_id = :org order by name, id")
        .bind("org", scope.organisation())
        .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("time_zone")))
        .list()
        .stream()
        .filter(s -> scope.sees(s.getKey()))
        .findFirst()
        .map(s -> zone(s.getValue()))
        .orElse(DEFAULT_ZONE);
  }

  static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return DEFAULT_ZONE;
    }
  }

  private static Map<UUID, String> names(
      Handle h, String select, AuditJournal.Scope scope, List<UUID> ids) {
    Map<UUID, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(select + " where organisation_id = :org and id = any(:ids)")
        .bind("org", scope.organisation())
        .bindArray("ids", UUID.class, ids)
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static OfficeAuditEntry.Named named(UUID id, Map<UUID, String> names) {
    return id == null
        ? null
        : new OfficeAuditEntry.Named(id.toString(), names.getOrDefault(id, ""));
  }

  private static List<UUID> ids(List<Raw> raws, java.util.function.Function<Raw, UUID> of) {
    return raws.stream().map(of).filter(java.util.Objects::nonNull).distinct().toList();
  }

  static Raw raw(ResultSet rs) throws SQLException {
    return new Raw(
        rs.getLong("id"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getObject("terminal_id", UUID.class),
        rs.getObject("employee_id", UUID.class),
        rs.getObject("office_account_id", UUID.class),
        rs.getString("action"),
        rs.getString("detail"));
  }

  /** An entry as the log holds it. */
  record Raw(
      long id,
      Instant at,
      UUID terminal,
      UUID employee,
      UUID account,
      String action,
      String detail) {}

  /** A till with its store, for naming entries. */
  private record Till(UUID id, String name, UUID store, String storeName, ZoneId zone) {}
}
