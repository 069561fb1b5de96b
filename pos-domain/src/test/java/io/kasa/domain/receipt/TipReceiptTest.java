package io.kasa.domain.receipt;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CardDetails;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import io.kasa.domain.tender.TipRules;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tip on the receipt and the shift report (ADR 0054): beside its tender, not in the totals. */
class TipReceiptTest {

  private static Sale coffeeWithATip() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Кава", uah("45.00"), "VAT20"), Quantity.ONE);
    sale.startTendering();
    Money tip = TipRules.percentOf(uah("45.00"), Percent.of(10));
    sale.addTender(
        new Tender(
            UUID.randomUUID(),
            TenderType.CARD,
            uah("45.00"),
            "T004417",
            new CardDetails("VISA", "4417"),
            tip),
        NOW);
    return sale;
  }

  private static String text(Locale locale) {
    Receipt receipt =
        ReceiptBuilder.forSale(
            coffeeWithATip(),
            new StoreProfile(
                "Kasa Demo Market",
                List.of(),
                "1234567890",
                locale,
                ZoneId.of("Europe/Kyiv"),
                List.of(),
                null),
            new ReceiptContext(new ReceiptNumber("K1", "T1", 7), NOW, "Каса 1", "Олена", false));
    return String.join("\n", new ReceiptTextLayout(42).layout(receipt));
  }

  @Test
  void theTipAndWhatTheCardWasChargedPrintUnderTheCardAndTheTotalStays() {
    assertThat(text(Locale.forLanguageTag("uk")))
        .contains("СУМА")
        .containsPattern("СУМА +45,00")
        .containsPattern("  Чайові +4,50")
        .containsPattern("  Списано з картки +49,50")
        .containsPattern("у т.ч. ПДВ А 20% +7,50");
    assertThat(text(Locale.ENGLISH))
        .containsPattern("  Tip +4.50")
        .containsPattern("  Charged to the card +49.50");
  }

  @Test
  void theShiftReportListsEachEmployeesTipsAndTheCashTipsInTheDrawer() {
    ShiftReportReceipt z = ShiftReportReceiptTest.z(Locale.forLanguageTag("uk-UA"));
    ShiftReportReceipt withTips =
        new ShiftReportReceipt(
            z.kind(),
            z.header(),
            z.takings(),
            z.drawer(),
            z.locale(),
            List.of(
                new ShiftReportReceipt.TipLine(
                    "Олена", Money.of(450, "UAH"), Money.of(1000, "UAH")),
                new ShiftReportReceipt.TipLine(
                    "Андрій", Money.of(310, "UAH"), Money.of(0, "UAH"))));
    String text = String.join("\n", new ReceiptTextLayout(42).layout(withTips));
    assertThat(text)
        .contains("Чайові (належать працівникам)")
        .containsPattern("(?s)Олена\\n +Карткою +4,50\\n +Готівкою +10,00\\n +Чайові +14,50")
        .containsPattern("(?s)Андрій\\n +Карткою +3,10\\n +Чайові +3,10")
        .containsPattern("Чайові разом +17,60")
        .containsPattern("Чайові готівкою +10,00");
    assertThat(String.join("\n", new ReceiptTextLayout(42).layout(z))).doesNotContain("Чайові");
  }
}
