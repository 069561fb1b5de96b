package io.kasa.domain.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tender.TenderType;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShiftReportReceiptTest {

  private static final Locale UK = Locale.forLanguageTag("uk-UA");

  private static Money uah(long minor) {
    return Money.of(minor, "UAH");
  }

  /**
   * The shift of the cloud service's shift test: two sales, one voided, a refund, a blind count.
   */
  static ShiftReportReceipt z(Locale locale) {
    ZonedDateTime opened = ZonedDateTime.parse("2026-11-27T08:00:00+02:00[Europe/Kyiv]");
    return new ShiftReportReceipt(
        ShiftReportReceipt.Kind.Z,
        new ShiftReportReceipt.Header(
            "Kasa Demo Market",
            "T1",
            "4f6e2a10",
            "Андрій",
            opened,
            opened.plusHours(12),
            opened.plusHours(12).plusMinutes(1)),
        new ShiftReportReceipt.Takings(
            2,
            uah(31680),
            uah(0),
            1,
            1,
            uah(15840),
            Map.of(TenderType.CARD, uah(20000), TenderType.CASH, uah(11680)),
            List.of(
                new TaxBreakdownLine(
                    TaxRate.of("VAT20", "ПДВ", "20"), uah(10333), uah(2067), uah(12400)),
                new TaxBreakdownLine(
                    TaxRate.of("VAT7", "ПДВ", "7"), uah(18019), uah(1261), uah(19280))),
            1,
            uah(3100),
            Map.of(TenderType.CASH, uah(3100))),
        new ShiftReportReceipt.Drawer(
            uah(50000), uah(10000), uah(2500), 1, uah(66080), uah(66000), uah(-80)),
        locale);
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 42, 48})
  void everyLineFitsTheColumnsInBothLanguages(int columns) {
    for (Locale locale : List.of(Locale.US, UK)) {
      assertThat(new ReceiptTextLayout(columns).layout(z(locale)))
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
    }
  }

  @Test
  void aZReportInUkrainian() {
    List<ReceiptTextLayout.Line> lines = new ReceiptTextLayout(42).lines(z(UK));
    List<String> text = lines.stream().map(ReceiptTextLayout.Line::text).toList();
    assertThat(text.get(2).trim()).isEqualTo("Z-ЗВІТ");
    assertThat(text)
        .contains(
            "Продажі 2                           316,80",
            "Скасовані чеки 1                    158,40",
            "Повернення 1                         31,00",
            "  Картка                            200,00",
            "Надлишок (+) / нестача (-)           -0,80")
        .noneMatch(l -> l.contains("X-звіт"));
    assertThat(lines)
        .filteredOn(l -> l.emphasis() == ReceiptTextLayout.Emphasis.TOTAL)
        .singleElement()
        .satisfies(l -> assertThat(l.text()).startsWith("ГОТІВКА ОЧІКУВАНА").endsWith("660,80 ₴"));
  }

  @Test
  void anXReportSaysItIsNotFinalAndHasNoCount() {
    ShiftReportReceipt z = z(Locale.US);
    ShiftReportReceipt x =
        new ShiftReportReceipt(
            ShiftReportReceipt.Kind.X,
            new ShiftReportReceipt.Header(
                "Kasa Demo Market",
                "T1",
                "4f6e2a10",
                "Olena",
                z.header().openedAt(),
                null,
                z.header().printedAt()),
            z.takings(),
            new ShiftReportReceipt.Drawer(
                uah(50000), uah(10000), uah(2500), 1, uah(66080), null, null),
            Locale.US);
    List<String> text = new ReceiptTextLayout(32).layout(x);
    assertThat(text.get(2).trim()).isEqualTo("X REPORT");
    assertThat(text).noneMatch(l -> l.startsWith("Closed")).noneMatch(l -> l.startsWith("Counted"));
    assertThat(String.join("\n", text)).contains("the shift goes on");
  }

  @Test
  void theUkrainianBundleHasEveryKeyOfTheEnglishOne() {
    ResourceBundle en = ResourceBundle.getBundle("io.kasa.domain.receipt.ReceiptText", Locale.ROOT);
    ResourceBundle uk = ResourceBundle.getBundle("io.kasa.domain.receipt.ReceiptText", UK);
    assertThat(uk.getLocale().getLanguage()).isEqualTo("uk");
    for (String key : en.keySet()) {
      assertThat(uk.getString(key)).as(key).isNotEqualTo(en.getString(key));
    }
  }
}
