package io.kasa.client.sync;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.client.store.CatalogReplica;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings the catalogue replica up to date: pages of changes after the replica's cursor, each
 * applied atomically with the cursor it leads to. The first sync is the full catalogue, a page at a
 * time, so 200k items never sit in memory at once: at most the page being applied and the next one,
 * fetched meanwhile (a page names the cursor of the next, so fetching need not wait for applying).
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
    return sync(applied -> {});
  }

  /**
   * As {@link #sync()}, telling {@code progress} the number of items applied so far after each page
   * (for a count on screen during a first full load).
   */
  public long sync(java.util.function.LongConsumer progress) {
    ExecutorService fetcher =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "kasa-catalog-fetch");
              t.setDaemon(true);
              return t;
            });
    try {
      long applied = 0;
      CatalogChanges page = source.changes(replica.cursor(), pageSize);
      while (true) {
        Future<CatalogChanges> next = null;
        if (page.more()) {
          String cursor = page.nextCursor();
          next = fetcher.submit(() -> source.changes(cursor, pageSize));
        }
        replica.apply(page);
        applied += page.items().size();
        progress.accept(applied);
        if (next == null) {
          return applied;
        }
        page = await(next);
      }
    } finally {
      fetcher.shutdownNow();
    }
  }

  private static CatalogChanges await(Future<CatalogChanges> next) {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching the catalogue", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
