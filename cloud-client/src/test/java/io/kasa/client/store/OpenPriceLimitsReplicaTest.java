package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.money.Money;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
  void aReplicaFromBeforeTheLimitsSyncsEverythingAgainToLearnThem() throws Exception {
    // As a till updated from the version before V7 has it: no limit columns, its cursor kept.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"))) {
      OldSchema.upTo(c, 6);
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into catalog_item (id, sku, name, unit, price, tax_class, category,"
                + " open_price, age_restricted, active) values ('gift', 'SKU-GIFT',"
                + " 'Подарунковий набір', 'EACH', 0, 'VAT20', 'Подарунки', 1, 0, 1)");
        s.execute("insert into catalog_barcode (code, item_id) values ('4820004567899', 'gift')");
        s.execute("insert into catalog_cursor (singleton, cursor) values (1, 'c7')");
      }
    }
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(LocalStore.MIGRATIONS.size());
      CatalogReplica replica = new CatalogReplica(store, UAH);
      assertThat(replica.cursor()).as("the next sync starts from the beginning").isNull();
      assertThat(replica.byId("gift").orElseThrow().priceLimits()).isEqualTo(PriceLimits.NONE);
      replica.apply(new CatalogChanges(List.of(gift(10_000L, null)), List.of(), "c8", false));
      assertThat(replica.byId("gift").orElseThrow().priceLimits().lowest())
          .hasValue(Money.of(10_000, UAH));
    }
  }
}
