package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each employee's sale in progress survives sign-out, a colleague's sign-in and a restart. */
class OpenCartsTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;

  @Test
  void aColleaguesSignInKeepsTheCartForWhoeverRangItUp() {
    vm.type("4820000191357");
    vm.enter();
    vm.signedIn(SaleFixture.ANDRIY, "Андрій");
    assertThat(vm.lines()).isEmpty();
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    vm.signedIn(SaleFixture.OLENA, "Олена");
    assertThat(vm.lines()).extracting(CartLine::name).containsExactly("Хліб");
    assertThat(vm.bannerProperty().get().text()).isEqualTo("Your sale is back (lines: 1)");
    vm.signedIn(SaleFixture.ANDRIY, "Андрій");
    assertThat(vm.lines()).extracting(CartLine::quantity).containsExactly("0,5");
  }

  @Test
  void whatWasSaidToTheOneBeforeIsNotShownToWhoeverSignsIn() {
    vm.type("999");
    vm.enter();
    assertThat(vm.bannerProperty().get()).isNotNull();
    vm.signedIn(SaleFixture.ANDRIY, "Андрій");
    assertThat(vm.bannerProperty().get()).isNull();
  }

  @Test
  void aCashierSigningInWithNoShiftOpenIsToldBeforeAnythingIsRungUp() {
    vm.shiftOpenProperty().set(false);
    vm.signedIn(SaleFixture.OLENA, "Олена");
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(io.kasa.terminal.ui.Banner.Kind.WARNING);
    assertThat(vm.bannerProperty().get().text()).isEqualTo("Open the shift first (F6)");
    assertThat(vm.lines()).isEmpty();
  }

  @Test
  void theWarningToOpenAShiftGoesOnceItIsOpen() {
    vm.shiftOpenProperty().set(false);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(io.kasa.terminal.ui.Banner.Kind.WARNING);
    vm.shiftOpenProperty().set(true);
    assertThat(vm.bannerProperty().get()).isNull();
  }

  @Test
  void signingInAgainAfterTheLockKeepsTheCartOnTheCounter() {
    vm.type("4820000191357");
    vm.enter();
    vm.signedIn(SaleFixture.OLENA, "Олена");
    assertThat(vm.lines()).hasSize(1);
  }

  @Test
  void aCartWithADiscountAndANewPriceSurvivesARestartWhole() {
    vm.priceOverrides(manager -> null, () -> java.math.BigDecimal.TEN);
    vm.type("4820000191357");
    vm.enter();
    vm.type("30,00");
    vm.overridePrice();
    vm.type("10");
    vm.discount(false);
    String total = vm.totalProperty().get();
    java.util.UUID id = vm.sale().id();
    vm.close();
    SaleViewModel again = fixture.start();
    again.signedIn(SaleFixture.OLENA, "Олена");
    assertThat(again.sale().id()).isEqualTo(id);
    assertThat(again.totalProperty().get()).isEqualTo(total).isEqualTo("27,00 ₴");
    assertThat(again.lines().get(0).price()).isEqualTo("30,00");
    assertThat(again.lines().get(0).note()).contains("was 31,00");
  }

  @Test
  void aCompletedSaleDoesNotComeBack() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.cash();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    vm.signedIn(SaleFixture.ANDRIY, "Андрій");
    vm.signedIn(SaleFixture.OLENA, "Олена");
    assertThat(vm.lines()).isEmpty();
  }

  @Test
  void aSalePartlyPaidByCardStaysOnTheCounterAndDoesNotComeBackOncePaid() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.type("20");
    vm.card();
    reader.tap("tok_approve");
    vm.signedIn(SaleFixture.ANDRIY, "Андрій");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);
    vm.cash();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    vm.signedIn(SaleFixture.OLENA, "Олена");
    assertThat(vm.lines()).isEmpty();
    assertThat(fixture.completed).hasSize(1);
  }
}
