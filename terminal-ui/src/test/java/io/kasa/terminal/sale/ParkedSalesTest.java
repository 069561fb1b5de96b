package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parked sales. */
class ParkedSalesTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;

  @Test
  void aParkedSaleWaitsWhileAnotherIsRungUpAndComesBackWhole() {
    vm.type("4820000191357");
    vm.enter();
    vm.parkOrRecall();
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.parkedCountProperty().get()).isEqualTo(1);
    vm.parkOrRecall();
    assertThat(vm.lines()).hasSize(1);
    assertThat(vm.parkedCountProperty().get()).isZero();
  }
}
