package io.kasa.service.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Where a store sends each item (ADR 0053): to the stations routed for the item itself, else for
 * its category, else to the store's first station, so a sent line always reaches a station.
 */
final class KitchenRoutes {

  private final Handle h;
  private final UUID org;
  private final Map<String, String> names;
  private final Map<String, List<String>> byItem;
  private final Map<String, List<String>> byCategory;
  private final Map<String, List<String>> known = new HashMap<>();

  private KitchenRoutes(
      Handle h,
      UUID org,
      Map<String, String> names,
      Map<String, List<String>> byItem,
      Map<String, List<String>> byCategory) {
    this.h = h;
    this.org = org;
    this.names = names;
    this.byItem = byItem;
    this.byCategory = byCategory;
  }

  static KitchenRoutes of(Handle h, UUID org, UUID store) {
    Map<String, String> names = new LinkedHashMap<>();
    h.createQuery(
            "select id, name from kitchen_station where organisation_id = :org"
                + " and store_id = :store order by position, id")
        .bind("org", org)
        .bind("store", store)
        .mapToMap()
        .forEach(r -> names.put((String) r.get("id"), (String) r.get("name")));
    Map<String, List<String>> byItem = new HashMap<>();
    Map<String, List<String>> byCategory = new HashMap<>();
    h.createQuery(
            "select r.station_id, r.item_id, r.category from kitchen_route r join kitchen_station s"
                + " on s.organisation_id = r.organisation_id and s.store_id = r.store_id"
                + " and s.id = r.station_id where r.organisation_id = :org and r.store_id = :store"
                + " order by s.position, s.id")
        .bind("org", org)
        .bind("store", store)
        .mapToMap()
        .forEach(
            r -> {
              String station = (String) r.get("station_id");
              if (r.get("item_id") != null) {
                byItem
                    .computeIfAbsent((String) r.get("item_id"), k -> new ArrayList<>())
                    .add(station);
              } else {
                byCategory
                    .computeIfAbsent((String) r.get("category"), k -> new ArrayList<>())
                    .add(station);
              }
            });
    return new KitchenRoutes(h, org, names, byItem, byCategory);
  }

  /** Whether the store has no station at all. */
  boolean none() {
    return names.isEmpty();
  }

  /** The stations in order. */
  List<String> stationIds() {
    return List.copyOf(names.keySet());
  }

  /** A station's name; its id when it was removed since. */
  String name(String station) {
    return names.getOrDefault(station, station);
  }

  /** The stations an item goes to, in station order; never empty while the store has one. */
  List<String> stationsFor(String itemId) {
    return known.computeIfAbsent(
        itemId,
        id -> {
          List<String> own = byItem.get(id);
          if (own != null) {
            return own;
          }
          String category =
              h.createQuery("select category from item where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          List<String> routed = category == null ? null : byCategory.get(category);
          return routed != null ? routed : List.of(names.keySet().iterator().next());
        });
  }
}
