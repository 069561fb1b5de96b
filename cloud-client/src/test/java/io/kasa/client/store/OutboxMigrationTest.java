package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal's database from before the journal kept its look-up keys and tally (schema 6) is
 * brought up to date on opening: its entries are found by receipt number and sale, and its
 * bookkeeping counts what was there.
 */
class OutboxMigrationTest {

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void anOldJournalIsBackFilledAndFoundByReceiptNumber() throws Exception {
    UUID sale = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    UUID refund = UUID.randomUUID();
    UUID settle = UUID.randomUUID();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"))) {
      OldSchema.upTo(c, 6);
      insert(
          c,
          sale,
          "SALE",
          sale(sale, "K1-T1-000001"),
          "ACKNOWLEDGED",
          "2026-12-01T09:00:00Z",
          "2026-12-01T09:00:01.500Z");
      insert(
          c,
          refund,
          "REFUND",
          "{\"id\":\""
              + refund
              + "\",\"saleId\":\""
              + sale
              + "\",\"receiptNumber\":\"K1-T1-000002\"}",
          "ACKNOWLEDGED",
          "2026-12-01T10:00:00Z",
          "2026-12-01T10:00:01Z");
      insert(
          c,
          settle,
          "CHECK_SETTLE",
          "{\"saleId\":\"" + sale + "\"}",
          "REJECTED",
          "2026-12-01T10:30:00Z",
          "2026-12-01T10:30:01Z");
      insert(
          c,
          other,
          "SALE",
          sale(other, "K1-T1-000003"),
          "PENDING",
          "2026-12-01T11:00:00Z",
          "2026-12-01T11:00:00Z");
      insert(
          c,
          UUID.randomUUID(),
          "SHIFT_CLOSE",
          "{}",
          "SENDING",
          "2026-12-01T11:30:00Z",
          "2026-12-01T11:30:00Z");
    }

    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(LocalStore.MIGRATIONS.size());
      Outbox outbox = new Outbox(store, clock);
      assertThat(outbox.withReceiptNumber("SALE", "K1-T1-000001"))
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(sale));
      assertThat(outbox.withReceiptNumber("SALE", "K1-T1-000003"))
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(other));
      assertThat(outbox.withReceiptNumber("REFUND", "K1-T1-000002"))
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(refund));
      assertThat(outbox.aboutSale("REFUND", sale))
          .extracting(Outbox.Entry::id)
          .containsExactly(refund);
      assertThat(outbox.aboutSale("CHECK_SETTLE", sale))
          .extracting(Outbox.Entry::id)
          .containsExactly(settle);

      assertThat(outbox.stats())
          .isEqualTo(new Outbox.Stats(2, Instant.parse("2026-12-01T11:00:00Z"), 1));
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:01Z"));
      assertThat(outbox.count("SALE")).isEqualTo(2);
      assertThat(outbox.countAcknowledged("SALE")).isEqualTo(1);

      // And the tally goes on from there.
      long next = outbox.next().orElseThrow().seq();
      outbox.sending(next);
      outbox.acknowledged(next, "{}");
      assertThat(outbox.stats())
          .isEqualTo(new Outbox.Stats(1, Instant.parse("2026-12-01T11:30:00Z"), 1));
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(clock.instant());
      assertThat(outbox.countAcknowledged("SALE")).isEqualTo(2);
    }
  }

  /**
   * A journal from before receipt tokens (ADR 0041) has its sales' tokens back-filled from their
   * bodies; a new sale's is taken from its body on append; sales without one have none. (The test
   * names no schema version: the migration's place in the list decides it.)
   */
  @Test
  void saleTokensAreBackFilledAndTakenOnAppend() throws Exception {
    UUID tokened = UUID.randomUUID();
    UUID old = UUID.randomUUID();
    UUID refund = UUID.randomUUID();
    assertThat(LocalStore.MIGRATIONS).contains("V10__receipt_token.sql");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"))) {
      OldSchema.upTo(c, LocalStore.MIGRATIONS.indexOf("V8__outbox_bookkeeping.sql") + 1);
      insert(
          c,
          tokened,
          "SALE",
          "{\"id\":\"" + tokened + "\",\"receiptToken\":\"q3S0mGv1xYwA8bHcJd2KzA\"}",
          "ACKNOWLEDGED",
          "2026-12-01T09:00:00Z",
          "2026-12-01T09:00:01Z");
      insert(
          c,
          old,
          "SALE",
          sale(old, "K1-T1-000009"),
          "PENDING",
          "2026-12-01T09:10:00Z",
          "2026-12-01T09:10:00Z");
      insert(
          c,
          refund,
          "REFUND",
          "{\"saleId\":\"" + tokened + "\",\"receiptToken\":\"q3S0mGv1xYwA8bHcJd2KzA\"}",
          "PENDING",
          "2026-12-01T09:20:00Z",
          "2026-12-01T09:20:00Z");
    }
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(LocalStore.MIGRATIONS.size());
      Outbox outbox = new Outbox(store, clock);
      assertThat(outbox.withReceiptToken("SALE", "q3S0mGv1xYwA8bHcJd2KzA"))
          .extracting(Outbox.Entry::id)
          .containsExactly(tokened);
      assertThat(outbox.withReceiptToken("REFUND", "q3S0mGv1xYwA8bHcJd2KzA")).isEmpty();
      UUID fresh = UUID.randomUUID();
      outbox.append(
          fresh,
          "SALE",
          "/v1/sales",
          "{\"id\":\"" + fresh + "\",\"receiptToken\":\"Zm9vYmFyYmF6cXV4cXV1eA\"}",
          null);
      assertThat(outbox.withReceiptToken("SALE", "Zm9vYmFyYmF6cXV4cXV1eA"))
          .extracting(Outbox.Entry::id)
          .containsExactly(fresh);
    }
  }

  private static String sale(UUID id, String receipt) {
    return "{\"id\":\"" + id + "\",\"receiptNumber\":\"" + receipt + "\",\"lines\":[]}";
  }

  /** The schema as the terminal had it before V8: migrations 1 to 6, recorded as applied. */
  private static void insert(
      Connection c, UUID id, String kind, String body, String state, String created, String updated)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into outbox (id, kind, path, body, state, created_at, updated_at)"
                + " values (?, ?, '/v1/x', ?, ?, ?, ?)")) {
      s.setString(1, id.toString());
      s.setString(2, kind);
      s.setString(3, body);
      s.setString(4, state);
      s.setString(5, created);
      s.setString(6, updated);
      s.executeUpdate();
    }
  }
}
