package io.kasa.service.office;

import io.kasa.api.office.OfficeShift;
import io.kasa.api.office.OfficeShiftMovement;
import io.kasa.api.shifts.ShiftReport;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.service.shifts.ShiftSheet;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A shift's page's figures (ADR 0049): its X or Z report and cash movements, labelled with the
 * till's report words ({@link ShiftSheet#word}), the words its PDF prints.
 */
public final class ShiftFigures {

  private ShiftFigures() {}

  /**
   * A line of figures: a label, a count (or "") and an amount (or "").
   *
   * @param label the till's report word for it
   * @param count how many, or ""
   * @param amount how much, or ""
   */
  public record Line(String label, String count, String amount) {}

  /**
   * A tax class's line.
   *
   * @param label the class's label and rate
   * @param net net amount
   * @param tax tax
   * @param gross gross amount
   */
  public record TaxRow(String label, String net, String tax, String gross) {}

  /**
   * A cash movement as shown.
   *
   * @param time when, in the store's zone
   * @param iso the same for {@code <time datetime>}
   * @param type its type in words
   * @param amount its signed amount, or "" for a no-sale
   * @param reason its reason
   * @param who who recorded it, and who approved it
   */
  public record Move(
      String time, String iso, String type, String amount, String reason, String who) {}

  /**
   * What the shift's template reads.
   *
   * @param row the shift as listed
   * @param report X or Z
   * @param title the report's title in the till's words (X REPORT, Z REPORT)
   * @param takings sales, discounts, voids and refunds
   * @param byTender money taken by tender type
   * @param refundsByTender money paid back by tender type
   * @param byTax the tax classes
   * @param moves the cash movements, oldest first
   * @param drawer float, cash in and out, no-sales, expected, counted
   * @param notFinal the X report's warning in the till's words, or null for a Z report
   * @param pdf the PDF's address
   * @param locale the language of the till's report words
   * @param tips each employee's tips (ADR 0054), then the shift's in all; empty when none
   */
  public record Sheet(
      ShiftsPages.Row row,
      String report,
      String title,
      List<Line> takings,
      List<Line> byTender,
      List<Line> refundsByTender,
      List<TaxRow> byTax,
      List<Move> moves,
      List<Line> drawer,
      String notFinal,
      String pdf,
      Locale locale,
      List<TipRow> tips) {

    /** The till's report word (or the sheet's own) {@code key}: the PDF's words. */
    public String word(String key) {
      return ShiftSheet.word(key, locale);
    }
  }

  /**
   * One employee's tips in the shift, or (employee empty) the shift's in all.
   *
   * @param employee their name
   * @param card on cards
   * @param cash in cash
   * @param total both
   */
  public record TipRow(String employee, String card, String cash, String total) {}

  /** The shift's figures in the till's report words (the PDF's words). */
  static Sheet sheet(View view, OfficeShift s, ShiftsPages.Row row) {
    Locale locale = Locale.forLanguageTag(view.lang());
    MoneyFormat money = new MoneyFormat(locale);
    Currency currency = Currency.getInstance(s.shift().currency());
    ShiftReport r = s.report();
    java.util.function.LongFunction<String> amount =
        minor -> money.withSymbol(Money.of(minor, currency));
    List<Line> takings =
        List.of(
            new Line(word("sales", locale), Long.toString(r.sales()), amount.apply(r.salesTotal())),
            new Line(word("discounts", locale), "", amount.apply(r.discounts())),
            new Line(word("voidedLines", locale), Long.toString(r.voidedLines()), ""),
            new Line(
                word("voidedSales", locale),
                Long.toString(r.voidedSales()),
                amount.apply(r.voidedSalesTotal())),
            new Line(
                word("refunds", locale),
                Long.toString(r.refunds()),
                amount.apply(r.refundsTotal())));
    List<Line> byTender = new ArrayList<>();
    r.byTender()
        .forEach(
            (type, minor) ->
                byTender.add(new Line(word("tender." + type, locale), "", amount.apply(minor))));
    List<Line> refundsByTender = new ArrayList<>();
    r.refundsByTender()
        .forEach(
            (type, minor) ->
                refundsByTender.add(
                    new Line(word("tender." + type, locale), "", amount.apply(minor))));
    List<TaxRow> byTax = new ArrayList<>();
    for (ShiftReport.TaxLine t : r.byTax()) {
      byTax.add(
          new TaxRow(
              t.label() + " " + t.rate() + "%",
              amount.apply(t.net()),
              amount.apply(t.tax()),
              amount.apply(t.gross())));
    }
    java.time.ZoneId zone = ShiftSheet.zone(s.shift().timeZone());
    List<Move> moves = new ArrayList<>();
    for (OfficeShiftMovement m : s.movements()) {
      moves.add(
          new Move(
              ShiftsPages.TIME.format(m.at().atZone(zone)),
              m.at().toString(),
              word("movement." + m.type(), locale),
              "NO_SALE".equals(m.type())
                  ? ""
                  : ("OUT".equals(m.type()) ? "−" : "+") + amount.apply(m.amount()),
              m.reason(),
              m.employee().name()
                  + (m.approvedBy() == null
                      ? ""
                      : ", " + ShiftSheet.word("approvedBy", locale, m.approvedBy().name()))));
    }
    List<Line> drawer = new ArrayList<>();
    drawer.add(new Line(word("openingFloat", locale), "", amount.apply(r.openingFloat())));
    if (r.cashTips() > 0) {
      drawer.add(new Line(word("cashTips", locale), "", "+" + amount.apply(r.cashTips())));
    }
    drawer.add(
        new Line(
            word("cashIn", locale), "", (r.cashIn() > 0 ? "+" : "") + amount.apply(r.cashIn())));
    drawer.add(
        new Line(
            word("cashOut", locale), "", (r.cashOut() > 0 ? "−" : "") + amount.apply(r.cashOut())));
    drawer.add(new Line(word("noSales", locale), Long.toString(r.noSales()), ""));
    drawer.add(new Line(word("expected", locale), "", amount.apply(r.cashExpected())));
    if (r.counted() != null) {
      drawer.add(new Line(word("counted", locale), "", amount.apply(r.counted())));
    }
    return new Sheet(
        row,
        r.kind(),
        word("report." + r.kind(), locale),
        takings,
        byTender,
        refundsByTender,
        byTax,
        moves,
        drawer,
        "X".equals(r.kind()) ? word("notFinal", locale) : null,
        "/office/shifts/" + s.shift().id() + "/pdf",
        locale,
        tips(r, amount));
  }

  private static List<TipRow> tips(ShiftReport r, java.util.function.LongFunction<String> amount) {
    List<TipRow> out = new ArrayList<>();
    if (r.tips() == null || r.tips().isEmpty()) {
      return out;
    }
    for (ShiftReport.TipLine t : r.tips()) {
      out.add(
          new TipRow(
              t.employee(),
              amount.apply(t.card()),
              amount.apply(t.cash()),
              amount.apply(t.card() + t.cash())));
    }
    out.add(
        new TipRow(
            "",
            amount.apply(r.cardTips()),
            amount.apply(r.cashTips()),
            amount.apply(r.cardTips() + r.cashTips())));
    return out;
  }

  private static String word(String key, Locale locale) {
    return ShiftSheet.word(key, locale);
  }
}
