package io.kasa.service.db;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Days as the people of a store count them: in the store's own time zone ({@code store.time_zone},
 * V40). A journal filtered by days (sales, shifts) asks for each store's days in that store's zone,
 * and shows each row's time in it.
 */
public final class StoreDays {

  /** A zone is at most this far from UTC: the outer range the index reads. */
  private static final int MOST_HOURS_FROM_UTC = 14;

  private StoreDays() {}

  /** The zone of a store's {@code time_zone}; UTC when it names none. */
  public static ZoneId zone(String id) {
    try {
      return id == null ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /**
   * Appends to {@code sql} the condition that {@code time} (a column) falls on the days {@code
   * from} to {@code to} (either null: open) in the time zone of the row's store ({@code store}, a
   * column): one range per zone among the stores asked for — {@code only}, or every store of {@code
   * org} that {@code sees} lets through — inside an outer range that an index on the time reads.
   * Binds are named {@code day…}.
   */
  public static void where(
      Handle h,
      UUID org,
      UUID only,
      Predicate<UUID> sees,
      LocalDate from,
      LocalDate to,
      String store,
      String time,
      StringBuilder sql,
      Map<String, Object> binds,
      Map<String, List<UUID>> arrays) {
    Map<ZoneId, List<UUID>> byZone = new LinkedHashMap<>();
    Query stores =
        h.createQuery(
                "select id, time_zone from store where organisation_id = :org"
                    + (only != null ? " and id = :store" : "")
                    + " order by id")
            .bind("org", org);
    if (only != null) {
      stores.bind("store", only);
    }
    stores
        .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), zone(rs.getString(2))))
        .list()
        .stream()
        .filter(e -> sees.test(e.getKey()))
        .forEach(e -> byZone.computeIfAbsent(e.getValue(), z -> new ArrayList<>()).add(e.getKey()));
    LocalDate first = from != null ? from : LocalDate.of(1970, 1, 1);
    LocalDate last = to != null ? to : LocalDate.of(9999, 12, 30);
    binds.put(
        "dayLo",
        first.atStartOfDay(ZoneOffset.UTC).minusHours(MOST_HOURS_FROM_UTC).toOffsetDateTime());
    binds.put(
        "dayHi",
        last.plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .plusHours(MOST_HOURS_FROM_UTC)
            .toOffsetDateTime());
    sql.append(" and ")
        .append(time)
        .append(" >= :dayLo and ")
        .append(time)
        .append(" < :dayHi and (false");
    int i = 0;
    for (Map.Entry<ZoneId, List<UUID>> e : byZone.entrySet()) {
      sql.append(" or (")
          .append(store)
          .append(" = any(:dayStores")
          .append(i)
          .append(") and ")
          .append(time)
          .append(" >= :dayFrom")
          .append(i)
          .append(" and ")
          .append(time)
          .append(" < :dayTo")
          .append(i)
          .append(')');
      arrays.put("dayStores" + i, e.getValue());
      binds.put("dayFrom" + i, first.atStartOfDay(e.getKey()).toOffsetDateTime());
      binds.put("dayTo" + i, last.plusDays(1).atStartOfDay(e.getKey()).toOffsetDateTime());
      i++;
    }
    sql.append(')');
  }
}
