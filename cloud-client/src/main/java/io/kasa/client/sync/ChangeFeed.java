package io.kasa.client.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a till current with its store (ADR 0028): follows the store's change stream from the last
 * version the till applied; the service sends the version at once when the till is behind (at
 * start, after a reconnection) and again after every change. Each version heard is applied by the
 * {@link Applier}, which fetches what changed and keeps the version with it in one local
 * transaction, so a till killed between hearing and applying hears the version again. A dropped
 * stream is reopened with backoff; nothing is ever missed, because the service compares versions,
 * not events.
 */
public final class ChangeFeed implements AutoCloseable {

  /** Fetches everything newer than the till has and keeps {@code version} with it. */
  @FunctionalInterface
  public interface Applier {
    void apply(long version);
  }

  /** Where the till is: the last version applied, and when it was last known current. */
  public interface Position {
    OptionalLong version();

    /** Keeps the moment the till was last known current (the stream was alive), e.g. at a drop. */
    void heard(Instant at);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final LongFunction<Response> open;
  private final Applier applier;
  private final Position position;
  private final Clock clock;
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile Instant current;
  private volatile boolean live;
  private volatile Response stream;
  private volatile boolean closed;

  /**
   * @param open opens the stream after a version ({@code -1}: none applied yet)
   * @param current when the till was last known current, as kept, or null
   */
  public ChangeFeed(
      LongFunction<Response> open,
      Applier applier,
      Position position,
      Clock clock,
      Supplier<Instant> current) {
    this.open = open;
    this.applier = applier;
    this.position = position;
    this.clock = clock;
    this.current = current.get();
    this.reader = new Thread(this::run, "kasa-change-feed");
    reader.setDaemon(true);
  }

  /** Starts following; listeners hear each applied version, on this class's own thread. */
  public ChangeFeed start() {
    reader.start();
    return this;
  }

  /** Told after every version applied (a price, a colleague, a rule may have changed). */
  public void listen(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * When the till was last known to hold everything the service has: now while the stream is open,
   * else when it dropped or the last change was applied. Null when never.
   */
  public Instant currentAt() {
    return live ? clock.instant() : current;
  }

  /** Whether the stream is open now. */
  public boolean live() {
    return live;
  }

  private void run() {
    long backoff = FIRST_BACKOFF.toMillis();
    while (!closed) {
      try {
        follow();
        backoff = FIRST_BACKOFF.toMillis();
      } catch (RuntimeException | IOException e) {
        // Unreachable, refused, cut off, or closed (OkHttp reports an interrupt as it likes).
        if (closed) {
          return;
        }
        LOG.info("Changes not followed now: {}", e.getMessage());
      }
      dropped();
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
    }
  }

  private void follow() throws IOException {
    try (Response response = open.apply(position.version().orElse(-1))) {
      stream = response;
      live = true;
      BufferedSource source = response.body().source();
      String id = null;
      String name = null;
      String line;
      while (!closed && (line = source.readUtf8Line()) != null) {
        if (line.isEmpty()) {
          if ("CHANGED".equals(name) && id != null) {
            changed(Long.parseLong(id));
          }
          id = null;
          name = null;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        }
      }
    } finally {
      stream = null;
    }
  }

  private void changed(long version) {
    if (position.version().orElse(-1) == version) {
      return;
    }
    applier.apply(version);
    current = clock.instant();
    listeners.forEach(
        l -> {
          try {
            l.run();
          } catch (RuntimeException e) {
            LOG.warn("A listener of the change feed failed", e);
          }
        });
  }

  private void dropped() {
    if (live) {
      live = false;
      current = clock.instant();
      try {
        position.heard(current);
      } catch (RuntimeException e) {
        LOG.warn("Could not keep when the till was last current: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Response r = stream;
    if (r != null) {
      r.close();
    }
    reader.interrupt();
    try {
      reader.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
