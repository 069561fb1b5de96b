package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's archive (V9, ADR 0037): acknowledged entries older than the cut-off move out of the
 * outbox a batch at a time, everything else stays; the terminal still finds what moved; the
 * database refuses a delete of an entry not archived and any change to the archive; a batch cut
 * short loses and doubles nothing; the tally does not notice.
 */
class JournalArchiveTest {

  @TempDir Path dir;

  private final OutboxBookkeepingTest.Hand clock = new OutboxBookkeepingTest.Hand();

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

  /** Appends a sale and takes it as far as {@code state}; answers its id. */
  private UUID sale(Outbox outbox, String receipt, Outbox.State state) {
    UUID id = UUID.randomUUID();
    outbox.append(id, "SALE", "/v1/sales", sale(id, receipt), null);
    advance(outbox, id, state);
    return id;
  }

  private static void advance(Outbox outbox, UUID id, Outbox.State state) {
    long seq = outbox.find(id).orElseThrow().seq();
    if (state == Outbox.State.PENDING) {
      return;
    }
    outbox.sending(seq);
    if (state == Outbox.State.ACKNOWLEDGED) {
      outbox.acknowledged(seq, "{\"id\":\"" + id + "\"}");
    } else if (state == Outbox.State.REJECTED) {
      outbox.rejected(seq, "422 validation");
    }
  }

  /** Moves everything old enough, batch after batch, as the archiver's pass does. */
  private static List<JournalArchive.Batch> pass(
      JournalArchive archive, Instant cutoff, int limit) {
    List<JournalArchive.Batch> batches = new ArrayList<>();
    long after = 0;
    while (true) {
      JournalArchive.Batch b = archive.move(cutoff, after, limit);
      batches.add(b);
      after = b.lastSeq();
      if (!b.more()) {
        return batches;
      }
    }
  }

  private static List<String> ids(LocalStore store, String table) {
    return store.inTransaction(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("select id from " + table + " order by seq")) {
            while (r.next()) {
              out.add(r.getString(1));
            }
          }
          return out;
        });
  }

  private static List<String> tally(LocalStore store) {
    return store.inTransaction(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("select * from outbox_tally order by kind")) {
            while (r.next()) {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.append(r.getString(i)).append('|');
              }
              out.add(row.toString());
            }
          }
          return out;
        });
  }

  private static void execute(LocalStore store, String sql, Object... args) {
    store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
          }
          return null;
        });
  }

  @Test
  void oldAcknowledgedEntriesMoveAndRecentUnsentAndRejectedOnesStay() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      JournalArchive archive = new JournalArchive(store, clock);
      UUID old = sale(outbox, "K1-T1-000001", Outbox.State.ACKNOWLEDGED);
      UUID rejected = sale(outbox, "K1-T1-000002", Outbox.State.REJECTED);
      UUID unsent = sale(outbox, "K1-T1-000003", Outbox.State.PENDING);
      UUID sending = sale(outbox, "K1-T1-000004", Outbox.State.SENDING);
      UUID lateAcknowledged = sale(outbox, "K1-T1-000005", Outbox.State.PENDING);
      UUID shiftClose = UUID.randomUUID();
      outbox.append(shiftClose, "SHIFT_CLOSE", "/v1/shifts/x/close", "{}", null);
      advance(outbox, shiftClose, Outbox.State.ACKNOWLEDGED);
      // An offline card payment of the old sale: it names an entry that moves.
      execute(
          store,
          "insert into offline_card (tender_id, outbox_id, amount, created_at) values (?, ?, 500, ?)",
          UUID.randomUUID().toString(),
          old.toString(),
          clock.instant().toString());
      clock.advance(Duration.ofDays(95));
      // Acknowledged only now, after a long outage: recent, whatever its age.
      advance(outbox, lateAcknowledged, Outbox.State.ACKNOWLEDGED);
      UUID recent = sale(outbox, "K1-T1-000006", Outbox.State.ACKNOWLEDGED);
      Outbox.Stats stats = outbox.stats();
      Instant lastAcknowledged = outbox.lastAcknowledgedAt();
      List<String> tally = tally(store);

      List<JournalArchive.Batch> batches =
          pass(archive, clock.instant().minus(Duration.ofDays(90)), 300);

      assertThat(batches).extracting(JournalArchive.Batch::moved).containsExactly(2);
      assertThat(ids(store, "outbox_archive"))
          .containsExactly(old.toString(), shiftClose.toString());
      assertThat(ids(store, "outbox"))
          .containsExactly(
              rejected.toString(),
              unsent.toString(),
              sending.toString(),
              lateAcknowledged.toString(),
              recent.toString());
      assertThat(tally(store)).as("archived entries still count as acknowledged").isEqualTo(tally);
      assertThat(outbox.count("SALE")).isEqualTo(6);
      assertThat(outbox.countAcknowledged("SALE")).isEqualTo(3);
      assertThat(outbox.stats()).isEqualTo(stats);
      assertThat(outbox.lastAcknowledgedAt()).isEqualTo(lastAcknowledged);
      assertThat(outbox.next().orElseThrow().id()).isEqualTo(unsent);
      assertThat(outbox.rejectedEntries()).extracting(Outbox.Entry::id).containsExactly(rejected);

      Outbox.Entry moved = outbox.find(old).orElseThrow();
      assertThat(moved.state()).isEqualTo(Outbox.State.ACKNOWLEDGED);
      assertThat(moved.body()).isEqualTo(sale(old, "K1-T1-000001"));
      assertThat(moved.attempts()).isEqualTo(1);
      assertThat(outbox.response(old)).contains("{\"id\":\"" + old + "\"}");
      assertThat(outbox.response(shiftClose)).contains("{\"id\":\"" + shiftClose + "\"}");

      assertThat(pass(archive, clock.instant().minus(Duration.ofDays(90)), 300))
          .as("a second pass finds nothing more to move")
          .extracting(JournalArchive.Batch::moved)
          .containsExactly(0);
    }
  }

  @Test
  void aLongHistoryMovesInBatchesInOrderEachEntryOnce() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      JournalArchive archive = new JournalArchive(store, clock);
      List<String> old = new ArrayList<>();
      for (int i = 1; i <= 700; i++) {
        old.add(sale(outbox, "K1-T1-" + i, Outbox.State.ACKNOWLEDGED).toString());
        clock.advance(Duration.ofMinutes(1));
      }
      clock.advance(Duration.ofDays(91));
      UUID recent = sale(outbox, "K1-T1-701", Outbox.State.ACKNOWLEDGED);

      List<JournalArchive.Batch> batches =
          pass(archive, clock.instant().minus(Duration.ofDays(90)), 300);

      assertThat(batches).extracting(JournalArchive.Batch::moved).containsExactly(300, 300, 100);
      assertThat(batches).extracting(JournalArchive.Batch::more).containsExactly(true, true, false);
      assertThat(ids(store, "outbox_archive")).isEqualTo(old);
      assertThat(ids(store, "outbox")).containsExactly(recent.toString());
      assertThat(outbox.count("SALE")).isEqualTo(701);
      assertThat(outbox.countAcknowledged("SALE")).isEqualTo(701);
    }
  }

  @Test
  void returnsFindAnArchivedSaleAndItsRefundsOldAndNew() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      JournalArchive archive = new JournalArchive(store, clock);
      UUID sold = sale(outbox, "K1-T1-000042", Outbox.State.ACKNOWLEDGED);
      UUID firstRefund = UUID.randomUUID();
      outbox.append(
          firstRefund, "REFUND", "/v1/refunds", refund(firstRefund, sold, "K1-T1-000043"), null);
      advance(outbox, firstRefund, Outbox.State.ACKNOWLEDGED);
      clock.advance(Duration.ofDays(100));
      assertThat(pass(archive, clock.instant().minus(Duration.ofDays(90)), 300))
          .extracting(JournalArchive.Batch::moved)
          .containsExactly(2);
      assertThat(ids(store, "outbox")).isEmpty();

      assertThat(outbox.withReceiptNumber("SALE", "K1-T1-000042"))
          .extracting(Outbox.Entry::id)
          .containsExactly(sold);
      UUID secondRefund = UUID.randomUUID();
      outbox.append(
          secondRefund, "REFUND", "/v1/refunds", refund(secondRefund, sold, "K1-T1-000044"), null);
      assertThat(outbox.aboutSale("REFUND", sold))
          .as("the archived refund and the new one, in order")
          .extracting(Outbox.Entry::id)
          .containsExactly(firstRefund, secondRefund);
      assertThat(outbox.withReceiptNumber("REFUND", "K1-T1-000043"))
          .extracting(Outbox.Entry::id)
          .containsExactly(firstRefund);
      assertThat(outbox.aboutSale("SALE", sold)).extracting(Outbox.Entry::id).containsExactly(sold);
    }
  }

  @Test
  void theDatabaseRefusesToDeleteWhatIsNotArchivedAndToTouchTheArchive() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      JournalArchive archive = new JournalArchive(store, clock);
      UUID archived = sale(outbox, "K1-T1-000001", Outbox.State.ACKNOWLEDGED);
      clock.advance(Duration.ofDays(100));
      UUID kept = sale(outbox, "K1-T1-000002", Outbox.State.ACKNOWLEDGED);
      pass(archive, clock.instant().minus(Duration.ofDays(90)), 300);

      assertThatThrownBy(() -> execute(store, "delete from outbox where id = ?", kept.toString()))
          .hasMessageContaining("never deleted, only archived");
      assertThatThrownBy(() -> execute(store, "delete from outbox"))
          .hasMessageContaining("never deleted, only archived");
      assertThatThrownBy(
              () ->
                  execute(
                      store,
                      "update outbox_archive set body = '{}' where id = ?",
                      archived.toString()))
          .hasMessageContaining("archived outbox entries never change");
      assertThatThrownBy(
              () -> execute(store, "delete from outbox_archive where id = ?", archived.toString()))
          .hasMessageContaining("archived outbox entries are never deleted");
      // Into the archive goes only an acknowledged entry of the outbox, exactly as it is there.
      assertThatThrownBy(
              () ->
                  execute(
                      store,
                      "insert into outbox_archive ("
                          + Outbox.COLUMNS
                          + ", archived_at) select seq, id, kind, path, '{\"forged\":1}', state,"
                          + " attempts, last_error, response, created_at, updated_at, employee_id,"
                          + " receipt_number, sale_id, receipt_token, 'now' from outbox where id = ?",
                      kept.toString()))
          .hasMessageContaining("only acknowledged outbox entries are archived");
      assertThatThrownBy(
              () ->
                  execute(
                      store,
                      "insert into outbox_archive (seq, id, kind, path, body, state, attempts,"
                          + " created_at, updated_at, archived_at) values (999, ?, 'SALE',"
                          + " '/v1/sales', '{}', 'ACKNOWLEDGED', 1, 'x', 'x', 'x')",
                      UUID.randomUUID().toString()))
          .hasMessageContaining("only acknowledged outbox entries are archived");
      // An archived entry's id stays taken: the same work is never journalled twice.
      assertThatThrownBy(
              () -> outbox.append(archived, "SALE", "/v1/sales", sale(archived, "X"), null))
          .hasMessageContaining("UNIQUE");

      assertThat(ids(store, "outbox_archive")).containsExactly(archived.toString());
      assertThat(ids(store, "outbox")).containsExactly(kept.toString());
      assertThat(outbox.find(archived).orElseThrow().body())
          .isEqualTo(sale(archived, "K1-T1-000001"));
    }
  }

  @Test
  void aBatchThatFailsHalfWayLosesAndDoublesNothing() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      JournalArchive archive = new JournalArchive(store, clock);
      List<String> all = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        all.add(sale(outbox, "K1-T1-" + i, Outbox.State.ACKNOWLEDGED).toString());
      }
      clock.advance(Duration.ofDays(100));
      Instant cutoff = clock.instant().minus(Duration.ofDays(90));
      List<String> tally = tally(store);

      assertThatThrownBy(
              () ->
                  archive.move(
                      cutoff,
                      0,
                      300,
                      c -> {
                        throw new SQLException("disk full");
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("disk full");
      assertThat(ids(store, "outbox")).isEqualTo(all);
      assertThat(ids(store, "outbox_archive")).isEmpty();
      assertThat(tally(store)).isEqualTo(tally);

      assertThat(archive.move(cutoff, 0, 300).moved()).isEqualTo(20);
      assertThat(ids(store, "outbox")).isEmpty();
      assertThat(ids(store, "outbox_archive")).isEqualTo(all);
      assertThat(tally(store)).isEqualTo(tally);
    }
  }

  @Test
  void aBatchCutOffByTheConnectionClosingLosesAndDoublesNothing() {
    List<String> all = new ArrayList<>();
    Instant cutoff;
    LocalStore store = LocalStore.open(dir);
    Outbox outbox = new Outbox(store, clock);
    for (int i = 1; i <= 20; i++) {
      all.add(sale(outbox, "K1-T1-" + i, Outbox.State.ACKNOWLEDGED).toString());
    }
    clock.advance(Duration.ofDays(100));
    cutoff = clock.instant().minus(Duration.ofDays(90));
    JournalArchive archive = new JournalArchive(store, clock);
    // The copy is done, the delete not yet: the connection goes, as when the till loses power.
    assertThatThrownBy(() -> archive.move(cutoff, 0, 300, c -> store.close()))
        .isInstanceOf(StoreException.class);

    try (LocalStore reopened = LocalStore.open(dir)) {
      assertThat(ids(reopened, "outbox")).isEqualTo(all);
      assertThat(ids(reopened, "outbox_archive")).isEmpty();
      assertThat(new JournalArchive(reopened, clock).move(cutoff, 0, 300).moved()).isEqualTo(20);
      assertThat(ids(reopened, "outbox_archive")).isEqualTo(all);
      assertThat(new Outbox(reopened, clock).countAcknowledged("SALE")).isEqualTo(20);
    }
  }

  @Test
  void theMigrationKeepsOfflineCardPaymentsAndStillRefusesOneOfNoEntry() throws Exception {
    UUID sold = UUID.randomUUID();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"))) {
      OldSchema.upTo(c, 8);
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into outbox (id, kind, path, body, created_at, updated_at) values ('"
                + sold
                + "', 'SALE', '/v1/sales', '{}', '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z')");
        s.execute(
            "insert into offline_card (tender_id, outbox_id, amount, created_at) values"
                + " ('t1', '"
                + sold
                + "', 700, '2026-11-27T10:00:00Z')");
      }
    }
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(LocalStore.MIGRATIONS.size());
      List<String> cards =
          store.inTransaction(
              c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                    ResultSet r =
                        s.executeQuery("select tender_id, outbox_id, amount from offline_card")) {
                  while (r.next()) {
                    out.add(r.getString(1) + " " + r.getString(2) + " " + r.getLong(3));
                  }
                }
                return out;
              });
      assertThat(cards).containsExactly("t1 " + sold + " 700");
      assertThatThrownBy(
              () ->
                  execute(
                      store,
                      "insert into offline_card (tender_id, outbox_id, amount, created_at)"
                          + " values ('t2', ?, 100, 'x')",
                      UUID.randomUUID().toString()))
          .hasMessageContaining("FOREIGN KEY");
    }
  }
}
