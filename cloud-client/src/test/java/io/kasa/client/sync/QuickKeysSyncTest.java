package io.kasa.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.client.http.CloudClient;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.Credentials;
import io.kasa.client.store.CatalogReplica;
import io.kasa.client.store.LocalStore;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.service.TestCloud;
import io.kasa.service.catalog.QuickKeysOffice;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-key layout arranged in the back office reaches the till's replica with its catalogue
 * changes from the real service (ADR 0052): the register's pages and keys in its order, the rest
 * after them; kept while the service cannot be reached; a layout with no pages gives the
 * catalogue's own order back.
 */
class QuickKeysSyncTest {

  private static final Currency UAH = Currency.getInstance("UAH");
  private static TestCloud cloud;
  private static CloudClient client;
  private static UUID account;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    cloud = new TestCloud();
    client =
        new CloudClient(
            CloudClientConfig.defaults(URI.create("http://127.0.0.1:" + cloud.app.port())),
            Credentials.none());
    client.enroll(cloud.demo.terminal().enrollmentCode(), "counter");
    account =
        cloud
            .services
            .officeAccounts()
            .create(
                cloud.demo.organisationId(),
                "keys@example.com",
                "owner",
                List.of(),
                "correct horse battery")
            .id();
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    cloud.close();
  }

  private static QuickKeysOffice office() {
    return cloud.services.app().screens().quickKeys();
  }

  private static void arrange(QuickKeysOffice.Page... pages) {
    UUID org = cloud.demo.organisationId();
    UUID store = cloud.demo.storeId();
    long version = office().layout(org, store, s -> true).orElseThrow().version();
    office().save(org, account, store, s -> true, version, List.of(pages));
  }

  private static List<String> ids(List<CatalogItem> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.id()));
    return out;
  }

  @Test
  void theArrangedLayoutReachesTheReplicaAndTheRegistersOrderFollowsIt() {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      CatalogSync sync = new CatalogSync(replica, client::catalogChanges, 4);
      sync.sync();
      List<String> derived = replica.categories();
      assertThat(derived).contains("Кафе", "Напої", "Хліб").isSorted();
      List<String> cafeByName = ids(replica.inCategory("Кафе", 50));

      arrange(
          new QuickKeysOffice.Page("Вибране", List.of("water", "bread")),
          new QuickKeysOffice.Page("Кафе", List.of("uzvar", "espresso")),
          new QuickKeysOffice.Page("Порожня", List.of()));
      sync.sync();

      // The layout's pages first in its order (an empty page that is no category is not shown),
      // then the other categories by name.
      List<String> now = replica.categories();
      assertThat(now.subList(0, 2)).containsExactly("Вибране", "Кафе");
      assertThat(now).doesNotContain("Порожня");
      List<String> rest = new ArrayList<>(derived);
      rest.remove("Кафе");
      assertThat(now.subList(2, now.size())).isEqualTo(rest);
      assertThat(ids(replica.inCategory("Вибране", 50))).containsExactly("water", "bread");
      // A category's page: the arranged keys, then its other items by name.
      List<String> cafe = ids(replica.inCategory("Кафе", 50));
      assertThat(cafe.subList(0, 2)).containsExactly("uzvar", "espresso");
      List<String> others = new ArrayList<>(cafeByName);
      others.removeAll(List.of("uzvar", "espresso"));
      assertThat(cafe.subList(2, cafe.size())).isEqualTo(others);
      assertThat(ids(replica.inCategory("Кафе", 3))).hasSize(3);

      // Unreachable service: the till keeps its last layout.
      CatalogSync offline =
          new CatalogSync(
              replica,
              (cursor, limit) -> {
                throw new IllegalStateException("no network");
              },
              4);
      assertThatThrownBy(offline::sync).isInstanceOf(IllegalStateException.class);
      assertThat(replica.categories().subList(0, 2)).containsExactly("Вибране", "Кафе");

      // No pages: the catalogue's own order again.
      arrange();
      sync.sync();
      assertThat(replica.categories()).isEqualTo(derived);
      assertThat(ids(replica.inCategory("Кафе", 50))).isEqualTo(cafeByName);
    }
  }

  @Test
  void aTillThatStartsAfreshGetsTheLayoutWithItsFirstFullLoad() {
    arrange(new QuickKeysOffice.Page("Ранок", List.of("milk", "bread")));
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      new CatalogSync(replica, client::catalogChanges, 1000).sync();
      assertThat(replica.categories()).first().isEqualTo("Ранок");
      assertThat(ids(replica.inCategory("Ранок", 50))).containsExactly("milk", "bread");
    }
    arrange();
  }
}
