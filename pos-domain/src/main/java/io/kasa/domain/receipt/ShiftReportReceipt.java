package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tender.TenderType;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A shift's X report (mid-shift, the shift goes on) or Z report (at close, final) as a printable
 * document; {@link ReceiptTextLayout} lays it out for the receipt printer.
 *
 * @param kind X or Z
 * @param header who, where and when
 * @param takings what the shift sold and paid back
 * @param drawer the cash drawer's reckoning
 * @param locale the language it prints in
 * @param tips the shift's tips per employee (ADR 0054)
 */
public record ShiftReportReceipt(
    Kind kind, Header header, Takings takings, Drawer drawer, Locale locale, List<TipLine> tips) {

  /** A report of a shift without tips. */
  public ShiftReportReceipt(
      Kind kind, Header header, Takings takings, Drawer drawer, Locale locale) {
    this(kind, header, takings, drawer, locale, List.of());
  }

  /**
   * One employee's tips in the shift: not takings, owed to them.
   *
   * @param employee their name as the report prints it
   * @param card tips on cards (charged to the customers' cards; the drawer never held them)
   * @param cash cash tips (change customers left; in the drawer, counted in the cash expected)
   */
  public record TipLine(String employee, Money card, Money cash) {

    /** Both together. */
    public Money total() {
      return card.plus(cash);
    }
  }

  /** Which report. */
  public enum Kind {
    /** Mid-shift: the shift goes on. */
    X,
    /** At close: final. */
    Z
  }

  public ShiftReportReceipt {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(takings, "takings");
    Objects.requireNonNull(drawer, "drawer");
    Objects.requireNonNull(locale, "locale");
    tips = tips == null ? List.of() : List.copyOf(tips);
  }

  /**
   * Who, where and when.
   *
   * @param storeName printed at the top
   * @param terminal the terminal's code
   * @param shift a short reference of the shift
   * @param printedBy who asked for the report
   * @param openedAt when the shift opened
   * @param closedAt when it closed (Z), or null (X)
   * @param printedAt when the report was made
   */
  public record Header(
      String storeName,
      String terminal,
      String shift,
      String printedBy,
      ZonedDateTime openedAt,
      ZonedDateTime closedAt,
      ZonedDateTime printedAt) {}

  /**
   * What the shift sold and paid back; voided sales are left out of the sales and counted apart.
   *
   * @param sales number of sales
   * @param salesTotal what they came to
   * @param discounts discounts given in them
   * @param voidedLines lines voided before payment
   * @param voidedSales paid sales voided afterwards
   * @param voidedSalesTotal what those had come to
   * @param byTender money taken per tender (cash net of change)
   * @param byTax the sales' tax per rate
   * @param refunds number of refunds
   * @param refundsTotal money refunded
   * @param refundsByTender money paid back per tender
   */
  public record Takings(
      long sales,
      Money salesTotal,
      Money discounts,
      long voidedLines,
      long voidedSales,
      Money voidedSalesTotal,
      Map<TenderType, Money> byTender,
      List<TaxBreakdownLine> byTax,
      long refunds,
      Money refundsTotal,
      Map<TenderType, Money> refundsByTender) {

    public Takings {
      byTender = ordered(byTender);
      byTax = List.copyOf(byTax);
      refundsByTender = ordered(refundsByTender);
    }

    private static Map<TenderType, Money> ordered(Map<TenderType, Money> amounts) {
      Map<TenderType, Money> copy = new EnumMap<>(TenderType.class);
      copy.putAll(amounts);
      return java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * The cash drawer: what should be in it, and at close what was counted.
   *
   * @param openingFloat the float the shift started with
   * @param cashIn cash put in
   * @param cashOut cash taken out
   * @param noSales drawer openings without a sale
   * @param expected float + cash taken + cash tips − cash paid back + in − out
   * @param counted counted at close, or null
   * @param overShort counted − expected, or null
   */
  public record Drawer(
      Money openingFloat,
      Money cashIn,
      Money cashOut,
      long noSales,
      Money expected,
      Money counted,
      Money overShort) {}
}
