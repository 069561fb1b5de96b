package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.catalog.ModifierOptionDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.money.Money;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica keeps each item's modifier groups as sent, and an older replica learns them. */
class ModifierReplicaTest {

  private static final Currency UAH = Currency.getInstance("UAH");

  private static final ModifierGroupDto MILK =
      new ModifierGroupDto(
          "milk",
          "Молоко",
          1,
          1,
          List.of(
              new ModifierOptionDto("regular", "Звичайне", 0),
              new ModifierOptionDto("oat", "Вівсяне", 1500)));
  private static final ModifierGroupDto EXTRAS =
      new ModifierGroupDto(
          "extras",
          "Додатки",
          0,
          2,
          List.of(
              new ModifierOptionDto("shot", "Додатковий шот", 1500),
              new ModifierOptionDto("no-sugar", "Без цукру", -200)));

  @TempDir Path dir;

  private static ItemDto latte(List<ModifierGroupDto> groups) {
    return new ItemDto(
        "latte",
        "SKU-LATTE",
        "Лате",
        List.of("4820005678952"),
        "EACH",
        5500,
        "VAT20",
        "Кафе",
        false,
        false,
        true,
        null,
        null,
        groups);
  }

  @Test
  void groupsAreKeptInOrderWithTheirOptionsAndReplacedAtEachChange() {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, UAH);
      replica.apply(
          new CatalogChanges(List.of(latte(List.of(MILK, EXTRAS))), List.of(), "c1", false));
      CatalogItem item = replica.byBarcode("4820005678952").orElseThrow();
      assertThat(replica.sellable(10)).isEmpty();
      assertThat(item.modifierGroups())
          .extracting(ModifierGroup::id)
          .containsExactly("milk", "extras");
      ModifierGroup milk = item.modifierGroups().get(0);
      assertThat(milk.required()).isTrue();
      assertThat(milk.option("oat").orElseThrow().priceDelta()).isEqualTo(Money.of(1500, UAH));
      ModifierGroup extras = item.modifierGroups().get(1);
      assertThat(extras.maxChoices()).isEqualTo(2);
      assertThat(extras.option("no-sugar").orElseThrow().priceDelta())
          .isEqualTo(Money.of(-200, UAH));

      replica.apply(new CatalogChanges(List.of(latte(List.of(EXTRAS))), List.of(), "c2", false));
      assertThat(replica.byId("latte").orElseThrow().modifierGroups())
          .extracting(ModifierGroup::id)
          .containsExactly("extras");
      // A simulated till sells what asks for no choice: the latte only once its milk is optional.
      assertThat(replica.sellable(10)).extracting(CatalogItem::id).containsExactly("latte");
      replica.apply(new CatalogChanges(List.of(latte(null)), List.of(), "c3", false));
      assertThat(replica.byId("latte").orElseThrow().modifierGroups()).isEmpty();
    }
  }

  @Test
  void aReplicaFromBeforeModifiersSyncsEverythingAgainToLearnThem() throws Exception {
    // As a till updated from the version before modifiers has it: its items, its cursor kept.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"))) {
      OldSchema.upTo(c, LocalStore.MIGRATIONS.indexOf("V11__modifiers.sql"));
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into catalog_item (id, sku, name, unit, price, tax_class, category,"
                + " open_price, age_restricted, active) values ('latte', 'SKU-LATTE',"
                + " 'Лате', 'EACH', 5500, 'VAT20', 'Кафе', 0, 0, 1)");
        s.execute("insert into catalog_cursor (singleton, cursor) values (1, 'c9')");
      }
    }
    try (LocalStore store = LocalStore.open(dir)) {
      assertThat(store.schemaVersion()).isEqualTo(LocalStore.MIGRATIONS.size());
      CatalogReplica replica = new CatalogReplica(store, UAH);
      assertThat(replica.cursor()).as("the next sync starts from the beginning").isNull();
      assertThat(replica.byId("latte").orElseThrow().modifierGroups()).isEmpty();
      replica.apply(new CatalogChanges(List.of(latte(List.of(MILK))), List.of(), "c10", false));
      assertThat(replica.byId("latte").orElseThrow().modifierGroups()).hasSize(1);
    }
  }
}
