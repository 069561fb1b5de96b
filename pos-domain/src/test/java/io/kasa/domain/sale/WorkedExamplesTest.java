package io.kasa.domain.sale;

import static io.kasa.domain.Fixtures.CHF;
import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.newYork;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static io.kasa.domain.Fixtures.usd;
import static io.kasa.domain.Fixtures.weighed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receipts worked out by hand; each table is what the sale engine must produce to the cent. */
class WorkedExamplesTest {

  @Test
  void ukrainianVatInclusiveReceiptWith20And7PercentRoundedPerLine() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Хліб", uah("10.04"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Молоко", uah("10.04"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Ліки", uah("120.00"), "VAT7"), Quantity.ONE);

    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 А gross 10.04 line-off 0.00 order-off 0.00 amount 10.04 tax 1.67 pay 10.04
            2 А gross 10.04 line-off 0.00 order-off 0.00 amount 10.04 tax 1.67 pay 10.04
            3 Б gross 120.00 line-off 0.00 order-off 0.00 amount 120.00 tax 7.85 pay 120.00
            subtotal 140.08 line-off 0.00 order-off 0.00 tax 11.19 total 140.08
            А 20% net 16.74 tax 3.34 gross 20.08
            Б 7% net 112.15 tax 7.85 gross 120.00""");
  }

  @Test
  void theSameReceiptRoundedPerReceiptCarriesOneCentMoreVat() {
    Sale sale = openSale(ukraine(TaxRounding.PER_RECEIPT));
    sale.addItem(item("Хліб", uah("10.04"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Молоко", uah("10.04"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Ліки", uah("120.00"), "VAT7"), Quantity.ONE);

    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 А gross 10.04 line-off 0.00 order-off 0.00 amount 10.04 tax 1.68 pay 10.04
            2 А gross 10.04 line-off 0.00 order-off 0.00 amount 10.04 tax 1.67 pay 10.04
            3 Б gross 120.00 line-off 0.00 order-off 0.00 amount 120.00 tax 7.85 pay 120.00
            subtotal 140.08 line-off 0.00 order-off 0.00 tax 11.20 total 140.08
            А 20% net 16.73 tax 3.35 gross 20.08
            Б 7% net 112.15 tax 7.85 gross 120.00""");
  }

  @Test
  void usExclusiveSalesTaxAddedOnTopPerReceipt() {
    Sale sale = openSale(newYork());
    sale.addItem(item("Shirt", usd("19.99"), "NY"), Quantity.of(2));
    sale.addItem(item("Soap", usd("4.99"), "NY"), Quantity.ONE);
    sale.addItem(item("Bread", usd("3.49"), "FOOD"), Quantity.ONE);

    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 T gross 39.98 line-off 0.00 order-off 0.00 amount 39.98 tax 3.55 pay 43.53
            2 T gross 4.99 line-off 0.00 order-off 0.00 amount 4.99 tax 0.44 pay 5.43
            3 N gross 3.49 line-off 0.00 order-off 0.00 amount 3.49 tax 0.00 pay 3.49
            subtotal 48.46 line-off 0.00 order-off 0.00 tax 3.99 total 52.45
            T 8.875% net 44.97 tax 3.99 gross 48.96
            N 0% net 3.49 tax 0.00 gross 3.49""");
  }

  @Test
  void weighedItemsArePricedToTheGramAndRoundedHalfUp() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(weighed("Яблука", uah("59.90"), "VAT20"), Quantity.parse("0.375"));
    sale.addItem(weighed("Груші", uah("42.50"), "VAT20"), Quantity.parse("1.275"));

    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 А gross 22.46 line-off 0.00 order-off 0.00 amount 22.46 tax 3.74 pay 22.46
            2 А gross 54.19 line-off 0.00 order-off 0.00 amount 54.19 tax 9.03 pay 54.19
            subtotal 76.65 line-off 0.00 order-off 0.00 tax 12.77 total 76.65
            А 20% net 63.88 tax 12.77 gross 76.65""");
  }

  @Test
  void orderDiscountIsSpreadOverMixedRatesSoEachRateKeepsItsTax() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Сир", uah("33.33"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Вітаміни", uah("66.67"), "VAT7"), Quantity.ONE);
    sale.discountOrder(Discount.amount(uah("10.00"), "Картка лояльності"));

    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 А gross 33.33 line-off 0.00 order-off 3.33 amount 30.00 tax 5.00 pay 30.00
            2 Б gross 66.67 line-off 0.00 order-off 6.67 amount 60.00 tax 3.93 pay 60.00
            subtotal 100.00 line-off 0.00 order-off 10.00 tax 8.93 total 90.00
            А 20% net 25.00 tax 5.00 gross 30.00
            Б 7% net 56.07 tax 3.93 gross 60.00""");
  }

  @Test
  void lineDiscountComesOffBeforeTheOrderDiscountIsSpread() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Кава", uah("189.90"), "VAT20"), Quantity.of(2));
    sale.addItem(item("Чай", uah("60.20"), "VAT20"), Quantity.ONE);
    sale.discountLine(1, Discount.percent(Percent.of(10), "Акція"));
    sale.discountOrder(Discount.percent(Percent.of(5), "Пенсіонер"));
    // Line 1: 379.80 - 37.98 = 341.82; base 402.02; 5 % = 20.10 spread 17.09 / 3.01.
    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 А gross 379.80 line-off 37.98 order-off 17.09 amount 324.73 tax 54.12 pay 324.73
            2 А gross 60.20 line-off 0.00 order-off 3.01 amount 57.19 tax 9.53 pay 57.19
            subtotal 440.00 line-off 37.98 order-off 20.10 tax 63.65 total 381.92
            А 20% net 318.27 tax 63.65 gross 381.92""");
  }

  @Test
  void splitTenderRoundsOnlyTheCashPart() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Хліб", uah("10.04"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Молоко", uah("10.04"), "VAT20"), Quantity.ONE);
    sale.addItem(item("Ліки", uah("120.00"), "VAT7"), Quantity.ONE);
    sale.startTendering();

    assertThat(sale.addTender(Tender.card(uah("100.00"), "auth 1"), NOW))
        .isEqualTo(SaleState.TENDERING);
    assertThat(sale.amountDue()).isEqualTo(uah("40.08"));
    assertThat(sale.cashDue()).isEqualTo(uah("40.10"));
    assertThat(sale.addTender(Tender.cash(uah("50.00")), NOW)).isEqualTo(SaleState.PAID);

    assertThat(sale.cashRounding()).isEqualTo(uah("0.02"));
    assertThat(sale.change()).isEqualTo(uah("9.90"));
    assertThat(sale.tenders())
        .extracting(Tender::amount)
        .containsExactly(uah("100.00"), uah("50.00"));
  }

  @Test
  void swissCashRoundsToFiveCentimesAndCardsDoNot() {
    SalePolicy swiss =
        SalePolicy.of(
            CHF,
            TaxPolicy.inclusive(TaxRounding.PER_RECEIPT, TaxRate.of("N", "A", "8.1")),
            CashRounding.to(Money.parse("0.05", CHF)));
    Sale sale = openSale(swiss);
    sale.addItem(item("Käse", Money.parse("47.02", CHF), "N"), Quantity.ONE);
    sale.startTendering();
    sale.addTender(Tender.card(Money.parse("20.00", CHF), null), NOW);
    sale.addTender(Tender.cash(Money.parse("27.00", CHF)), NOW);

    assertThat(sale.state()).isEqualTo(SaleState.PAID);
    assertThat(sale.cashRounding()).isEqualTo(Money.parse("-0.02", CHF));
    assertThat(sale.change()).isEqualTo(Money.parse("0.00", CHF));
  }

  @Test
  void partialRefundsReturnExactlyWhatWasPaidTaxIncluded() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Сир", uah("33.33"), "VAT20"), Quantity.of(3));
    sale.addItem(item("Вітаміни", uah("50.00"), "VAT7"), Quantity.ONE);
    sale.discountOrder(Discount.percent(Percent.of(10), "Акція"));
    assertThat(TotalsTable.of(sale.totals()))
        .isEqualTo(
            """
            1 А gross 99.99 line-off 0.00 order-off 10.00 amount 89.99 tax 15.00 pay 89.99
            2 Б gross 50.00 line-off 0.00 order-off 5.00 amount 45.00 tax 2.94 pay 45.00
            subtotal 149.99 line-off 0.00 order-off 15.00 tax 17.94 total 134.99
            А 20% net 74.99 tax 15.00 gross 89.99
            Б 7% net 42.06 tax 2.94 gross 45.00""");
    sale.startTendering();
    sale.addTender(Tender.card(uah("100.00"), "auth 7"), NOW);
    sale.addTender(Tender.cash(uah("35.00")), NOW);
    assertThat(sale.cashRounding()).isEqualTo(uah("0.01"));

    Refund first =
        sale.refund(
            UUID.randomUUID(),
            List.of(RefundRequest.of(1, "1")),
            RefundMethod.ORIGINAL_TENDERS,
            "Пошкоджена упаковка",
            NOW);
    assertThat(first.total()).isEqualTo(uah("30.00"));
    assertThat(first.tax()).isEqualTo(uah("5.00"));
    assertThat(first.payouts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.type()).isEqualTo(TenderType.CARD);
              assertThat(p.amount()).isEqualTo(uah("30.00"));
            });
    assertThat(sale.state()).isEqualTo(SaleState.PARTLY_REFUNDED);

    assertThatThrownBy(
            () ->
                sale.refund(
                    UUID.randomUUID(),
                    List.of(RefundRequest.of(1, "3")),
                    RefundMethod.CASH,
                    "Повернення",
                    NOW))
        .isInstanceOf(SaleRuleViolation.class)
        .hasMessageContaining("only 2 of 3");

    Refund second =
        sale.refund(
            UUID.randomUUID(),
            List.of(RefundRequest.of(2, "1")),
            RefundMethod.ORIGINAL_TENDERS,
            "Не підійшло",
            NOW);
    assertThat(second.total()).isEqualTo(uah("45.00"));
    assertThat(second.tax()).isEqualTo(uah("2.94"));

    Refund last =
        sale.refund(
            UUID.randomUUID(),
            List.of(RefundRequest.of(1, "2")),
            RefundMethod.ORIGINAL_TENDERS,
            "Не підійшло",
            NOW);
    assertThat(last.total()).isEqualTo(uah("59.99"));
    assertThat(last.tax()).isEqualTo(uah("10.00"));
    assertThat(last.payouts())
        .extracting(Tender::type, Tender::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TenderType.CARD, uah("25.00")),
            org.assertj.core.groups.Tuple.tuple(TenderType.CASH, uah("35.00")));
    assertThat(last.cashRounding()).isEqualTo(uah("0.01"));
    assertThat(sale.state()).isEqualTo(SaleState.FULLY_REFUNDED);
  }
}
