package io.kasa.client.terminal;

import io.kasa.api.terminal.TerminalConfig;
import io.kasa.client.http.CloudClient;
import io.kasa.client.store.CatalogReplica;
import io.kasa.client.store.LocalSettings;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.TerminalSettings;
import io.kasa.client.sync.CatalogSync;
import io.kasa.client.sync.ChangeFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * How the till takes in what changed on the service (ADR 0028): the catalogue's pages after its
 * cursor, each applied with the cursor it leads to; then the configuration (store rules, staff and
 * their PIN verifiers) saved whole, in one local transaction with the store version it answers.
 * Fetching before saving, and the version kept last, make a kill between hearing and applying
 * harmless: the version is heard again and the same fetches apply again, idempotently. One update
 * at a time, whoever asks (the feed, enrollment, a test).
 */
final class TerminalUpdates implements ChangeFeed.Position {

  static final String VERSION = "feed-version";
  static final String CURRENT_AT = "feed-current-at";
  private static final int CATALOG_PAGE = 5000;

  private final LocalStore store;
  private final LocalSettings local;
  private final TerminalSettings settings;
  private final Supplier<CloudClient> client;
  private final Supplier<CatalogReplica> catalog;
  private final Clock clock;

  TerminalUpdates(
      LocalStore store,
      TerminalSettings settings,
      Supplier<CloudClient> client,
      Supplier<CatalogReplica> catalog,
      Clock clock) {
    this.store = store;
    this.local = new LocalSettings(store);
    this.settings = settings;
    this.client = client;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Fetches and keeps the configuration. */
  synchronized TerminalConfig refreshConfig() {
    TerminalConfig config = client.get().terminalConfig();
    settings.save(config);
    return config;
  }

  /** Brings the catalogue up to date; answers the items applied. */
  synchronized long syncCatalog(LongConsumer progress) {
    return new CatalogSync(catalog.get(), client.get()::catalogChanges, CATALOG_PAGE)
        .sync(progress);
  }

  /** Takes in everything up to at least {@code version} and keeps it as the till's position. */
  synchronized void apply(long version) {
    // The configuration is read before the catalogue: both answer for at least this version.
    TerminalConfig config = client.get().terminalConfig();
    syncCatalog(applied -> {});
    Instant now = clock.instant();
    store.inTransaction(
        c -> {
          settings.save(config);
          local.put(VERSION, Long.toString(version));
          local.put(CURRENT_AT, now.toString());
          return null;
        });
  }

  @Override
  public OptionalLong version() {
    return local
        .get(VERSION)
        .map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }

  @Override
  public void heard(Instant at) {
    local.put(CURRENT_AT, at.toString());
  }

  /** When the till was last known current, as kept; null before the first update heard. */
  Instant currentAt() {
    return local.get(CURRENT_AT).map(Instant::parse).orElse(null);
  }
}
