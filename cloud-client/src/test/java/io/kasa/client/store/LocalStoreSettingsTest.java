package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection is set up so a long journal does not slow a commit (ADR 0037). */
class LocalStoreSettingsTest {

  @TempDir Path dir;

  @Test
  void theConnectionKeepsAPageCacheAndCutsTheWalBack() {
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(pragma(store, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(store, "synchronous")).as("FULL").isEqualTo("2");
      assertThat(pragma(store, "cache_size")).as("16 MB, in KiB when negative").isEqualTo("-16000");
      assertThat(pragma(store, "wal_autocheckpoint")).isEqualTo("1000");
      assertThat(pragma(store, "journal_size_limit")).isEqualTo(String.valueOf(32 * 1024 * 1024));
    }
  }

  private static String pragma(LocalStore store, String name) {
    return store.inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("pragma " + name)) {
            r.next();
            return r.getString(1);
          }
        });
  }
}
