package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import org.junit.jupiter.api.Test;

/** Parked sales: journalled, listed with time, employee and total, any one recalled. */
class ParkedSalesTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;

  @Test
  void parkedSalesAreListedAndAnyOneComesBackWhole() {
    vm.type("4820000191357");
    vm.enter();
    vm.parkOrRecall();
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.bannerProperty().get().text()).startsWith("Sale parked (1 sale parked)");
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    vm.parkOrRecall();
    assertThat(vm.parkedCountProperty().get()).isEqualTo(2);
    assertThat(vm.parked().list())
        .extracting(SaleJournal.Parked::employee)
        .containsExactly("Олена", "Олена");
    assertThat(vm.parked().list())
        .extracting(p -> p.total().minor())
        .containsExactlyInAnyOrder(3100L, 2125L);
    assertThat(vm.parked().list()).allMatch(p -> p.parkedAt() != null);

    vm.parkOrRecall();
    assertThat(vm.parked().choosingProperty().get()).isTrue();
    SaleJournal.Parked bread =
        vm.parked().list().stream()
            .filter(p -> p.total().minor() == 3100)
            .findFirst()
            .orElseThrow();
    vm.parked().recall(bread.saleId());
    assertThat(vm.parked().choosingProperty().get()).isFalse();
    assertThat(vm.lines()).extracting(CartLine::name).containsExactly("Хліб");
    assertThat(vm.parkedCountProperty().get()).isEqualTo(1);
  }

  @Test
  void recallingWithACartInProgressParksItFirst() {
    vm.type("4820000191357");
    vm.enter();
    vm.parkOrRecall();
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    vm.parked().recall(vm.parked().list().get(0).saleId());
    assertThat(vm.lines()).extracting(CartLine::name).containsExactly("Хліб");
    assertThat(vm.parked().list())
        .extracting(SaleJournal.Parked::total)
        .containsExactly(Money.parse("21.25", SaleFixture.UAH));
  }

  @Test
  void parkedSalesSurviveARestartAndAnotherEmployeeMayRecallThem() {
    vm.type("4820000191357");
    vm.enter();
    vm.parkOrRecall();
    vm.close();
    SaleViewModel again = fixture.start();
    again.signedIn(SaleFixture.ANDRIY, "Андрій");
    assertThat(again.parkedCountProperty().get()).isEqualTo(1);
    again.parked().recall(again.parked().list().get(0).saleId());
    assertThat(again.lines()).extracting(CartLine::name).containsExactly("Хліб");
    assertThat(again.parked().list()).isEmpty();
  }

  @Test
  void nothingParkedSaysSo() {
    vm.parkOrRecall();
    assertThat(vm.parked().choosingProperty().get()).isFalse();
    assertThat(vm.bannerProperty().get().text()).isEqualTo("No sale is parked");
  }
}
