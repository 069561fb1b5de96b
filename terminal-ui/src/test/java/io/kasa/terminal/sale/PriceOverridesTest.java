package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Price overrides: the cashier within the limit, a manager beyond it. */
class PriceOverridesTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;
  private final List<java.util.UUID> approvals = fixture.approvals;

  @Test
  void aPriceLoweredWithinTheLimitIsTheCashiersButBeyondItWantsAManager() {
    java.util.UUID approval = java.util.UUID.randomUUID();
    vm.priceOverrides(manager -> approval, () -> java.math.BigDecimal.TEN);
    vm.type("4820000191357");
    vm.enter();
    vm.type("29,00"); // 6.5 % off 31.00
    vm.overridePrice();
    assertThat(vm.managerWantedProperty().get()).isNull();
    assertThat(vm.lines().get(0).price()).isEqualTo("29,00");
    vm.type("20,00"); // 35 % off: beyond the 10 % limit
    vm.overridePrice();
    assertThat(vm.managerWantedProperty().get()).isEqualTo(1);
    assertThat(vm.lines().get(0).price()).isEqualTo("29,00");
    vm.overridePrice(
        new io.kasa.terminal.shift.Shifts.ManagerPin(java.util.UUID.randomUUID(), "9999"));
    assertThat(vm.lines().get(0).price()).isEqualTo("20,00");
    vm.pay();
    vm.cash();
    assertThat(approvals).containsExactly(approval);
  }
}
