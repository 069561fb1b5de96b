package io.kasa.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the service's in-memory caches when what they keep may be stale (ADR 0016). Triggers notify
 * a channel per {@link Topic} on every change that matters, from any process
 * (V14__cache_invalidation.sql); one listener per service instance hears them and moves the topic's
 * generation on. A cached entry carries the generation read before it was loaded and is used only
 * while that generation is current, so an entry loaded across a change is never used.
 *
 * <p>Nothing may be cached while the listener is not known to hear every change: before it first
 * listens, after its connection fails, and whenever it has not confirmed its connection with a
 * round trip for {@link #TRUST_NANOS}. Each lapse moves every generation on, since notifications
 * may have been missed meanwhile. A change this process commits is passed to {@link #changed} as
 * well, so the next request here sees it even before the notification arrives.
 */
public final class Invalidations implements AutoCloseable {

  /** What a cache keeps, by the channel that says it changed. */
  public enum Topic {
    /** Terminals, employees and their sessions. */
    AUTH,
    /** Stores, tax classes and items. */
    CATALOG;

    String channel() {
      return "kasa_" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** How long a confirmed connection is trusted: a silently lost one stops caching after this. */
  static final long TRUST_NANOS = TimeUnit.SECONDS.toNanos(3);

  private static final Logger LOG = LoggerFactory.getLogger(Invalidations.class);
  private static final int WAIT_MILLIS = 1_000;
  private static final int NETWORK_TIMEOUT_MILLIS = 10_000;

  private final Database database;
  private final Map<Topic, AtomicLong> generations = new EnumMap<>(Topic.class);
  private final Thread listener;
  private volatile boolean listening;
  private volatile long confirmedAt;
  private volatile boolean closed;

  public Invalidations(Database database) {
    this.database = database;
    for (Topic t : Topic.values()) {
      generations.put(t, new AtomicLong());
    }
    this.listener = new Thread(this::listen, "kasa-invalidations");
    listener.setDaemon(true);
    listener.start();
  }

  /**
   * The generation to stamp on an entry about to be read from the database, or -1 when nothing may
   * be cached now. Take it before the read.
   */
  public long stamp(Topic topic) {
    return trusted() ? generations.get(topic).get() : -1;
  }

  /** Whether an entry stamped {@code stamp} may still be used. */
  public boolean current(Topic topic, long stamp) {
    return stamp >= 0 && trusted() && generations.get(topic).get() == stamp;
  }

  /** A change to the topic's rows, committed by this process: what was cached before is stale. */
  public void changed(Topic topic) {
    generations.get(topic).incrementAndGet();
  }

  /** Whether the listener hears every change now, so caching is on (a metric). */
  public boolean trusted() {
    return listening && System.nanoTime() - confirmedAt < TRUST_NANOS;
  }

  private void changedAll() {
    for (Topic t : Topic.values()) {
      changed(t);
    }
  }

  private void listen() {
    Executor direct = Runnable::run;
    while (!closed) {
      try (Connection c = database.dedicatedConnection()) {
        c.setNetworkTimeout(direct, NETWORK_TIMEOUT_MILLIS);
        // Named for operators (pg_stat_activity): ending this backend turns caching off.
        c.setClientInfo("ApplicationName", "kasa-invalidations");
        try (Statement st = c.createStatement()) {
          for (Topic t : Topic.values()) {
            st.execute("LISTEN " + t.channel());
          }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        // Changes made before LISTEN took effect were not heard: start every topic afresh.
        changedAll();
        confirmedAt = System.nanoTime();
        listening = true;
        LOG.info("Listening for changes to cached rows");
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes != null) {
            for (PGNotification n : notes) {
              for (Topic t : Topic.values()) {
                if (t.channel().equals(n.getName())) {
                  changed(t);
                }
              }
            }
          }
          confirm(c);
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        changedAll();
        if (closed) {
          return;
        }
        // PostgreSQL shutting down or ending the backend (class 57, operator intervention) is an
        // operator's doing, at a stop or a restart; anything else is worth a warning.
        String state = e instanceof SQLException sql ? sql.getSQLState() : null;
        if (state != null && state.startsWith("57")) {
          LOG.info("Change listener's connection ended ({}), caching off until it is back", state);
        } else {
          LOG.warn(
              "Lost the change listener's connection, caching off until it is back: {}",
              e.getMessage());
        }
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * A round trip on the listening connection, which proves it alive: the notifications ride on it,
   * so while it answers none is lost, only delayed by milliseconds.
   */
  private void confirm(Connection c) throws SQLException {
    long sent = System.nanoTime();
    if (sent - confirmedAt > TRUST_NANOS) {
      // Caching lapsed while the connection stalled: start every topic afresh, to be safe.
      changedAll();
    }
    try (Statement st = c.createStatement()) {
      st.execute("select 1");
    }
    confirmedAt = sent;
  }

  @Override
  public void close() {
    closed = true;
    listening = false;
    listener.interrupt();
  }
}
