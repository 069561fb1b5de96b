package io.kasa.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.client.http.CloudClient;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.Credentials;
import io.kasa.client.store.CatalogReplica;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.StoreException;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.money.Money;
import io.kasa.service.TestCloud;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica filled and kept up to date from the real service. */
class CatalogSyncTest {

  private static final Currency UAH = Currency.getInstance("UAH");
  private static TestCloud cloud;
  private static CloudClient client;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    cloud = new TestCloud();
    client =
        new CloudClient(
            CloudClientConfig.defaults(URI.create("http://127.0.0.1:" + cloud.app.port())),
            Credentials.none());
    client.enroll(cloud.demo.terminal().enrollmentCode(), "counter");
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    cloud.close();
  }

  private static ItemDto bread(long price, boolean active, String barcode) {
    return new ItemDto(
        "bread",
        "BR-1",
        "Хліб житній",
        List.of(barcode),
        "EACH",
        price,
        "VAT20",
        "Хліб",
        false,
        false,
        active);
  }

  @Test
  void aFullLoadInPagesThenDeltasAndLookupsAsFastAsAScan() {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      CatalogSync sync = new CatalogSync(replica, client::catalogChanges, 3);
      assertThat(sync.sync()).isGreaterThanOrEqualTo(8);
      assertThat(replica.size()).isGreaterThanOrEqualTo(8);
      assertThat(replica.cursor()).isNotNull();

      CatalogItem bread = replica.byBarcode("4820000191357").orElseThrow();
      assertThat(bread.name()).isEqualTo("Хліб житній");
      assertThat(replica.search("хл", 5)).first().extracting(CatalogItem::id).isEqualTo("bread");
      assertThat(replica.search("мол", 5)).first().extracting(CatalogItem::id).isEqualTo("milk");
      assertThat(replica.search("СИР тв", 5)).extracting(CatalogItem::id).containsExactly("cheese");
      assertThat(replica.search("  ", 5)).isEmpty();
      assertThat(replica.categories()).contains("Хліб", "Молочне").isSorted();
      assertThat(replica.inCategory("Хліб", 50)).extracting(CatalogItem::id).contains("bread");
      assertThat(replica.search("\"*)(", 5)).isEmpty();

      // A price change and a moved barcode arrive as one delta; the item a sale holds keeps its
      // price.
      cloud
          .services
          .admin()
          .putItem(cloud.demo.organisationId(), bread(3300, true, "4820000000099"));
      assertThat(sync.sync()).isEqualTo(1);
      assertThat(replica.byId("bread").orElseThrow().price().minor()).isEqualTo(3300);
      assertThat(bread.price().minor()).isEqualTo(3100);
      assertThat(replica.byBarcode("4820000191357")).isEmpty();
      assertThat(replica.byBarcode("4820000000099")).isPresent();

      // A withdrawn item cannot be scanned or found, but stays known for refunds.
      cloud
          .services
          .admin()
          .putItem(cloud.demo.organisationId(), bread(3300, false, "4820000000099"));
      sync.sync();
      assertThat(replica.byBarcode("4820000000099")).isEmpty();
      assertThat(replica.search("хліб житній", 5))
          .extracting(CatalogItem::id)
          .doesNotContain("bread");
      assertThat(replica.byId("bread")).isPresent();
      assertThat(sync.sync()).isZero();
    }
  }

  @Test
  void anOpenPriceItemsLimitsComeWithItAndTheirChangesFollow() {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      CatalogSync sync = new CatalogSync(replica, client::catalogChanges, 50);
      sync.sync();
      CatalogItem gift = replica.byBarcode("4820004567899").orElseThrow();
      assertThat(gift.openPrice()).isTrue();
      assertThat(gift.priceLimits())
          .isEqualTo(new PriceLimits(Money.of(10_000, UAH), Money.of(500_000, UAH)));
      assertThat(replica.byId("salad").orElseThrow().priceLimits()).isEqualTo(PriceLimits.NONE);
      assertThat(replica.byId("milk").orElseThrow().priceLimits()).isEqualTo(PriceLimits.NONE);

      cloud.services.admin().setPriceLimits(cloud.demo.organisationId(), "gift", null, 20_000L);
      assertThat(sync.sync()).isEqualTo(1);
      assertThat(replica.byId("gift").orElseThrow().priceLimits())
          .isEqualTo(new PriceLimits(null, Money.of(20_000, UAH)));
      assertThat(replica.byBarcode("4820004567899").orElseThrow().priceLimits().highest())
          .hasValue(Money.of(20_000, UAH));

      cloud.services.admin().setPriceLimits(cloud.demo.organisationId(), "gift", 10_000L, 500_000L);
      sync.sync();
      assertThat(replica.byId("gift").orElseThrow().priceLimits().lowest())
          .hasValue(Money.of(10_000, UAH));
    }
  }

  @Test
  void aPageThatCannotBeAppliedChangesNothing() {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      replica.apply(new CatalogChanges(List.of(bread(3100, true, "1")), List.of(), "c1", false));
      ItemDto broken =
          new ItemDto("x", "X", null, List.of("2"), "EACH", 1, "VAT20", null, false, false, true);
      assertThatThrownBy(
              () ->
                  replica.apply(
                      new CatalogChanges(
                          List.of(bread(9999, true, "1"), broken), List.of(), "c2", false)))
          .isInstanceOf(StoreException.class);
      assertThat(replica.cursor()).isEqualTo("c1");
      assertThat(replica.byId("bread").orElseThrow().price().minor()).isEqualTo(3100);
      assertThat(replica.byBarcode("2")).isEmpty();
    }
  }
}
