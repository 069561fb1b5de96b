package io.kasa.service.floor;

import io.kasa.api.kitchen.KitchenStationDto;
import io.kasa.api.kitchen.KitchenStationRequest;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A store's kitchen stations and their routes (ADR 0053): read by tills, set by managers. */
public final class KitchenStations {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Jdbi jdbi;

  public KitchenStations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The caller's store's stations, in order, with their routes. */
  public List<KitchenStationDto> stations(Principal who) {
    return jdbi.withHandle(h -> list(h, who.organisationId(), who.storeId()));
  }

  /** Creates or replaces a station of the caller's store; answers whether it was created. */
  public Map.Entry<Boolean, KitchenStationDto> put(
      Principal who, String id, KitchenStationRequest r) {
    FloorRows.require(
        who, role -> role == Role.MANAGER || role == Role.ADMIN, "set kitchen stations");
    return jdbi.inTransaction(h -> put(h, who.organisationId(), who.storeId(), id, r));
  }

  /** The store's stations, in order, with their routes. */
  public static List<KitchenStationDto> list(Handle h, UUID org, UUID store) {
    Map<String, List<String>> items = new LinkedHashMap<>();
    Map<String, List<String>> categories = new LinkedHashMap<>();
    h.createQuery(
            "select station_id, item_id, category from kitchen_route where organisation_id = :org"
                + " and store_id = :store order by item_id nulls last, category")
        .bind("org", org)
        .bind("store", store)
        .mapToMap()
        .forEach(
            r -> {
              String s = (String) r.get("station_id");
              if (r.get("item_id") != null) {
                items.computeIfAbsent(s, k -> new ArrayList<>()).add((String) r.get("item_id"));
              } else {
                categories
                    .computeIfAbsent(s, k -> new ArrayList<>())
                    .add((String) r.get("category"));
              }
            });
    return h.createQuery(
            "select id, name, position from kitchen_station where organisation_id = :org"
                + " and store_id = :store order by position, id")
        .bind("org", org)
        .bind("store", store)
        .map(
            (rs, ctx) ->
                new KitchenStationDto(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getInt("position"),
                    items.getOrDefault(rs.getString("id"), List.of()),
                    categories.getOrDefault(rs.getString("id"), List.of())))
        .list();
  }

  /**
   * Creates or replaces a station and its routes, checked first; answers whether it was created.
   * Call inside a transaction.
   */
  public static Map.Entry<Boolean, KitchenStationDto> put(
      Handle h, UUID org, UUID store, String id, KitchenStationRequest r) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ApiException.invalid("/id", "A station's id is 1 to 64 letters, digits, . _ or -");
    }
    if (r == null || r.name() == null || r.name().isBlank() || r.name().strip().length() > 60) {
      throw ApiException.invalid("/name", "A station's name is 1 to 60 characters");
    }
    int position = r.position() == null ? 0 : r.position();
    if (position < 0 || position > 1000) {
      throw ApiException.invalid("/position", "The position is 0 to 1000");
    }
    List<String> items = new ArrayList<>(new LinkedHashSet<>(listOf(r.items())));
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      String found =
          h.createQuery(
                  "select id from item where organisation_id = :org and (id = :item or sku = :item)"
                      + " order by id = :item desc limit 1")
              .bind("org", org)
              .bind("item", item)
              .mapTo(String.class)
              .findOne()
              .orElseThrow(() -> ApiException.invalid("/items", "No item " + item));
      items.set(i, found);
    }
    List<String> categories = new ArrayList<>(new LinkedHashSet<>(listOf(r.categories())));
    for (String c : categories) {
      if (c == null || c.isBlank() || c.length() > 200) {
        throw ApiException.invalid("/categories", "A category is 1 to 200 characters");
      }
    }
    FloorEvents.lock(h, org, store);
    boolean created =
        h.createQuery(
                "insert into kitchen_station (organisation_id, store_id, id, name, position)"
                    + " values (:org, :store, :id, :name, :position) on conflict"
                    + " (organisation_id, store_id, id) do update set name = excluded.name,"
                    + " position = excluded.position returning (xmax = 0) as created")
            .bind("org", org)
            .bind("store", store)
            .bind("id", id)
            .bind("name", r.name().strip())
            .bind("position", position)
            .mapTo(Boolean.class)
            .one();
    h.createUpdate(
            "delete from kitchen_route where organisation_id = :org and store_id = :store"
                + " and station_id = :id")
        .bind("org", org)
        .bind("store", store)
        .bind("id", id)
        .execute();
    for (String item : new LinkedHashSet<>(items)) {
      route(h, org, store, id, item, null);
    }
    for (String c : categories) {
      route(h, org, store, id, null, c.strip());
    }
    KitchenStationDto station =
        list(h, org, store).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    return Map.entry(created, station);
  }

  private static void route(
      Handle h, UUID org, UUID store, String station, String item, String category) {
    h.createUpdate(
            "insert into kitchen_route (organisation_id, store_id, station_id, item_id, category)"
                + " values (:org, :store, :station, :item, :category)")
        .bind("org", org)
        .bind("store", store)
        .bind("station", station)
        .bind("item", item)
        .bind("category", category)
        .execute();
  }

  private static List<String> listOf(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(v -> v == null ? "" : v.strip()).toList();
  }
}
