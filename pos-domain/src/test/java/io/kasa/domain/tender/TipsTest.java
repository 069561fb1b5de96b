package io.kasa.domain.tender;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.UA_20;
import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleState;
import io.kasa.domain.tax.TaxRounding;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TipsTest {

  private static final TipRules ON =
      new TipRules(true, List.of(Percent.of(5), Percent.of(10), Percent.of(15)), Percent.of(100));

  @Test
  void presetsAreRoundedHalfUpToTheMinorUnit() {
    // 10 % of 123.45 is 12.345: half up to 12.35; 5 % is 6.1725 → 6.17; 15 % is 18.5175 → 18.52.
    assertThat(ON.offers(uah("123.45"))).containsExactly(uah("6.17"), uah("12.35"), uah("18.52"));
  }

  @Test
  void aTipAboveTheMaximumIsRefusedAndOneAtItIsTaken() {
    assertThat(ON.check(uah("100.00"), uah("100.00"))).isEmpty();
    assertThat(ON.check(uah("100.00"), uah("100.01"))).contains(TipRules.Refusal.OVER_MAXIMUM);
  }

  @Test
  void noTipIsAlwaysTakenAndAnyTipIsRefusedWhileTipsAreOff() {
    assertThat(TipRules.OFF.check(uah("50.00"), uah("0.00"))).isEmpty();
    assertThat(TipRules.OFF.check(uah("50.00"), uah("1.00"))).contains(TipRules.Refusal.TIPS_OFF);
  }

  @Test
  void presetsAreCheckedAgainstTheMaximum() {
    assertThatThrownBy(() -> new TipRules(true, List.of(Percent.of(20)), Percent.of(15)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TipRules(true, List.of(), Percent.of(15)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TipRules(true, List.of(Percent.ZERO), Percent.of(15)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCardIsChargedItsAmountAndTheTipWhileTheSaleKeepsItsTotal() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Кава", uah("45.00"), UA_20.taxClass()), Quantity.ONE);
    sale.startTendering();
    Money due = sale.amountDue();
    Tender card = Tender.card(due, "A1B2C3").withTip(TipRules.percentOf(due, Percent.of(10)));
    assertThat(sale.addTender(card, NOW)).isEqualTo(SaleState.PAID);
    assertThat(card.charged()).isEqualTo(uah("49.50"));
    assertThat(sale.totals().total()).isEqualTo(uah("45.00"));
    assertThat(sale.totals().tax()).isEqualTo(uah("7.50"));
    assertThat(sale.tips()).isEqualTo(uah("4.50"));
  }

  @Test
  void cashKeepingTheChangeGivesNoChangeAndTipsTheRest() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Чай", uah("31.97"), UA_20.taxClass()), Quantity.ONE);
    sale.startTendering();
    // Cash due rounds 31.97 to 32.00; the customer hands 50.00 and leaves the change.
    Tender cash = Tender.cashKeepingChange(uah("50.00"), sale.cashDue());
    assertThat(sale.addTender(cash, NOW)).isEqualTo(SaleState.PAID);
    assertThat(cash.amount()).isEqualTo(uah("32.00"));
    assertThat(cash.tip()).isEqualTo(uah("18.00"));
    assertThat(sale.change()).isEqualTo(uah("0.00"));
    assertThat(sale.cashRounding()).isEqualTo(uah("0.03"));
    assertThat(sale.tips()).isEqualTo(uah("18.00"));
  }

  @Test
  void onlyCashAndCardTendersCarryATip() {
    assertThatThrownBy(
            () ->
                new Tender(
                    UUID.randomUUID(), TenderType.OTHER, uah("10.00"), "V1", null, uah("1.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tender.card(uah("10.00"), "A1B2C3").withTip(uah("-1.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Tender.cash(uah("10.00")).tip()).isEqualTo(uah("0.00"));
  }

  @Property
  void aPresetTipIsWithinHalfAMinorUnitOfItsExactShareAndTakenAtTheMaximum(
      @ForAll @LongRange(min = 1, max = 100_000_000L) long base,
      @ForAll @IntRange(min = 1, max = 100) int percent) {
    Money amount = Money.of(base, io.kasa.domain.Fixtures.UAH);
    Money tip = TipRules.percentOf(amount, Percent.of(percent));
    // |tip × 100 − base × percent| ≤ 50: the exact share, rounded to the nearest minor unit.
    assertThat(Math.abs(tip.minor() * 100 - base * percent)).isLessThanOrEqualTo(50);
    TipRules rules = new TipRules(true, List.of(Percent.of(percent)), Percent.of(percent));
    assertThat(rules.check(amount, tip)).isEmpty();
    assertThat(rules.check(amount, tip.plus(Money.of(1, amount.currency()))))
        .contains(TipRules.Refusal.OVER_MAXIMUM);
  }
}
