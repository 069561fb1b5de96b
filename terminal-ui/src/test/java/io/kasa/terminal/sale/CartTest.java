package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.ui.Banner;
import org.junit.jupiter.api.Test;

/** The cart: scans, codes typed by hand, quantities, discounts, voids and quick keys. */
class CartTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;
  private static final CatalogItem APPLES = SaleFixture.APPLES;

  @Test
  void aScanAddsTheItemAndTheTotalIsInTheStoresFormat() {
    vm.scanned(BarcodeParser.withoutEmbeddedLabels().parse("4820000191357"));
    assertThat(vm.lines()).hasSize(1);
    assertThat(vm.totalProperty().get()).isEqualTo("31,00 ₴");
  }

  @Test
  void aScanWithAWrongCheckDigitIsIgnoredWithAMessage() {
    vm.scanned(BarcodeParser.withoutEmbeddedLabels().parse("4820000191358"));
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.ERROR);
    assertThat(vm.bannerProperty().get().text()).contains("check digit");
  }

  /**
   * Digits typed into the search field (where focus lands after a sale) and Enter are a barcode
   * typed by hand, as on the keypad; words nothing matches are said so, not ignored.
   */
  @Test
  void aCodeTypedIntoTheSearchFieldIsLookedUpByItsCode() {
    vm.type("2");
    vm.times();
    assertThat(vm.searched(" 4820000191357 ")).isTrue();
    assertThat(vm.lines()).hasSize(1);
    assertThat(vm.lines().get(0).quantity()).isEqualTo("2");
    assertThat(vm.searched("zzzz")).isFalse();
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.WARNING);
    assertThat(vm.bannerProperty().get().text()).contains("zzzz");
    assertThat(vm.searched("   ")).isFalse();
  }

  @Test
  void theNumberTypedBeforeTimesIsTheNextItemsQuantity() {
    vm.type("3");
    vm.times();
    vm.type("4820000191357");
    vm.enter();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("3");
    assertThat(vm.totalProperty().get()).isEqualTo("93,00 ₴");
  }

  @Test
  void aWeighedItemWithoutAWeightAsksForItWithItsUnit() {
    vm.type("12345");
    vm.enter();
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.cart().weightWantedProperty().get()).isEqualTo(APPLES);
    assertThat(vm.cart().unit(APPLES)).isEqualTo("kg");
    vm.type("0,5");
    vm.cart().weighed();
    assertThat(vm.cart().weightWantedProperty().get()).isNull();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("0,5");
    assertThat(vm.lines().get(0).unit()).isEqualTo("kg");
    assertThat(vm.totalProperty().get()).isEqualTo("21,25 ₴");
  }

  @Test
  void aWeightTypedBeforeTimesNeedsNoDialog() {
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    assertThat(vm.cart().weightWantedProperty().get()).isNull();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("0,5");
  }

  @Test
  void timesSetsTheNextItemNeverTheSelectedLine() {
    vm.type("4820000191357");
    vm.enter();
    assertThat(vm.selectedProperty().get()).isEqualTo(1);
    vm.type("0,3");
    vm.times();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("1");
    vm.type("12345");
    vm.enter();
    assertThat(vm.lines()).extracting(CartLine::quantity).containsExactly("1", "0,3");
  }

  @Test
  void aFractionOfAPieceItemIsRefusedInTheRegistersWords() {
    vm.type("0,3");
    vm.times();
    vm.type("4820000191357");
    vm.enter();
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.bannerProperty().get().text())
        .isEqualTo("Хліб is sold by the piece: type a whole number");
    vm.type("4820000191357");
    vm.enter();
    vm.type("1,5");
    vm.quantityOfSelected();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("1");
    assertThat(vm.bannerProperty().get().text()).contains("sold by the piece");
  }

  @Test
  void theSameItemScannedAgainAddsToItsLine() {
    vm.type("4820000191357");
    vm.enter();
    vm.type("2");
    vm.times();
    vm.scanned(BarcodeParser.withoutEmbeddedLabels().parse("4820000191357"));
    assertThat(vm.lines()).extracting(CartLine::quantity).containsExactly("3");
    assertThat(vm.totalProperty().get()).isEqualTo("93,00 ₴");
  }

  @Test
  void withJoiningTurnedOffTheSameItemMakesALineOfItsOwn() {
    vm.cart().joinRepeatsProperty().set(false);
    vm.type("4820000191357");
    vm.enter();
    vm.type("4820000191357");
    vm.enter();
    assertThat(vm.lines()).hasSize(2);
  }

  @Test
  void whatIsTypedShowsWithTheStoresDecimalSeparator() {
    vm.type("0");
    vm.type(".");
    vm.type("5");
    assertThat(vm.entryProperty().get()).isEqualTo("0,5");
    vm.times();
    assertThat(vm.cart().format(vm.pendingQuantityProperty().get())).isEqualTo("0,5");
  }

  @Test
  void aVoidedLineStaysStruckThroughAndCountsForNothing() {
    vm.type("4820000191357");
    vm.enter();
    vm.voidSelected();
    assertThat(vm.lines().get(0).voided()).isTrue();
    assertThat(vm.totalProperty().get()).isEqualTo("0,00 ₴");
  }

  @Test
  void tenPercentOffTheSelectedLineThenFivePercentOffTheSale() {
    vm.type("4820000191357");
    vm.enter();
    vm.type("10");
    vm.discount(false);
    assertThat(vm.totalProperty().get()).isEqualTo("27,90 ₴");
    assertThat(vm.lines().get(0).note()).isEqualTo("discount 10 % −3,10");
    vm.type("5");
    vm.discount(true);
    assertThat(vm.sale().orderDiscount()).isPresent();
    assertThat(vm.lines()).extracting(CartLine::name).contains("Discount on the sale");
    vm.type("120");
    vm.discount(false);
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.WARNING);
  }

  @Test
  void quickKeysShowTheFirstCategoryAndAKeyAddsItsItem() {
    vm.loadQuickKeys();
    assertThat(vm.categories()).containsExactly("Fruit", "Bakery");
    assertThat(vm.quickItems()).containsExactly(APPLES);
    vm.chooseCategory("Bakery");
    vm.add(vm.quickItems().get(0), null);
    assertThat(vm.lines()).extracting(CartLine::name).containsExactly("Хліб");
  }
}
