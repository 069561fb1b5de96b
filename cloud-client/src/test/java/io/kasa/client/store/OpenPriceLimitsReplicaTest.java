package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.money.Money;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica keeps an open-price item's limits, and a till's older replica learns them. */
class OpenPriceLimitsReplicaTest {

  private static final Currency UAH = Currency.getInstance("UAH");

  @TempDir Path dir;

  private static ItemDto gift(Long min, Long max) {
    return new ItemDto(
        "gift",
        "SKU-GIFT",
        "Подарунковий набір",
        List.of("4820004567899"),
        "EACH",
        0,
        "VAT20",
        "Подарунки",
        true,
        false,
        true,
        min,
        max);
  }

  @Test
  void limitsAreKeptAsSentAndNoneStaysNone() {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      replica.apply(new CatalogChanges(List.of(gift(10_000L, 500_000L)), List.of(), "c1", false));
      assertThat(replica.byBarcode("4820004567899").orElseThrow().priceLimits())
          .isEqualTo(new PriceLimits(Money.of(10_000, UAH), Money.of(500_000, UAH)));
      replica.apply(new CatalogChanges(List.of(gift(null, 500_000L)), List.of(), "c2", false));
      assertThat(replica.byId("gift").orElseThrow().priceLimits())
          .isEqualTo(new PriceLimits(null, Money.of(500_000, UAH)));
      replica.apply(new CatalogChanges(List.of(gift(null, null)), List.of(), "c3", false));
      assertThat(replica.byId("gift").orElseThrow().priceLimits()).isEqualTo(PriceLimits.NONE);
    }
  }

  @Test
  void aReplicaFromBeforeTheLimitsSyncsEverythingAgainToLearnThem() {
    try (LocalStore store = LocalStore.open(dir)) {
      new CatalogReplica(store, UAH)
          .apply(new CatalogChanges(List.of(gift(null, null)), List.of(), "c7", false));
      // As a till updated from the version before V7 has it: no limit columns, its cursor kept.
      store.inTransaction(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("alter table catalog_item drop column min_price");
              s.execute("alter table catalog_item drop column max_price");
              s.execute("delete from schema_version where version = 7");
            }
            return null;
          });
    }
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(7);
      CatalogReplica replica = new CatalogReplica(store, UAH);
      assertThat(replica.cursor()).as("the next sync starts from the beginning").isNull();
      assertThat(replica.byId("gift").orElseThrow().priceLimits()).isEqualTo(PriceLimits.NONE);
      replica.apply(new CatalogChanges(List.of(gift(10_000L, null)), List.of(), "c8", false));
      assertThat(replica.byId("gift").orElseThrow().priceLimits().lowest())
          .hasValue(Money.of(10_000, UAH));
    }
  }
}
