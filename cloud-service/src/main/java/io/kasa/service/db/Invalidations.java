package io.kasa.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

  private final Map<Topic, AtomicLong> generations = new EnumMap<>(Topic.class);
  private final Listener listener;
  private volatile boolean listening;
  private volatile long confirmedAt;

  public Invalidations(Database database) {
    for (Topic t : Topic.values()) {
      generations.put(t, new AtomicLong());
    }
    this.listener =
        new Listener(
            database,
            "kasa-invalidations",
            Arrays.stream(Topic.values()).map(Topic::channel).toList(),
            WAIT_MILLIS,
            new Handler());
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

  private final class Handler implements Listener.Handler {
    @Override
    public void listening(Connection c) {
      // Changes made before LISTEN took effect were not heard: start every topic afresh.
      changedAll();
      confirmedAt = System.nanoTime();
      listening = true;
      LOG.info("Listening for changes to cached rows");
    }

    @Override
    public void heard(Connection c, PGNotification[] notes) throws SQLException {
      for (PGNotification n : notes) {
        for (Topic t : Topic.values()) {
          if (t.channel().equals(n.getName())) {
            changed(t);
          }
        }
      }
      confirm(c);
    }

    @Override
    public void lost() {
      listening = false;
      changedAll();
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
    listening = false;
    listener.close();
  }
}
