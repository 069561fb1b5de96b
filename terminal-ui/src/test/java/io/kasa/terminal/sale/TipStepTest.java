package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.TipRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tip step before a card and the change left as a cash tip (ADR 0054). */
class TipStepTest {

  private static final TipRules ON =
      new TipRules(true, List.of(Percent.of(5), Percent.of(10), Percent.of(15)), Percent.of(100));

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;
  private final List<Sale> completed = fixture.completed;
  private final SimulatedCardReader reader = new SimulatedCardReader();

  private void breadToPay(TipRules rules) {
    vm.tipRules(() -> rules);
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
  }

  private static Money uah(long minor) {
    return Money.of(minor, SaleFixture.UAH);
  }

  @Test
  void aPresetTipIsOfferedWithItsAmountAndTheCardIsChargedBoth() {
    breadToPay(ON);
    vm.card();
    assertThat(vm.tips().openProperty().get()).isTrue();
    assertThat(vm.tips().offeredTips()).containsExactly(uah(155), uah(310), uah(465));
    assertThat(vm.tips().titleProperty().get()).contains("31,00 ₴");
    vm.tips().preset(1);
    assertThat(vm.tips().openProperty().get()).isFalse();
    assertThat(vm.cardWaitingProperty().get()).contains("34,10 ₴");
    reader.tap("tok_approve");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    var card = completed.get(0).tenders().get(0);
    assertThat(card.amount()).isEqualTo(uah(3100));
    assertThat(card.tip()).isEqualTo(uah(310));
    assertThat(completed.get(0).totals().total()).isEqualTo(uah(3100));
    assertThat(vm.paid()).singleElement().asString().endsWith("+ tip 3,10 ₴");
  }

  @Test
  void aTipTypedAboveTheMaximumIsRefusedInWordsAndNoTipChargesTheAmountAlone() {
    breadToPay(ON);
    vm.card();
    vm.type("31,01");
    vm.tips().other();
    assertThat(vm.bannerProperty().get().text()).contains("31,00 ₴").contains("100 %");
    assertThat(vm.tips().openProperty().get()).isTrue();
    vm.tips().none();
    assertThat(vm.cardWaitingProperty().get()).contains("31,00 ₴");
    reader.tap("tok_approve");
    assertThat(completed.get(0).tenders().get(0).tip()).isEqualTo(uah(0));
  }

  @Test
  void withTipsOffTheCardGoesStraightToTheReader() {
    breadToPay(TipRules.OFF);
    vm.card();
    assertThat(vm.tips().openProperty().get()).isFalse();
    assertThat(vm.cardWaitingProperty().get()).contains("31,00 ₴");
  }

  @Test
  void cashWithTheChangeLeftAsATipGivesNoChange() {
    breadToPay(ON);
    vm.type("50");
    vm.cashKeepingChange();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    var cash = completed.get(0).tenders().get(0);
    assertThat(cash.amount()).isEqualTo(uah(3100));
    assertThat(cash.tip()).isEqualTo(uah(1900));
    assertThat(completed.get(0).change()).isEqualTo(uah(0));
  }

  @Test
  void theChangeIsNoTipWhileTheStoreTakesNone() {
    breadToPay(TipRules.OFF);
    vm.type("50");
    vm.cashKeepingChange();
    assertThat(vm.bannerProperty().get().text()).contains("no tips");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);
  }
}
