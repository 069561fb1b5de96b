package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void entriesKeepTheirOrderAndSurviveReopening() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      outbox.append(a, "SALE", "/v1/sales", "{\"n\":1}", null);
      outbox.append(b, "SALE", "/v1/sales", "{\"n\":2}", null);
      assertThat(outbox.next().orElseThrow().id()).isEqualTo(a);
      assertThatThrownBy(() -> outbox.append(a, "SALE", "/v1/sales", "{}", null))
          .isInstanceOf(StoreException.class);
    }
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(LocalStore.MIGRATIONS.size());
      Outbox outbox = new Outbox(store, clock);
      assertThat(outbox.stats().unsent()).isEqualTo(2);
      assertThat(outbox.stats().oldestUnsent()).isEqualTo(clock.instant());
      Outbox.Entry first = outbox.next().orElseThrow();
      outbox.sending(first.seq());
      outbox.acknowledged(first.seq(), "{}");
      assertThat(outbox.next().orElseThrow().id()).isEqualTo(b);
    }
  }

  @Test
  void statesOnlyMoveForwardAndNothingIsDeleted() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      UUID id = UUID.randomUUID();
      outbox.append(id, "SALE", "/v1/sales", "{}", null);
      long seq = outbox.next().orElseThrow().seq();
      outbox.sending(seq);
      outbox.failed(seq, "network");
      Outbox.Entry retried = outbox.next().orElseThrow();
      assertThat(retried.state()).isEqualTo(Outbox.State.SENDING);
      assertThat(retried.attempts()).isEqualTo(1);
      outbox.rejected(seq, "422 validation: line 1");
      assertThat(outbox.next()).isEmpty();
      assertThat(outbox.rejectedEntries())
          .singleElement()
          .satisfies(e -> assertThat(e.lastError()).contains("line 1"));

      assertThatThrownBy(() -> outbox.acknowledged(seq, "{}")).isInstanceOf(StoreException.class);
      for (String sql :
          new String[] {
            "update outbox set state = 'PENDING' where seq = " + seq,
            "delete from outbox where seq = " + seq
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
            .hasMessageContaining("outbox");
      }
      assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(Outbox.State.REJECTED);
    }
  }

  @Test
  void aNestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, clock);
      UUID inner = UUID.randomUUID();
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      c -> {
                        outbox.append(inner, "SALE", "/v1/sales", "{}", null);
                        throw new java.sql.SQLException("the sale could not be journalled");
                      }))
          .isInstanceOf(StoreException.class);
      assertThat(outbox.find(inner)).isEmpty();
    }
  }

  @Test
  void migrationsSplitTriggersWhole() {
    assertThat(
            LocalStore.statements(
                "create table t (a int);\n-- note\ncreate trigger x\nbefore delete on t\nbegin\n  select 1;\nend;\n"))
        .containsExactly(
            "create table t (a int);",
            "create trigger x\nbefore delete on t\nbegin\n  select 1;\nend;");
  }
}
