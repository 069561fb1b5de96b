package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query the register makes of the outbox while it sells is answered through an index or the
 * tally, never by reading the journal through (ADR 0037): checked on SQLite's own plan, on a fresh
 * database and after ANALYZE has given the planner the journal's statistics.
 */
class OutboxQueryPlanTest {

  @TempDir Path dir;

  /**
   * A plan line that reads the journal through: the outbox scanned, other than through an index
   * that holds only the entries still owed or refused, or "searched" without an index (SQLite's
   * label for min() or max() over a column no index orders, which still reads every row); or the
   * archive (V9) scanned or so searched at all.
   */
  private static final Pattern SCAN_OF_THE_JOURNAL =
      Pattern.compile(
          "SCAN outbox\\b(?! USING INDEX (outbox_unsent|outbox_rejected)\\b)"
              + "|SEARCH outbox\\b(?! USING )"
              + "|SCAN outbox_archive\\b"
              + "|SEARCH outbox_archive\\b(?! USING )");

  static Stream<Arguments> hotQueries() {
    List<Arguments> out = new ArrayList<>();
    for (boolean analysed : new boolean[] {false, true}) {
      out.add(Arguments.of("next to send", Outbox.NEXT_IN_LINE, analysed));
      out.add(Arguments.of("stats", Outbox.STATS, analysed));
      out.add(Arguments.of("last acknowledged", Outbox.LAST_ACKNOWLEDGED, analysed));
      out.add(Arguments.of("rejected entries", Outbox.REJECTED, analysed));
      out.add(Arguments.of("sale by receipt number", Outbox.BY_RECEIPT, analysed));
      out.add(Arguments.of("refunds of a sale", Outbox.BY_SALE, analysed));
      out.add(Arguments.of("sale by receipt token", Outbox.BY_RECEIPT_TOKEN, analysed));
      out.add(Arguments.of("entry by id", Outbox.BY_ID, analysed));
      out.add(Arguments.of("response of an entry", Outbox.RESPONSE, analysed));
      out.add(Arguments.of("count of a kind", Outbox.COUNT, analysed));
      out.add(Arguments.of("acknowledged of a kind", Outbox.COUNT_ACKNOWLEDGED, analysed));
      out.add(Arguments.of("archive: the next window", JournalArchive.WINDOW, analysed));
      out.add(Arguments.of("archive: copy a batch", JournalArchive.COPY, analysed));
      out.add(Arguments.of("archive: remove a batch", JournalArchive.REMOVE, analysed));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} (analysed: {2})")
  @MethodSource("hotQueries")
  void aHotQueryNeverScansTheJournal(String what, String sql, boolean analysed) {
    try (LocalStore store = LocalStore.open(dir)) {
      fill(store);
      if (analysed) {
        store.inTransaction(
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute("analyze");
              }
              return null;
            });
      }
      List<String> plan = plan(store, sql);
      assertThat(plan).as(what + ": " + sql).isNotEmpty();
      assertThat(plan)
          .as(what + " reads the journal through: " + plan)
          .noneMatch(line -> SCAN_OF_THE_JOURNAL.matcher(line).find());
      if (sql.equals(Outbox.NEXT_IN_LINE) || sql.equals(Outbox.REJECTED)) {
        assertThat(plan)
            .as(what + " sorts: " + plan)
            .noneMatch(line -> line.contains("TEMP B-TREE"));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theCheckCatchesTheQueriesThatReadEverything() {
    try (LocalStore store = LocalStore.open(dir)) {
      fill(store);
      for (String before :
          new String[] {
            "select sum(state in ('PENDING', 'SENDING')), sum(state = 'REJECTED') from outbox",
            "select max(updated_at) from outbox where state = 'ACKNOWLEDGED'",
            "select * from outbox where kind = ? and json_extract(body, ?) = ? order by seq",
            "select * from outbox_archive where json_extract(body, '$.receiptNumber') = ?",
            "select "
                + Outbox.COLUMNS
                + " from outbox where kind = ?1 and receipt_number = ?2 union all select "
                + Outbox.COLUMNS
                + " from outbox_archive where kind = ?1 and body like ?2"
          }) {
        assertThat(plan(store, before))
            .as(before)
            .anyMatch(line -> SCAN_OF_THE_JOURNAL.matcher(line).find());
      }
    }
  }

  /**
   * A journal of every kind and state, part of it archived, so the planner has something to choose
   * from.
   */
  private static void fill(LocalStore store) {
    // One transaction (the outbox's own join it): the plans need the rows, not 900 commits.
    store.inTransaction(
        c -> {
          appendAll(store);
          return null;
        });
    JournalArchive archive =
        new JournalArchive(
            store, Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC));
    long after = 0;
    for (int batch = 0; batch < 2; batch++) {
      after = archive.move(Instant.parse("2027-06-01T00:00:00Z"), after, 60).lastSeq();
    }
    assertThat(after).as("part of the journal archived").isEqualTo(120);
  }

  private static void appendAll(LocalStore store) {
    Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    Outbox outbox = new Outbox(store, clock);
    for (int i = 0; i < 300; i++) {
      UUID id = UUID.randomUUID();
      if (i % 3 == 0) {
        outbox.append(
            id,
            "REFUND",
            "/v1/refunds",
            "{\"id\":\""
                + id
                + "\",\"saleId\":\""
                + UUID.randomUUID()
                + "\",\"receiptNumber\":\"R"
                + i
                + "\"}",
            null);
      } else {
        outbox.append(
            id,
            "SALE",
            "/v1/sales",
            "{\"id\":\""
                + id
                + "\",\"receiptNumber\":\"S"
                + i
                + "\""
                + (i % 5 == 0 ? "" : ",\"receiptToken\":\"tok" + i + "\"")
                + "}",
            null);
      }
      long seq = outbox.find(id).orElseThrow().seq();
      if (i < 280) {
        outbox.sending(seq);
        if (i % 50 == 7) {
          outbox.rejected(seq, "422");
        } else {
          outbox.acknowledged(seq, "{}");
        }
      }
    }
  }

  private static List<String> plan(LocalStore store, String sql) {
    return store.inTransaction(
        c -> {
          List<String> lines = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement("explain query plan " + sql)) {
            int parameters = s.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
              s.setString(i, "x");
            }
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                lines.add(r.getString("detail"));
              }
            }
          }
          return lines;
        });
  }
}
