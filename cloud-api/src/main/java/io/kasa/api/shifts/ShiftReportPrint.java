package io.kasa.api.shifts;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.receipt.ShiftReportReceipt;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tender.TenderType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Turns the service's X or Z report into the pos-domain model the terminal prints. */
public final class ShiftReportPrint {

  private ShiftReportPrint() {}

  /**
   * Where and for whom the report prints.
   *
   * @param storeName printed at the top
   * @param terminal the terminal's code
   * @param printedBy who asked for it
   * @param currency the store's currency
   * @param zone the store's time zone
   * @param printedAt now
   * @param locale the language it prints in
   */
  public record Context(
      String storeName,
      String terminal,
      String printedBy,
      Currency currency,
      ZoneId zone,
      Instant printedAt,
      Locale locale) {}

  public static ShiftReportReceipt receipt(ShiftReport r, Context c) {
    Currency cur = c.currency();
    return new ShiftReportReceipt(
        ShiftReportReceipt.Kind.valueOf(r.kind()),
        new ShiftReportReceipt.Header(
            c.storeName(),
            c.terminal(),
            r.number() != null ? r.number() : r.shiftId().toString().substring(0, 8),
            c.printedBy(),
            r.openedAt().atZone(c.zone()),
            r.closedAt() == null ? null : r.closedAt().atZone(c.zone()),
            c.printedAt().atZone(c.zone())),
        new ShiftReportReceipt.Takings(
            r.sales(),
            Money.of(r.salesTotal(), cur),
            Money.of(r.discounts(), cur),
            r.voidedLines(),
            r.voidedSales(),
            Money.of(r.voidedSalesTotal(), cur),
            byTender(r.byTender(), cur),
            r.byTax().stream()
                .map(
                    t ->
                        new TaxBreakdownLine(
                            new TaxRate(t.taxClass(), t.label(), Percent.parse(t.rate())),
                            Money.of(t.net(), cur),
                            Money.of(t.tax(), cur),
                            Money.of(t.gross(), cur)))
                .toList(),
            r.refunds(),
            Money.of(r.refundsTotal(), cur),
            byTender(r.refundsByTender(), cur)),
        new ShiftReportReceipt.Drawer(
            Money.of(r.openingFloat(), cur),
            Money.of(r.cashIn(), cur),
            Money.of(r.cashOut(), cur),
            r.noSales(),
            Money.of(r.cashExpected(), cur),
            r.counted() == null ? null : Money.of(r.counted(), cur),
            r.overShort() == null ? null : Money.of(r.overShort(), cur)),
        c.locale(),
        r.tips() == null
            ? java.util.List.of()
            : r.tips().stream()
                .map(
                    t ->
                        new ShiftReportReceipt.TipLine(
                            t.employee(), Money.of(t.card(), cur), Money.of(t.cash(), cur)))
                .toList());
  }

  /** Amounts by tender type; a type this terminal does not know is counted as OTHER. */
  private static Map<TenderType, Money> byTender(Map<String, Long> amounts, Currency cur) {
    Map<TenderType, Money> out = new EnumMap<>(TenderType.class);
    amounts.forEach(
        (type, minor) -> {
          TenderType t;
          try {
            t = TenderType.valueOf(type);
          } catch (IllegalArgumentException e) {
            t = TenderType.OTHER;
          }
          out.merge(t, Money.of(minor, cur), Money::plus);
        });
    return out;
  }
}
