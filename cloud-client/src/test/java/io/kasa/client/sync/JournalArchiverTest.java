package io.kasa.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.client.store.JournalArchive;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archiver moves what the store's retention says, never less than a week's history, nothing
 * before the terminal has its configuration, and does it on its own once started.
 */
class JournalArchiverTest {

  @TempDir Path dir;

  /** A clock the test moves on by hand. */
  static final class Hand extends Clock {
    volatile Instant now = Instant.parse("2026-09-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Hand clock = new Hand();

  /** One acknowledged sale a day for {@code days} days, ending now. */
  private static List<UUID> aSaleADay(Outbox outbox, Hand clock, int days) {
    List<UUID> ids = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      UUID id = UUID.randomUUID();
      outbox.append(id, "SALE", "/v1/sales", "{\"receiptNumber\":\"K1-T1-" + d + "\"}", null);
      long seq = outbox.find(id).orElseThrow().seq();
      outbox.sending(seq);
      outbox.acknowledged(seq, "{}");
      ids.add(id);
      clock.now = clock.now.plus(Duration.ofDays(1));
    }
    return ids;
  }

  private static long inOutbox(LocalStore store) {
    return store.inTransaction(
        c -> {
          try (var s = c.createStatement();
              var r = s.executeQuery("select count(*) from outbox")) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  private static JournalArchiver.Timing quick() {
    return new JournalArchiver.Timing(
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(1));
  }

  @Test
  void theStoresRetentionSaysWhatMovesAndAWeekAlwaysStays() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      aSaleADay(outbox, clock, 400);
      AtomicReference<Integer> days = new AtomicReference<>(null);
      JournalArchiver archiver =
          new JournalArchiver(
              new JournalArchive(store, clock), days::get, outbox::sinceLastAppend, clock, quick());

      assertThat(archiver.passNow()).as("no configuration yet: nothing moves").isZero();
      days.set(90);
      assertThat(archiver.passNow()).isEqualTo(400 - 90);
      assertThat(inOutbox(store)).isEqualTo(90);
      days.set(1);
      assertThat(archiver.passNow()).as("told a day, the till keeps a week").isEqualTo(90 - 7);
      assertThat(inOutbox(store)).isEqualTo(7);
      assertThat(outbox.countAcknowledged("SALE")).isEqualTo(400);
    }
  }

  @Test
  void startedItArchivesOnItsOwnWhileTheTillIsQuiet() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      List<UUID> ids = aSaleADay(outbox, clock, 400);
      try (JournalArchiver archiver =
          new JournalArchiver(
                  new JournalArchive(store, clock),
                  () -> 30,
                  outbox::sinceLastAppend,
                  clock,
                  quick())
              .start()) {
        assertThat(archiver.cutoff()).isEqualTo(clock.now.minus(Duration.ofDays(30)));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> inOutbox(store) == 30);
        assertThat(outbox.find(ids.get(0)).orElseThrow().body()).contains("K1-T1-0\"");
        assertThat(outbox.withReceiptNumber("SALE", "K1-T1-200"))
            .extracting(Outbox.Entry::id)
            .containsExactly(ids.get(200));
      }
    }
  }

  @Test
  void aTillThatIsNeverQuietIsLeftAlone() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      aSaleADay(outbox, clock, 100);
      List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (JournalArchiver archiver =
          new JournalArchiver(
                  new JournalArchive(store, clock),
                  () -> {
                    asked.add(1);
                    return 30;
                  },
                  () -> Duration.ZERO,
                  clock,
                  new JournalArchiver.Timing(
                      Duration.ZERO, Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ZERO))
              .start()) {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> asked.size() >= 3);
        assertThat(inOutbox(store)).isEqualTo(100);
        assertThat(archiver.passNow()).as("what waited moves when asked").isEqualTo(100 - 30);
      }
    }
  }
}
