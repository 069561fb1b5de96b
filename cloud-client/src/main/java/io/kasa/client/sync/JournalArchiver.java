package io.kasa.client.sync;

import io.kasa.client.store.JournalArchive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the journal's old history into its archive on its own, while the till is idle (ADR 0037):
 * every so often a pass walks the outbox from its start and moves acknowledged entries older than
 * the store's retention, {@link #BATCH} at a time. Each batch holds the store's lock for its own
 * transaction only; between batches the archiver waits, and it starts a batch only when no entry
 * was appended for a while, so a sale never waits behind more than one batch.
 */
public final class JournalArchiver implements AutoCloseable {

  /** Entries looked at per batch (one transaction). */
  public static final int BATCH = 300;

  /** The store's retention when its configuration does not say (a service older than V34). */
  public static final int DEFAULT_RETENTION_DAYS = 90;

  /**
   * The least retention the till applies, whatever it is told: the week's entries stay where the
   * register works with them.
   */
  public static final int MIN_RETENTION_DAYS = 7;

  private static final Logger LOG = LoggerFactory.getLogger(JournalArchiver.class);

  /**
   * When it works.
   *
   * @param firstPass after start, before the first pass
   * @param every between the end of a pass and the next
   * @param quiet how long no entry must have been appended before a batch starts
   * @param pause between the batches of a pass
   */
  public record Timing(Duration firstPass, Duration every, Duration quiet, Duration pause) {
    /** The register's: a pass a minute after start, then every 15 minutes. */
    public static Timing register() {
      return new Timing(
          Duration.ofMinutes(1),
          Duration.ofMinutes(15),
          Duration.ofSeconds(5),
          Duration.ofMillis(200));
    }
  }

  private final JournalArchive archive;
  private final Supplier<Integer> retentionDays;
  private final Supplier<Duration> sinceLastAppend;
  private final Clock clock;
  private final Timing timing;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-archive");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
          });
  // Touched only on the archiver's thread.
  private long cursor;
  private int movedInPass;

  /**
   * @param retentionDays the store's retention in days, null while the till has no configuration
   *     (nothing moves then)
   * @param sinceLastAppend how long ago an entry was last appended
   */
  public JournalArchiver(
      JournalArchive archive,
      Supplier<Integer> retentionDays,
      Supplier<Duration> sinceLastAppend,
      Clock clock,
      Timing timing) {
    this.archive = archive;
    this.retentionDays = retentionDays;
    this.sinceLastAppend = sinceLastAppend;
    this.clock = clock;
    this.timing = timing;
  }

  /** Starts archiving on its own thread. */
  public JournalArchiver start() {
    schedule(timing.firstPass());
    return this;
  }

  /**
   * The cut-off now: entries appended and acknowledged before it may move; null while there is no
   * configuration.
   */
  public Instant cutoff() {
    Integer days = retentionDays.get();
    if (days == null) {
      return null;
    }
    return clock.instant().minus(Duration.ofDays(Math.max(days, MIN_RETENTION_DAYS)));
  }

  /**
   * A whole pass on the caller's thread, batch after batch without waiting; answers how many
   * entries moved.
   */
  public int passNow() {
    Instant cutoff = cutoff();
    if (cutoff == null) {
      return 0;
    }
    int moved = 0;
    long after = 0;
    while (true) {
      JournalArchive.Batch b = archive.move(cutoff, after, BATCH);
      moved += b.moved();
      after = b.lastSeq();
      if (!b.more()) {
        return moved;
      }
    }
  }

  private void step() {
    Duration next;
    try {
      next = batch();
    } catch (RuntimeException e) {
      LOG.warn("Archiving the journal failed; trying again later", e);
      cursor = 0;
      movedInPass = 0;
      next = timing.every();
    }
    schedule(next);
  }

  /** One batch when the till is quiet; answers when to come back. */
  private Duration batch() {
    Instant cutoff = cutoff();
    if (cutoff == null) {
      return timing.every();
    }
    Duration since = sinceLastAppend.get();
    if (since.compareTo(timing.quiet()) < 0) {
      return timing.quiet().minus(since);
    }
    JournalArchive.Batch b = archive.move(cutoff, cursor, BATCH);
    movedInPass += b.moved();
    if (b.more()) {
      cursor = b.lastSeq();
      return timing.pause();
    }
    if (movedInPass > 0) {
      LOG.atInfo()
          .addKeyValue("moved", movedInPass)
          .addKeyValue("before", cutoff)
          .log("journal entries archived");
    }
    cursor = 0;
    movedInPass = 0;
    return timing.every();
  }

  private void schedule(Duration after) {
    try {
      thread.schedule(this::step, after.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // Closed: no more passes.
    }
  }

  /** Stops, waiting for a batch in progress to commit or roll back. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The journal archiver did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
