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
  void aWeighedItemWantsItsWeight() {
    vm.type("12345");
    vm.enter();
    assertThat(vm.lines()).isEmpty();
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("0,5");
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
    vm.type("5");
    vm.discount(true);
    assertThat(vm.sale().orderDiscount()).isPresent();
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
