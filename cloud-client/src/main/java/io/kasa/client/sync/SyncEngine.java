package io.kasa.client.sync;

import io.kasa.client.http.CloudProblemException;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.store.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer that drains the outbox: the oldest entry first, sent with its key so the service
 * records it once however often it is sent. An answer moves the entry on — acknowledged, or
 * rejected with the reason and kept (a refusal never blocks the entries behind it); no answer (the
 * network, a 5xx, a 408 or 429) leaves it first in line and the engine waits with backoff before
 * trying again.
 */
public final class SyncEngine implements AutoCloseable {

  /**
   * Sends one entry's body with its key, vouching for the employee who recorded it (null: the
   * terminal itself); answers the service's JSON.
   */
  @FunctionalInterface
  public interface Sender {
    String send(String path, String body, UUID idempotencyKey, UUID employee);
  }

  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  /** Set on the thread while it sends an entry: that request carries it. */
  private static final ThreadLocal<Boolean> DELIVERING = ThreadLocal.withInitial(() -> false);

  /**
   * Whether the calling thread is sending an outbox entry now: the request it makes carries that
   * entry, so what it reports as still unsent (ADR 0045) leaves that one out.
   */
  public static boolean delivering() {
    return DELIVERING.get();
  }

  private final Outbox outbox;
  private final Sender sender;
  private final Clock clock;
  private final Connectivity connectivity = new Connectivity();
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final RandomGenerator random;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-sync");
            t.setDaemon(true);
            return t;
          });
  private final Object timer = new Object();
  private ScheduledFuture<?> next; // guarded by timer
  private boolean nextIsBackoff; // guarded by timer
  private volatile Instant lastSync;
  private volatile Instant lastContact;
  private volatile BooleanSupplier probe;
  private volatile Duration probeInterval;
  private int failuresInARow;

  public SyncEngine(
      Outbox outbox,
      Sender sender,
      Clock clock,
      Duration firstBackoff,
      Duration maxBackoff,
      RandomGenerator random) {
    this.outbox = outbox;
    this.sender = sender;
    this.clock = clock;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.random = random;
  }

  /**
   * Also watches the service while the outbox is empty: {@code probe} (e.g. {@code /health}) every
   * {@code interval} while it answers, with backoff once it does not, so the status bar shows
   * offline before the next sale finds out. Starts at once.
   */
  public SyncEngine probing(BooleanSupplier probe, Duration interval) {
    this.probe = probe;
    this.probeInterval = interval;
    wake();
    return this;
  }

  /** Something was appended: drain soon (at once, unless a backoff is running). */
  public void wake() {
    synchronized (timer) {
      if (next != null) {
        if (nextIsBackoff || thread.isShutdown()) {
          return;
        }
        next.cancel(false);
      }
      next = thread.schedule(this::drainAndReschedule, 0, TimeUnit.MILLISECONDS);
      nextIsBackoff = false;
    }
  }

  /**
   * Sends entries until the outbox is empty or the service cannot be reached, on the caller's
   * thread. Returns how many entries got an answer. Synchronized: the engine's thread and a caller
   * never drain at the same time, so entries go one at a time, in order.
   */
  public synchronized int drain() {
    int answered = 0;
    while (true) {
      Optional<Outbox.Entry> next = outbox.next();
      if (next.isEmpty()) {
        return answered;
      }
      Outbox.Entry e = next.get();
      outbox.sending(e.seq());
      try {
        String response;
        DELIVERING.set(true);
        try {
          response = sender.send(e.path(), e.body(), e.id(), e.employeeId());
        } finally {
          DELIVERING.set(false);
        }
        outbox.acknowledged(e.seq(), response);
        lastSync = clock.instant();
        succeeded();
        answered++;
      } catch (CloudProblemException p) {
        if (retryLater(p.status())) {
          failed(e, p.status() + " " + p.problem().title());
          return answered;
        }
        String reason = p.status() + " " + p.kind() + ": " + p.problem().detail();
        outbox.rejected(e.seq(), reason);
        LOG.atWarn()
            .addKeyValue("kind", e.kind())
            .addKeyValue("id", e.id())
            .addKeyValue("status", p.status())
            .log("outbox entry rejected by the service");
        succeeded();
        answered++;
      } catch (CloudUnreachableException u) {
        failed(e, u.getMessage());
        return answered;
      }
    }
  }

  /** The service answered, but not yet: a timeout, throttling, or a server-side failure. */
  static boolean retryLater(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  public SyncStatus status() {
    Outbox.Stats s = outbox.stats();
    return new SyncStatus(
        connectivity.state(),
        s.unsent(),
        s.oldestUnsent() == null ? null : Duration.between(s.oldestUnsent(), clock.instant()),
        s.rejected(),
        lastSync,
        lastContact);
  }

  private synchronized void succeeded() {
    connectivity.success();
    lastContact = clock.instant();
    failuresInARow = 0;
  }

  /** When the service last answered anything (an entry or a probe), or null. */
  public Instant lastContact() {
    return lastContact;
  }

  private synchronized void failed(Outbox.Entry e, String error) {
    outbox.failed(e.seq(), error);
    connectivity.failure();
    failuresInARow++;
  }

  /** The wait before the next try after {@code failures} failures in a row: full jitter. */
  Duration backoff(int failures) {
    long cap =
        Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(failures - 1, 20));
    return Duration.ofMillis(random.nextLong(cap + 1));
  }

  private void drainAndReschedule() {
    synchronized (timer) {
      next = null;
    }
    try {
      if (drain() == 0 && outbox.stats().unsent() == 0) {
        probeOnce();
      }
    } catch (RuntimeException e) {
      LOG.error("Outbox drain failed; will try again", e);
      synchronized (this) {
        failuresInARow++;
      }
    }
    int failures;
    synchronized (this) {
      failures = failuresInARow;
    }
    Duration wait = failures > 0 ? backoff(failures) : probe == null ? null : probeInterval;
    synchronized (timer) {
      if (wait != null && next == null && !thread.isShutdown()) {
        next = thread.schedule(this::drainAndReschedule, wait.toMillis(), TimeUnit.MILLISECONDS);
        nextIsBackoff = failures > 0;
      }
    }
  }

  /** Nothing to send: asks the probe whether the service is there. */
  private void probeOnce() {
    BooleanSupplier p = probe;
    if (p == null) {
      return;
    }
    if (p.getAsBoolean()) {
      succeeded();
    } else {
      synchronized (this) {
        connectivity.failure();
        failuresInARow++;
      }
    }
  }

  /** Stops the engine, waiting for a send in progress to finish (its entry stays in order). */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The outbox engine did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
