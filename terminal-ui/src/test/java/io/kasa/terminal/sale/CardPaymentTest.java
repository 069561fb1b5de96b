package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.sale.Sale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card flow: split tenders, declines and cancels, offline cards, no reader. */
class CardPaymentTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;
  private final List<Sale> completed = fixture.completed;
  private final List<Boolean> offlineFlags = fixture.offlineFlags;
  private final List<java.util.Map<java.util.UUID, String>> tokens = fixture.tokens;

  @Test
  void aCardForPartOfTheSaleThenCashForTheRestIsOneSaleWithBothTenders() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.type("20");
    vm.card();
    assertThat(vm.cardWaitingProperty().get()).contains("20,00 ₴");
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(reader.tap("tok_approve")).isTrue();
    assertThat(vm.cardWaitingProperty().get()).isEmpty();
    assertThat(vm.paid()).containsExactly("Card 20,00 ₴ · VISA **** 4242 · approval code T000001");
    assertThat(vm.dueProperty().get()).isEqualTo("11,00 ₴");
    vm.cash();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    Sale sale = completed.get(0);
    assertThat(sale.tenders()).hasSize(2);
    var card = sale.tenders().get(0);
    assertThat(card.reference()).isEqualTo("T000001");
    assertThat(card.card()).isEqualTo(new io.kasa.domain.tender.CardDetails("VISA", "4242"));
    assertThat(tokens.get(0)).containsExactly(java.util.Map.entry(card.id(), "tok_approve"));
    assertThat(offlineFlags.get(0)).isFalse();
  }

  @Test
  void aDeclinedOrCancelledCardLeavesTheAmountDueAndSaysWhy() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.card();
    reader.tap("tok_decline");
    // The processor's reason in the register's words, not in the service's English.
    assertThat(vm.bannerProperty().get().text()).contains("not enough money on the card");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);
    assertThat(vm.paid()).isEmpty();
    vm.card();
    vm.cancelCard();
    assertThat(vm.bannerProperty().get().text()).contains("nothing was charged");
    assertThat(vm.busyProperty().get()).isFalse();
    vm.type("40");
    vm.card();
    assertThat(vm.bannerProperty().get().text()).contains("31,00 ₴");
    assertThat(completed).isEmpty();
  }

  @Test
  void aCardTakenOfflineUnderTheStoresRulesFlagsTheSaleOffline() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.card();
    reader.tap("tok_offline");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    assertThat(offlineFlags.get(0)).isTrue();
    assertThat(completed.get(0).tenders().get(0).reference()).isEqualTo("OFFLINE");
  }

  @Test
  void withoutACardReaderTheCardIsRefusedAndNothingChanges() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.card();
    assertThat(vm.bannerProperty().get().text()).contains("No card reader");
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);
    assertThat(vm.paid()).isEmpty();
  }
}
