package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import io.kasa.domain.sale.Sale;
import io.kasa.terminal.ui.Banner;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paying: cash, quick amounts, the shift, going back and reprints. */
class PaymentTest {

  private final SaleFixture fixture = new SaleFixture();
  private final SaleViewModel vm = fixture.vm;
  private final List<Sale> completed = fixture.completed;
  private static final Currency UAH = SaleFixture.UAH;

  @Test
  void payingCashGivesChangeAndCompletesTheSaleOnce() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    assertThat(vm.quickCash()).extracting(Money::minor).startsWith(3100L, 4000L, 5000L);
    vm.type("50");
    vm.cash();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    assertThat(vm.changeProperty().get()).isEqualTo("19,00 ₴");
    assertThat(completed).hasSize(1);
    assertThat(vm.receiptNumberProperty().get()).isEqualTo("K1-T1-1");
  }

  @Test
  void quickCashOffersTheExactAmountAndTheNextNotes() {
    assertThat(Payment.quickAmounts(Money.parse("137.40", UAH)))
        .extracting(Money::minor)
        .containsExactly(13740L, 14000L, 15000L, 20000L);
  }

  @Test
  void escapeFromPaymentGoesBackToTheCartBeforeAnyTender() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.backToCart();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.CART);
  }

  @Test
  void payingWantsAnOpenShift() {
    vm.shiftOpenProperty().set(false);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.CART);
    assertThat(vm.bannerProperty().get().text()).contains("Open the shift");
  }

  @Test
  void reprintTheLastReceiptOrSayThereIsNone() {
    vm.reprint();
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.WARNING);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.cash();
    vm.reprint();
    assertThat(vm.bannerProperty().get().text()).isEqualTo("Copy of receipt K1-T1-1 printed");
  }

  @Test
  void cashRoundingIsExplainedBeforePaying() {
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    vm.pay();
    assertThat(vm.dueProperty().get()).isEqualTo("21,25 ₴");
    assertThat(vm.payment().roundingProperty().get())
        .matches("Cash rounded to 21,[23]0 ₴ \\([−+]0,05\\); a card pays 21,25 ₴");
    vm.backToCart();
    assertThat(vm.payment().roundingProperty().get()).isEmpty();
  }
}
