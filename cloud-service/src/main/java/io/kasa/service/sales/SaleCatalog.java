package io.kasa.service.sales;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.service.db.Cached;
import io.kasa.service.db.Invalidations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The store rules and catalogue items that recording a sale reads, kept in memory while no store,
 * tax class or item has changed since they were read (ADR 0016). What is not kept is read at once,
 * so a sale always sees the catalogue as committed, give or take the few milliseconds a change made
 * by another process takes to be heard.
 */
final class SaleCatalog {

  /** Items kept at most, across organisations. */
  static final int ITEMS_KEPT = 200_000;

  /** Stores kept at most. */
  static final int STORES_KEPT = 10_000;

  /** What recording a sale needs to know of the store and the sale's items. */
  record ForSale(StorePolicy.Rules rules, Map<String, CatalogItem> items) {}

  private record StoreKey(UUID organisation, UUID store) {}

  private record ItemKey(UUID organisation, String id) {}

  private final Jdbi jdbi;
  private final Cached<StoreKey, StorePolicy.Rules> stores;
  private final Cached<ItemKey, CatalogItem> items;

  SaleCatalog(Jdbi jdbi, Invalidations invalidations) {
    this.jdbi = jdbi;
    this.stores = new Cached<>(invalidations, Invalidations.Topic.CATALOG, STORES_KEPT);
    this.items = new Cached<>(invalidations, Invalidations.Topic.CATALOG, ITEMS_KEPT);
  }

  /** The store's sale rules, with its tax classes and price override limit. */
  StorePolicy.Rules rules(UUID org, UUID store) {
    return stores.get(
        new StoreKey(org, store), k -> jdbi.withHandle(h -> StorePolicy.rules(h, org, store)));
  }

  /** The store's rules and those of the items with these ids that exist, by id. */
  ForSale forSale(UUID org, UUID store, Collection<String> ids) {
    StorePolicy.Rules rules = rules(org, store);
    Map<String, CatalogItem> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      CatalogItem item = items.get(new ItemKey(org, id));
      // Prices are kept in the currency of the store that read them; another store reads again.
      if (item != null && item.price().currency().equals(rules.policy().currency())) {
        found.put(id, item);
      } else {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      long stamp = items.stamp();
      Map<String, CatalogItem> read =
          jdbi.withHandle(h -> StorePolicy.items(h, org, missing, rules.policy().currency()));
      read.forEach(
          (id, item) -> {
            items.put(new ItemKey(org, id), item, stamp);
            found.put(id, item);
          });
    }
    return new ForSale(rules, found);
  }
}
