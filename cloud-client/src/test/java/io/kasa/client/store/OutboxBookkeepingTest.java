package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's bookkeeping, kept in the tally and small indexes, says what the entries say. */
class OutboxBookkeepingTest {

  @TempDir Path dir;

  /** A clock the test moves on by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

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

  private static String sale(UUID id, String receipt) {
    return "{\"id\":\"" + id + "\",\"receiptNumber\":\"" + receipt + "\",\"lines\":[]}";
  }

  private static String refund(UUID id, UUID sale, String receipt) {
    return "{\"id\":\""
        + id
        + "\",\"saleId\":\""
        + sale
        + "\",\"receiptNumber\":\""
        + receipt
        + "\"}";
  }

  @Test
  void statsFollowSendsAcknowledgementsAndRejections() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(0, null, 0));
      assertThat(outbox.lastAcknowledgedAt()).isNull();

      Instant first = clock.instant();
      UUID a = UUID.randomUUID();
      outbox.append(a, "SALE", "/v1/sales", sale(a, "K1-T1-000001"), null);
      clock.advance(Duration.ofSeconds(10));
      UUID b = UUID.randomUUID();
      outbox.append(b, "SALE", "/v1/sales", sale(b, "K1-T1-000002"), null);
      clock.advance(Duration.ofSeconds(10));
      UUID c = UUID.randomUUID();
      outbox.append(c, "SHIFT_CLOSE", "/v1/shifts/x/close", "{}", null);
      assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(3, first, 0));

      long seqA = outbox.find(a).orElseThrow().seq();
      outbox.sending(seqA);
      outbox.failed(seqA, "network");
      assertThat(outbox.stats())
          .as("sending is still unsent")
          .isEqualTo(new Outbox.Stats(3, first, 0));

      clock.advance(Duration.ofMillis(500));
      Instant ackA = clock.instant();
      outbox.acknowledged(seqA, "{}");
      assertThat(outbox.stats())
          .as("the oldest unsent is now the second sale")
          .isEqualTo(new Outbox.Stats(2, first.plusSeconds(10), 0));
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(ackA);

      long seqB = outbox.find(b).orElseThrow().seq();
      outbox.sending(seqB);
      outbox.rejected(seqB, "422 validation");
      assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(1, first.plusSeconds(20), 1));
      assertThat(outbox.lastAcknowledgedAt())
          .as("a rejection is no acknowledgement")
          .isEqualTo(ackA);

      clock.advance(Duration.ofSeconds(1));
      long seqC = outbox.find(c).orElseThrow().seq();
      outbox.sending(seqC);
      outbox.acknowledged(seqC, "{}");
      assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(0, null, 1));
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(clock.instant());

      assertThat(outbox.count("SALE")).isEqualTo(2);
      assertThat(outbox.countAcknowledged("SALE")).isEqualTo(1);
      assertThat(outbox.count("SHIFT_CLOSE")).isEqualTo(1);
      assertThat(outbox.countAcknowledged("SHIFT_CLOSE")).isEqualTo(1);
      assertThat(outbox.count("REFUND")).isZero();
    }
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      assertThat(outbox.stats())
          .as("kept across a restart")
          .isEqualTo(new Outbox.Stats(0, null, 1));
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(clock.instant());
    }
  }

  @Test
  void theLastAcknowledgementIsTheLatestInTimeNotInSpelling() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      UUID a = UUID.randomUUID();
      UUID b = UUID.randomUUID();
      outbox.append(a, "SALE", "/v1/sales", "{}", null);
      outbox.append(b, "AUDIT", "/v1/audit-events", "{}", null);
      // 10:00:00.250Z is later than 10:00:00Z but sorts before it as text.
      outbox.acknowledged(outbox.find(a).orElseThrow().seq(), "{}");
      clock.advance(Duration.ofMillis(250));
      outbox.acknowledged(outbox.find(b).orElseThrow().seq(), "{}");
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.250Z"));
    }
  }

  @Test
  void aFailedAppendLeavesTheTallyAsItWas() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      UUID a = UUID.randomUUID();
      outbox.append(a, "SALE", "/v1/sales", "{}", null);
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      c -> {
                        outbox.append(c, UUID.randomUUID(), "SALE", "/v1/sales", "{}", null);
                        throw new java.sql.SQLException("the sale could not be journalled");
                      }))
          .isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> outbox.append(a, "SALE", "/v1/sales", "{}", null))
          .isInstanceOf(StoreException.class);
      assertThat(outbox.stats().unsent()).isEqualTo(1);
      assertThat(outbox.count("SALE")).isEqualTo(1);
    }
  }

  @Test
  void anEntryNeverChangesWhatItRecords() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      UUID a = UUID.randomUUID();
      outbox.append(a, "SALE", "/v1/sales", sale(a, "K1-T1-000001"), null);
      for (String sql :
          new String[] {
            "update outbox set kind = 'REFUND'", "update outbox set body = '{}'",
          }) {
        assertThatThrownBy(
                () ->
                    store.inTransaction(
                        c -> {
                          try (Statement s = c.createStatement()) {
                            return s.executeUpdate(sql);
                          }
                        }))
            .as(sql)
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("never change");
      }
      assertThat(outbox.count("SALE")).isEqualTo(1);
    }
  }

  @Test
  void salesAndRefundsAreFoundByReceiptNumberAndSale() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      UUID s1 = UUID.randomUUID();
      UUID s2 = UUID.randomUUID();
      UUID r1 = UUID.randomUUID();
      UUID r2 = UUID.randomUUID();
      outbox.append(s1, "SALE", "/v1/sales", sale(s1, "K1-T1-000001"), null);
      outbox.append(s2, "SALE", "/v1/sales", sale(s2, "K1-T1-000002"), null);
      outbox.append(r1, "REFUND", "/v1/refunds", refund(r1, s1, "K1-T1-000003"), null);
      outbox.append(r2, "REFUND", "/v1/refunds", refund(r2, s1, "K1-T1-000004"), null);
      outbox.append(UUID.randomUUID(), "AUDIT", "/v1/audit-events", "not JSON at all", null);

      assertThat(outbox.withReceiptNumber("SALE", "K1-T1-000002"))
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(s2));
      assertThat(outbox.withReceiptNumber("SALE", "K1-T1-000003"))
          .as("a refund's number is not a sale's")
          .isEmpty();
      assertThat(outbox.withReceiptNumber("REFUND", "K1-T1-000003"))
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(r1));
      assertThat(outbox.aboutSale("REFUND", s1))
          .extracting(Outbox.Entry::id)
          .containsExactly(r1, r2);
      assertThat(outbox.aboutSale("REFUND", s2)).isEmpty();
      assertThat(outbox.aboutSale("SALE", s1)).extracting(Outbox.Entry::id).containsExactly(s1);
    }
  }
}
