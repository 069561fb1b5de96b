package io.kasa.client.sync;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.client.store.CatalogReplica;

/**
 * Brings the catalogue replica up to date: pages of changes after the replica's cursor, each
 * applied atomically with the cursor it leads to. The first sync is the full catalogue, a page at a
 * time, so 200k items never sit in memory at once.
 */
public final class CatalogSync {

  /** Fetches a page of changes after a cursor (null: from the start). */
  @FunctionalInterface
  public interface Source {
    CatalogChanges changes(String cursor, int limit);
  }

  private final CatalogReplica replica;
  private final Source source;
  private final int pageSize;

  public CatalogSync(CatalogReplica replica, Source source, int pageSize) {
    this.replica = replica;
    this.source = source;
    this.pageSize = pageSize;
  }

  /** Pulls until the service has nothing newer; returns the number of items applied. */
  public long sync() {
    long applied = 0;
    while (true) {
      CatalogChanges page = source.changes(replica.cursor(), pageSize);
      replica.apply(page);
      applied += page.items().size();
      if (!page.more()) {
        return applied;
      }
    }
  }
}
