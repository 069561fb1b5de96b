package io.kasa.domain.sale;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static io.kasa.domain.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.SaleRuleViolation.Rule;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.Tender;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SaleRulesTest {

  private final Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
  private final CatalogItem bread = item("Хліб", uah("30.00"), "VAT20");

  @ParameterizedTest
  @EnumSource(
      value = SaleState.class,
      names = {"PAID", "PARTLY_REFUNDED", "FULLY_REFUNDED"})
  void aPaidSaleCanNeverGoBack(SaleState paid) {
    EnumSet<SaleState> backwards =
        EnumSet.of(SaleState.OPEN, SaleState.TENDERING, SaleState.PAID, SaleState.CANCELLED);
    for (SaleState earlier : backwards) {
      assertThat(paid.canMoveTo(earlier)).as("%s -> %s", paid, earlier).isFalse();
    }
  }

  @Test
  void finalStatesHaveNoSuccessors() {
    assertThat(SaleState.FULLY_REFUNDED.successors()).isEmpty();
    assertThat(SaleState.CANCELLED.successors()).isEmpty();
  }

  @Test
  void aPaidSaleRefusesCartEditsTendersAndCancellation() {
    sale.addItem(bread, Quantity.ONE);
    sale.startTendering();
    sale.addTender(Tender.cash(uah("30.00")), NOW);

    assertRule(() -> sale.addItem(bread, Quantity.ONE), Rule.WRONG_STATE);
    assertRule(() -> sale.voidLine(1), Rule.WRONG_STATE);
    assertRule(() -> sale.addTender(Tender.cash(uah("1.00")), NOW), Rule.WRONG_STATE);
    assertRule(sale::cancel, Rule.WRONG_STATE);
    assertRule(sale::backToCart, Rule.WRONG_STATE);
    assertThat(sale.state()).isEqualTo(SaleState.PAID);
  }

  @Test
  void aCardCannotGiveChange() {
    sale.addItem(bread, Quantity.ONE);
    sale.startTendering();
    assertRule(
        () -> sale.addTender(Tender.card(uah("50.00"), "x"), NOW), Rule.NON_CASH_OVERPAYMENT);
    assertThat(sale.tenders()).isEmpty();
  }

  @Test
  void partialCashMustLeaveSomethingDue() {
    sale.addItem(item("Жуйка", uah("0.08"), "VAT20"), Quantity.ONE);
    sale.startTendering();
    assertThat(sale.cashDue()).isEqualTo(uah("0.10"));
    assertRule(() -> sale.addTender(Tender.cash(uah("0.09")), NOW), Rule.CASH_SHORT_OF_ROUNDED_DUE);
    assertThat(sale.addTender(Tender.cash(uah("0.10")), NOW)).isEqualTo(SaleState.PAID);
    assertThat(sale.cashRounding()).isEqualTo(uah("0.02"));
  }

  @Test
  void goingBackToTheCartIsAllowedOnlyBeforeAnyPayment() {
    sale.addItem(bread, Quantity.of(2));
    sale.startTendering();
    sale.backToCart();
    sale.startTendering();
    sale.addTender(Tender.card(uah("10.00"), "x"), NOW);
    assertRule(sale::backToCart, Rule.TENDERS_PRESENT);
    assertRule(sale::cancel, Rule.TENDERS_PRESENT);
  }

  @Test
  void anEmptySaleCannotBePaid() {
    assertRule(sale::startTendering, Rule.EMPTY_SALE);
    sale.addItem(bread, Quantity.ONE);
    sale.voidLine(1);
    assertRule(sale::startTendering, Rule.EMPTY_SALE);
  }

  @Test
  void voidedLinesStayForTheRecordButCountForNothing() {
    sale.addItem(bread, Quantity.ONE);
    sale.addItem(item("Сік", uah("45.00"), "VAT20"), Quantity.ONE);
    sale.voidLine(1);
    assertThat(sale.lines()).hasSize(2);
    assertThat(sale.line(1).voided()).isTrue();
    assertThat(sale.totals().total()).isEqualTo(uah("45.00"));
    assertRule(() -> sale.changeQuantity(1, Quantity.of(2)), Rule.LINE_VOIDED);
  }

  @Test
  void countedItemsRefuseFractionalQuantities() {
    assertRule(
        () -> sale.addItem(bread, Quantity.parse("0.5")),
        Rule.FRACTIONAL_QUANTITY_FOR_COUNTED_ITEM);
    assertRule(() -> sale.addItem(bread, Quantity.ZERO), Rule.QUANTITY_NOT_POSITIVE);
  }

  @Test
  void priceOverrideKeepsTheCatalogPriceAndNeedsAReason() {
    sale.addItem(bread, Quantity.ONE);
    assertRule(() -> sale.overridePrice(1, uah("25.00"), " "), Rule.REASON_REQUIRED);
    sale.overridePrice(1, uah("25.00"), "Черствий");
    sale.overridePrice(1, uah("20.00"), "Дуже черствий");
    SaleLine line = sale.line(1);
    assertThat(line.unitPrice()).isEqualTo(uah("20.00"));
    assertThat(line.override().originalUnitPrice()).isEqualTo(uah("30.00"));
    assertThat(sale.totals().total()).isEqualTo(uah("20.00"));
  }

  @Test
  void openPriceItemsNeedAPrice() {
    CatalogItem gift = item("Подарунок", uah("0.00"), "VAT20").withOpenPrice();
    assertRule(() -> sale.addItem(gift, Quantity.ONE), Rule.OPEN_PRICE_REQUIRED);
    sale.addOpenPriceItem(gift, Quantity.ONE, uah("99.00"));
    assertThat(sale.totals().total()).isEqualTo(uah("99.00"));
  }

  @Test
  void discountsCannotExceedWhatTheyApplyTo() {
    sale.addItem(bread, Quantity.ONE);
    assertRule(
        () -> sale.discountLine(1, Discount.amount(uah("31.00"), "x")), Rule.DISCOUNT_TOO_LARGE);
    assertRule(
        () -> sale.discountOrder(Discount.amount(uah("30.01"), "x")), Rule.DISCOUNT_TOO_LARGE);
    assertRule(() -> Discount.percent(Percent.of(101), "x"), Rule.DISCOUNT_TOO_LARGE);
  }

  @Test
  void amountsInAnotherCurrencyAreRefused() {
    sale.addItem(bread, Quantity.ONE);
    assertRule(() -> sale.overridePrice(1, usd("1.00"), "x"), Rule.CURRENCY_MISMATCH);
  }

  @Test
  void aFreeSaleIsSettledWithAZeroCashTender() {
    sale.addItem(bread, Quantity.ONE);
    sale.discountOrder(Discount.percent(Percent.HUNDRED, "Подарунок"));
    sale.startTendering();
    assertThat(sale.addTender(Tender.cash(uah("0.00")), NOW)).isEqualTo(SaleState.PAID);
  }

  @Test
  void aRejectedRefundChangesNothing() {
    sale.addItem(bread, Quantity.of(2));
    sale.startTendering();
    sale.addTender(Tender.cash(uah("60.00")), NOW);
    assertRule(
        () ->
            sale.refund(
                UUID.randomUUID(),
                List.of(RefundRequest.of(1, "1"), RefundRequest.of(1, "2")),
                RefundMethod.CASH,
                "x",
                NOW),
        Rule.REFUND_EXCEEDS_SOLD);
    assertRule(
        () -> sale.refund(UUID.randomUUID(), List.of(), RefundMethod.CASH, "x", NOW),
        Rule.REFUND_EMPTY);
    assertThat(sale.refundedQuantity(1)).isEqualTo(Quantity.ZERO);
    assertThat(sale.state()).isEqualTo(SaleState.PAID);
  }

  @Test
  void anUnpaidSaleCannotBeRefunded() {
    sale.addItem(bread, Quantity.ONE);
    assertRule(
        () ->
            sale.refund(
                UUID.randomUUID(), List.of(RefundRequest.of(1, "1")), RefundMethod.CASH, "x", NOW),
        Rule.WRONG_STATE);
  }

  private static void assertRule(Runnable command, Rule rule) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(SaleRuleViolation.class, e -> assertThat(e.rule()).isEqualTo(rule));
  }
}
