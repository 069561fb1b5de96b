package io.kasa.service.terminals;

import io.kasa.service.db.Database;
import io.kasa.service.db.Listener;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each store's tills that what they keep has changed (ADR 0028). A store's version in {@code
 * terminal_feed} moves on in the transaction of every change to its catalogue, staff or rules
 * (triggers of {@code V21__terminal_feed.sql}), which also notifies {@code kasa_feed}. One listener
 * per service instance wakes that store's streams; each sends the version when it differs from the
 * last one sent. Versions in between are not sent: a till fetches the state (catalogue deltas after
 * its cursor, its configuration whole), so hearing the latest is hearing them all. Every few
 * seconds every stream is woken anyway, so a notification lost while the listener reconnected
 * delays a change, never loses it.
 */
public final class TerminalFeed implements AutoCloseable {

  /** How often streams are checked and idle ones get a keep-alive comment. */
  static final long HEARTBEAT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(TerminalFeed.class);
  private static final String CHANNEL = "kasa_feed";

  /** Where a till's stream goes. */
  public interface Sink {
    /** Says the store is now at {@code version}; answers false when the client is gone. */
    boolean changed(long version);

    /** Keeps an idle stream open; answers false when the client is gone. */
    boolean keepAlive();

    /** Ends the stream: the service is stopping. */
    void close();
  }

  private final Jdbi jdbi;
  private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
  private final ExecutorService delivery =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "kasa-feed-delivery");
            t.setDaemon(true);
            return t;
          });
  private final Listener listener;

  public TerminalFeed(Database database) {
    this.jdbi = database.jdbi();
    this.listener =
        new Listener(
            database, "kasa-feed-listener", List.of(CHANNEL), (int) HEARTBEAT_MILLIS, new Wakes());
  }

  /** The store's version now: 0 before its first change. */
  public long version(UUID org, UUID store) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select version from terminal_feed where organisation_id = :org and store_id = :store")
                .bind("org", org)
                .bind("store", store)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  /**
   * Follows the store for a till that has seen {@code after}: the version is sent at once when it
   * differs (a till that is behind, or one whose number the store never had), then on every change.
   * Answers a handle that stops it.
   */
  public Runnable subscribe(UUID org, UUID store, long after, Sink sink) {
    Stream s = new Stream(org, store, after, sink);
    streams.computeIfAbsent(key(org, store), k -> ConcurrentHashMap.newKeySet()).add(s);
    s.wake(false);
    return s::stop;
  }

  /** How many streams are open, for the metrics. */
  public int streams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  private static String key(UUID org, UUID store) {
    return org + "/" + store;
  }

  private void wakeAll(boolean heartbeat) {
    streams.values().forEach(set -> set.forEach(s -> s.wake(heartbeat)));
  }

  /** Ends every stream (the tills reconnect, to another instance if need be). */
  @Override
  public void close() {
    streams.values().forEach(set -> set.forEach(s -> s.sink.close()));
    streams.clear();
    listener.close();
    delivery.shutdownNow();
    try {
      delivery.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Wakes the streams of the stores the listener hears of. */
  private final class Wakes implements Listener.Handler {
    @Override
    public void listening(Connection c) {
      // A change committed while the listener was away is sent now.
      wakeAll(false);
    }

    @Override
    public void heard(Connection c, PGNotification[] notes) {
      if (notes.length == 0) {
        wakeAll(true);
      }
      for (PGNotification n : notes) {
        Set<Stream> set = streams.get(n.getParameter());
        if (set != null) {
          set.forEach(s -> s.wake(false));
        }
      }
    }

    @Override
    public void lost() {
      // Streams catch up when the listener is back (listening wakes them all).
    }
  }

  /** One till's stream: one delivery at a time, the version never sent twice in a row. */
  private final class Stream {
    final UUID org;
    final UUID store;
    final Sink sink;
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicBoolean again = new AtomicBoolean();
    final AtomicBoolean idle = new AtomicBoolean();
    volatile long sent;
    volatile boolean stopped;

    Stream(UUID org, UUID store, long after, Sink sink) {
      this.org = org;
      this.store = store;
      this.sent = after;
      this.sink = sink;
    }

    void wake(boolean heartbeat) {
      if (heartbeat) {
        idle.set(true);
      }
      again.set(true);
      if (!stopped && scheduled.compareAndSet(false, true)) {
        try {
          delivery.execute(this::deliver);
        } catch (RejectedExecutionException e) {
          scheduled.set(false);
        }
      }
    }

    void stop() {
      stopped = true;
      Set<Stream> set = streams.get(key(org, store));
      if (set != null) {
        set.remove(this);
      }
    }

    private void deliver() {
      try {
        while (again.getAndSet(false) && !stopped) {
          long now = version(org, store);
          boolean quiet = idle.getAndSet(false);
          if (now != sent) {
            if (!sink.changed(now)) {
              stop();
              return;
            }
            sent = now;
          } else if (quiet && !sink.keepAlive()) {
            stop();
            return;
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("Changes for store {} not sent now: {}", store, e.toString());
      } finally {
        scheduled.set(false);
        if (again.get() && !stopped) {
          wake(false);
        }
      }
    }
  }
}
