package io.kasa.service.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.FloorEvent;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.TableDto;
import io.kasa.api.kitchen.KitchenBumpDto;
import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.service.db.Database;
import io.kasa.service.db.Listener;
import io.kasa.service.http.Json;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor's event log and its live delivery. A change appends its event in its own transaction,
 * after taking the store's stream row, so a store's event ids are gapless and commit in order; the
 * transaction also notifies PostgreSQL's {@code kasa_floor} channel. One listener per service
 * instance wakes the subscribers of that store, which read what they have not sent yet from the
 * log. Every few seconds every subscriber is woken anyway, so a notification lost while the
 * listener reconnected delays an event, never loses it; and several instances behind a load
 * balancer each hear every commit.
 */
public final class FloorEvents implements AutoCloseable {

  /** How often subscribers catch up and idle streams get a keep-alive comment. */
  static final long HEARTBEAT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(FloorEvents.class);
  private static final String CHANNEL = "kasa_floor";
  private static final int BATCH = 500;

  /** How long events are kept: a stand away longer reloads the floor. */
  static final java.time.Duration RETENTION = java.time.Duration.ofDays(7);

  private static final long PRUNE_EVERY_MILLIS = 3_600_000;
  private static final ObjectMapper MAPPER = Json.mapper();

  /** Where a subscriber's events go, in order. */
  public interface Sink {
    /** Sends one event; answers false when the client is gone. */
    boolean send(long id, String kind, String json);

    /**
     * Tells the client to reload the floor: its last event id is not one of this store's, or the
     * events after it were pruned.
     */
    boolean reset(long last);

    /** Keeps an idle stream open; answers false when the client is gone. */
    boolean keepAlive();

    /** Ends the stream: the service is stopping. */
    void close();
  }

  private final Jdbi jdbi;
  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final ExecutorService delivery =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "kasa-floor-delivery");
            t.setDaemon(true);
            return t;
          });
  private final Listener listener;
  private volatile boolean closed;

  public FloorEvents(Database database) {
    this.jdbi = database.jdbi();
    this.listener =
        new Listener(
            database, "kasa-floor-listener", List.of(CHANNEL), (int) HEARTBEAT_MILLIS, new Wakes());
  }

  /**
   * Takes the store's stream row for the rest of the transaction: floor changes in one store run
   * one after another.
   */
  static void lock(Handle h, UUID org, UUID store) {
    h.createUpdate(
            "insert into floor_stream (organisation_id, store_id, last_event) values (:org, :store, 0)"
                + " on conflict do nothing")
        .bind("org", org)
        .bind("store", store)
        .execute();
    h.createQuery(
            "select last_event from floor_stream where organisation_id = :org and store_id = :store"
                + " for update")
        .bind("org", org)
        .bind("store", store)
        .mapTo(Long.class)
        .one();
  }

  /** The store's next check number, under the stream lock. */
  static int nextCheckNumber(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "update floor_stream set last_check = last_check % 9999 + 1"
                + " where organisation_id = :org and store_id = :store returning last_check")
        .bind("org", org)
        .bind("store", store)
        .mapTo(Integer.class)
        .one();
  }

  /** The id of the store's last event. */
  public static long last(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "select last_event from floor_stream where organisation_id = :org and store_id = :store")
        .bind("org", org)
        .bind("store", store)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  /** The id of the store's oldest kept event, if any. */
  static java.util.Optional<Long> first(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "select min(id) from floor_event where organisation_id = :org and store_id = :store")
        .bind("org", org)
        .bind("store", store)
        .mapTo(Long.class)
        .findOne()
        .filter(java.util.Objects::nonNull);
  }

  static void area(Handle h, UUID org, UUID store, AreaDto a) {
    append(h, org, store, id -> new FloorEvent(id, "AREA", a, null, null, null));
  }

  static void table(Handle h, UUID org, UUID store, TableDto t) {
    append(h, org, store, id -> new FloorEvent(id, "TABLE", null, t, null, null));
  }

  static void tableRemoved(Handle h, UUID org, UUID store, TableDto t) {
    append(h, org, store, id -> new FloorEvent(id, "TABLE_REMOVED", null, t, null, null));
  }

  static void party(Handle h, UUID org, UUID store, PartyDto p) {
    append(h, org, store, id -> new FloorEvent(id, "PARTY", null, null, p, null));
  }

  static void check(Handle h, UUID org, UUID store, CheckDto c) {
    append(h, org, store, id -> new FloorEvent(id, "CHECK", null, null, null, c));
  }

  /** A kitchen ticket for one station: KITCHEN_TICKET or KITCHEN_VOID (ADR 0053). */
  static void kitchen(Handle h, UUID org, UUID store, KitchenTicketDto ticket) {
    String kind = "VOID".equals(ticket.kind()) ? "KITCHEN_VOID" : "KITCHEN_TICKET";
    append(h, org, store, id -> new FloorEvent(id, kind, null, null, null, null, ticket));
  }

  /** A kitchen screen's bump or recall (ADR 0055). */
  static void bump(Handle h, UUID org, UUID store, KitchenBumpDto bump) {
    append(h, org, store, id -> new FloorEvent(id, "KDS_BUMP", null, null, null, null, null, bump));
  }

  private static void append(
      Handle h, UUID org, UUID store, java.util.function.LongFunction<FloorEvent> event) {
    long id =
        h.createQuery(
                "update floor_stream set last_event = last_event + 1"
                    + " where organisation_id = :org and store_id = :store returning last_event")
            .bind("org", org)
            .bind("store", store)
            .mapTo(Long.class)
            .one();
    String body;
    try {
      body = MAPPER.writeValueAsString(event.apply(id));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A floor event that cannot be written as JSON", e);
    }
    h.createUpdate(
            "insert into floor_event (organisation_id, store_id, id, body)"
                + " values (:org, :store, :id, cast(:body as jsonb))")
        .bind("org", org)
        .bind("store", store)
        .bind("id", id)
        .bind("body", body)
        .execute();
    h.createQuery("select pg_notify(:channel, :key)")
        .bind("channel", CHANNEL)
        .bind("key", key(org, store))
        .mapToMap()
        .one();
  }

  /**
   * Streams the store's events after {@code after} to {@code sink} until the client goes away;
   * answers a handle that stops it.
   */
  public Runnable subscribe(UUID org, UUID store, long after, Sink sink) {
    return subscribe(org, store, after, false, sink);
  }

  /**
   * As {@link #subscribe(UUID, UUID, long, Sink)}; with {@code kitchenOnly}, only the kitchen's
   * tickets and voids are sent (their ids are the log's, so a station resumes as a stand does).
   */
  public Runnable subscribe(UUID org, UUID store, long after, boolean kitchenOnly, Sink sink) {
    return subscribe(org, store, after, kitchenOnly ? Only.KITCHEN : Only.ALL, sink);
  }

  /** Which of a store's events a stream sends. */
  public enum Only {
    /** Every event: the host stands. */
    ALL(""),
    /** Kitchen tickets and voids: the stations' printers (ADR 0053). */
    KITCHEN(" and body->>'kind' like 'KITCHEN%'"),
    /** Tickets, voids and the screens' bumps and recalls: the kitchen screen (ADR 0055). */
    SCREEN(" and (body->>'kind' like 'KITCHEN%' or body->>'kind' = 'KDS_BUMP')");

    final String where;

    Only(String where) {
      this.where = where;
    }
  }

  /** As {@link #subscribe(UUID, UUID, long, Sink)}, sending only the events {@code only} names. */
  public Runnable subscribe(UUID org, UUID store, long after, Only only, Sink sink) {
    Subscriber s = new Subscriber(org, store, after, only, sink);
    subscribers.computeIfAbsent(key(org, store), k -> ConcurrentHashMap.newKeySet()).add(s);
    s.wake();
    return s::stop;
  }

  /** How many streams are open, for the metrics. */
  public int streams() {
    return subscribers.values().stream().mapToInt(Set::size).sum();
  }

  private static String key(UUID org, UUID store) {
    return org + "/" + store;
  }

  /** Wakes the streams on what the listener hears; prunes the log now and then. */
  private final class Wakes implements Listener.Handler {
    private long pruned;

    @Override
    public void listening(Connection c) {
      // A notification missed while the listener was away delays an event, never loses it.
      wakeAll();
    }

    @Override
    public void heard(Connection c, PGNotification[] notes) {
      if (System.currentTimeMillis() - pruned > PRUNE_EVERY_MILLIS) {
        prune();
        pruned = System.currentTimeMillis();
      }
      if (notes.length == 0) {
        heartbeat();
      }
      for (PGNotification n : notes) {
        Set<Subscriber> set = subscribers.get(n.getParameter());
        if (set != null) {
          set.forEach(Subscriber::wake);
        }
      }
    }

    @Override
    public void lost() {
      // The streams catch up when the listener is back (listening wakes them all).
    }
  }

  /**
   * Deletes the events older than {@link #RETENTION}, and the kitchen's bumps as old (their tickets
   * are gone with those events: off every screen and past recall), a few thousand at a time.
   */
  public int prune() {
    int total = prune("floor_event", "at");
    if (total > 0) {
      LOG.info("Pruned {} floor events older than {} days", total, RETENTION.toDays());
    }
    int bumps = prune("kitchen_bump", "bumped_at");
    if (bumps > 0) {
      LOG.info("Pruned {} kitchen bumps older than {} days", bumps, RETENTION.toDays());
    }
    return total;
  }

  private int prune(String table, String at) {
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "delete from "
                              + table
                              + " where ctid in (select ctid from "
                              + table
                              + " where "
                              + at
                              + " < now() - make_interval(secs => :keep) limit 5000)")
                      .bind("keep", (double) RETENTION.toSeconds())
                      .execute());
      total += deleted;
    } while (deleted == 5000 && !closed);
    return total;
  }

  private void wakeAll() {
    subscribers.values().forEach(set -> set.forEach(Subscriber::wake));
  }

  private void heartbeat() {
    subscribers
        .values()
        .forEach(
            set ->
                set.forEach(
                    s -> {
                      s.idle.set(true);
                      s.wake();
                    }));
  }

  /** Ends every stream (the clients reconnect to another instance) and stops the listener. */
  @Override
  public void close() {
    closed = true;
    subscribers.values().forEach(set -> set.forEach(sub -> sub.sink.close()));
    subscribers.clear();
    listener.close();
    delivery.shutdownNow();
    try {
      delivery.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One open stream: sends in order, one delivery at a time. */
  private final class Subscriber {
    final UUID org;
    final UUID store;
    final AtomicLong sent;
    final Sink sink;
    final Only only;
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicBoolean again = new AtomicBoolean();
    final AtomicBoolean idle = new AtomicBoolean();
    volatile boolean stopped;
    boolean checked;

    Subscriber(UUID org, UUID store, long after, Only only, Sink sink) {
      this.only = only;
      this.org = org;
      this.store = store;
      this.sent = new AtomicLong(after);
      this.sink = sink;
    }

    void wake() {
      again.set(true);
      if (!stopped && scheduled.compareAndSet(false, true)) {
        try {
          delivery.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          scheduled.set(false);
        }
      }
    }

    void stop() {
      stopped = true;
      Set<Subscriber> set = subscribers.get(key(org, store));
      if (set != null) {
        set.remove(this);
      }
    }

    private void drain() {
      try {
        while (again.getAndSet(false) && !stopped) {
          if (!checked) {
            checked = true;
            long last = jdbi.withHandle(h -> last(h, org, store));
            long first = jdbi.withHandle(h -> first(h, org, store)).orElse(last + 1);
            // An id the store never had, or events since pruned: the client reloads the floor.
            if (sent.get() > last || sent.get() < first - 1) {
              if (!sink.reset(last)) {
                stop();
                return;
              }
              sent.set(last);
            }
          }
          boolean any = false;
          List<Event> batch;
          do {
            batch = after(sent.get());
            for (Event e : batch) {
              if (!sink.send(e.id(), e.kind(), e.body())) {
                stop();
                return;
              }
              sent.set(e.id());
              any = true;
            }
          } while (batch.size() == BATCH && !stopped);
          if (idle.getAndSet(false) && !any && !sink.keepAlive()) {
            stop();
            return;
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("Floor events for store {} not delivered now: {}", store, e.toString());
      } finally {
        scheduled.set(false);
        if (again.get() && !stopped) {
          wake();
        }
      }
    }

    private List<Event> after(long id) {
      return jdbi.withHandle(
          h ->
              h.createQuery(
                      "select id, body->>'kind' as kind, body::text as body from floor_event where organisation_id = :org"
                          + " and store_id = :store and id > :after"
                          + only.where
                          + " order by id limit :n")
                  .bind("org", org)
                  .bind("store", store)
                  .bind("after", id)
                  .bind("n", BATCH)
                  .map(
                      (rs, ctx) ->
                          new Event(rs.getLong("id"), rs.getString("kind"), rs.getString("body")))
                  .list());
    }
  }

  private record Event(long id, String kind, String body) {}
}
