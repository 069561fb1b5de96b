package io.kasa.client.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.floor.FloorDto;
import io.kasa.api.floor.FloorEvent;
import io.kasa.client.http.CloudClient;
import io.kasa.client.store.LocalSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's floor, kept live: a snapshot from the service, then its event stream applied in
 * order. After a dropped connection it reconnects with the last event id it applied, so nothing is
 * lost; an event out of order, or the service's RESET, makes it fetch a new snapshot. Each snapshot
 * and change is cached on the terminal, so with the service unreachable the last known floor is
 * shown, marked offline (read-only).
 */
public final class LiveFloor implements AutoCloseable {

  /** What the host stand shows: the floor, and whether it is live. */
  public record View(FloorState state, boolean live) {}

  static final String CACHE = "floor-cache";
  private static final Logger LOG = LoggerFactory.getLogger(LiveFloor.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final CloudClient client;
  private final LocalSettings cache;
  private final ObjectMapper json = CloudClient.mapper();
  private final CopyOnWriteArrayList<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile View view;
  private volatile Response open;
  private volatile boolean closed;
  private volatile boolean needsSnapshot;
  private final java.util.concurrent.atomic.AtomicInteger snapshots =
      new java.util.concurrent.atomic.AtomicInteger();

  public LiveFloor(CloudClient client, LocalSettings cache) {
    this.client = client;
    this.cache = cache;
    this.view = cached().map(f -> new View(new FloorState(f), false)).orElse(null);
    this.reader = new Thread(this::run, "kasa-live-floor");
    reader.setDaemon(true);
  }

  /** Starts following the floor; listeners hear every change, on this class's own thread. */
  public LiveFloor start() {
    reader.start();
    return this;
  }

  /**
   * The floor as last known, or empty before the first snapshot on a terminal that never had one.
   */
  public Optional<View> view() {
    return Optional.ofNullable(view);
  }

  /** How many snapshots it fetched: one at the start, then only after a gap or a RESET. */
  public int snapshots() {
    return snapshots.get();
  }

  public void listen(Consumer<View> listener) {
    listeners.add(listener);
  }

  private void run() {
    long backoff = 500;
    while (!closed) {
      try {
        if (view == null || needsSnapshot) {
          FloorDto snapshot = client.floor();
          needsSnapshot = false;
          snapshots.incrementAndGet();
          publish(new FloorState(snapshot), true);
        }
        follow(view.state().floor().eventId());
        backoff = 500;
      } catch (Exception e) {
        // Unreachable, refused, cut off — or interrupted by close(), which OkHttp reports with an
        // InterruptedException it does not declare: retry unless closed.
        if (closed) {
          return;
        }
        offline(e);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  /** Reads the event stream after {@code last} until it ends, applying each event. */
  private void follow(long last) throws IOException {
    try (Response response = client.floorEvents(last)) {
      open = response;
      if (!view.live()) {
        publish(view.state(), true);
      }
      BufferedSource source = response.body().source();
      StringBuilder data = new StringBuilder();
      String name = null;
      String line;
      while (!closed && (line = source.readUtf8Line()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            if (!event(name, data.toString())) {
              return;
            }
          }
          data.setLength(0);
          name = null;
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } finally {
      open = null;
    }
  }

  /** Applies one event; answers false when a new snapshot is needed. */
  private boolean event(String name, String data) throws IOException {
    if ("RESET".equals(name)) {
      markStale();
      return false;
    }
    FloorEvent event;
    try {
      event = json.readValue(data, FloorEvent.class);
    } catch (JsonProcessingException e) {
      throw new IOException("An unreadable floor event: " + e.getOriginalMessage(), e);
    }
    FloorState state = view.state();
    if (event.id() <= state.floor().eventId()) {
      return true;
    }
    if (!state.follows(event)) {
      LOG.warn(
          "Floor event {} does not follow {}: fetching the floor again",
          event.id(),
          state.floor().eventId());
      markStale();
      return false;
    }
    publish(state.apply(event), true);
    return true;
  }

  private void markStale() {
    needsSnapshot = true;
  }

  private synchronized void publish(FloorState state, boolean live) {
    View now = view;
    if (now != null && now.state().floor().eventId() > state.floor().eventId()) {
      return;
    }
    view = new View(state, live);
    try {
      cache.put(CACHE, json.writeValueAsString(state.floor()));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("The floor could not be cached on this terminal: {}", e.toString());
    }
    View published = view;
    listeners.forEach(l -> l.accept(published));
  }

  private void offline(Exception e) {
    LOG.info("Floor not live: {}", e.getMessage());
    View now = view;
    if (now != null && now.live()) {
      view = new View(now.state(), false);
      listeners.forEach(l -> l.accept(view));
    }
  }

  private Optional<FloorDto> cached() {
    return cache
        .get(CACHE)
        .flatMap(
            text -> {
              try {
                return Optional.of(json.readValue(text, FloorDto.class));
              } catch (JsonProcessingException e) {
                return Optional.empty();
              }
            });
  }

  @Override
  public void close() {
    closed = true;
    Response r = open;
    if (r != null) {
      r.close();
    }
    reader.interrupt();
  }
}
