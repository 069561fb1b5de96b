package io.kasa.api.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.ShiftReportReceipt;
import io.kasa.domain.tender.TenderType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShiftReportPrintTest {

  private static final Currency UAH = Currency.getInstance("UAH");

  @Test
  void anXReportMapsToThePrintModelInTheStoresZone() {
    ShiftReport x =
        new ShiftReport(
            UUID.fromString("4f6e2a10-0000-4000-8000-000000000001"),
            "X",
            Instant.parse("2026-11-27T06:00:00Z"),
            null,
            50000,
            3,
            47520,
            500,
            2,
            1,
            15840,
            Map.of("CASH", 27520L, "CARD", 10000L, "OTHER", 5000L, "VOUCHER", 5000L),
            List.of(new ShiftReport.TaxLine("VAT20", "А", "20", 10000, 2000, 12000)),
            0,
            0,
            Map.of(),
            0,
            0,
            0,
            77520,
            null,
            null,
            "K1-T1-0003",
            List.of(new ShiftReport.TipLine(UUID.randomUUID(), "Олена", 1500, 300)));
    ShiftReportReceipt r =
        ShiftReportPrint.receipt(
            x,
            new ShiftReportPrint.Context(
                "Kasa Demo Market",
                "T1",
                "Олена",
                UAH,
                ZoneId.of("Europe/Kyiv"),
                Instant.parse("2026-11-27T12:00:00Z"),
                Locale.forLanguageTag("uk")));
    assertThat(r.kind()).isEqualTo(ShiftReportReceipt.Kind.X);
    assertThat(r.header().shift()).isEqualTo("K1-T1-0003");
    assertThat(r.header().openedAt().getHour()).isEqualTo(8);
    assertThat(r.header().closedAt()).isNull();
    // A tender type this terminal does not know counts as OTHER.
    assertThat(r.takings().byTender())
        .containsEntry(TenderType.OTHER, Money.of(10000, UAH))
        .containsEntry(TenderType.CASH, Money.of(27520, UAH));
    assertThat(r.takings().byTax().get(0).rate().rate().value()).isEqualByComparingTo("20");
    assertThat(r.drawer().counted()).isNull();
    assertThat(r.drawer().expected()).isEqualTo(Money.of(77520, UAH));
    assertThat(r.tips())
        .containsExactly(
            new ShiftReportReceipt.TipLine("Олена", Money.of(1500, UAH), Money.of(300, UAH)));
  }
}
