package io.kasa.api.shifts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An X report (shift still open) or Z report (at close).
 *
 * @param shiftId the shift
 * @param kind X or Z
 * @param openedAt when the shift opened
 * @param closedAt when it closed, or null
 * @param openingFloat the float
 * @param sales number of sales (voided ones left out)
 * @param salesTotal what the sales came to
 * @param discounts discounts given
 * @param voidedLines lines voided in sales
 * @param voidedSales paid sales voided afterwards (left out of the totals above and below)
 * @param voidedSalesTotal what the voided sales had come to
 * @param byTender money taken per tender type (cash net of change)
 * @param byTax tax per tax class
 * @param refunds number of refunds
 * @param refundsTotal money refunded
 * @param refundsByTender money paid back per tender type
 * @param noSales drawer openings without a sale
 * @param cashIn cash put in
 * @param cashOut cash taken out
 * @param cashExpected float + cash taken + cash tips − cash paid back + in − out
 * @param counted cash counted at close, or null
 * @param overShort counted − expected, or null
 * @param number the shift's readable number: store, terminal and sequence ({@code K1-T1-0003});
 *     null in reports kept from before shifts were numbered
 * @param tips each employee's tips in the shift, card and cash (ADR 0054), by name; empty (or null
 *     in reports kept from before tips) when none
 */
public record ShiftReport(
    UUID shiftId,
    String kind,
    Instant openedAt,
    Instant closedAt,
    long openingFloat,
    long sales,
    long salesTotal,
    long discounts,
    long voidedLines,
    long voidedSales,
    long voidedSalesTotal,
    Map<String, Long> byTender,
    List<TaxLine> byTax,
    long refunds,
    long refundsTotal,
    Map<String, Long> refundsByTender,
    long noSales,
    long cashIn,
    long cashOut,
    long cashExpected,
    Long counted,
    Long overShort,
    String number,
    List<TipLine> tips) {

  /**
   * One employee's tips in a shift: not takings, owed to them.
   *
   * @param employeeId the employee who took the sales
   * @param employee their name
   * @param card tips charged to cards, in minor units
   * @param cash cash tips left in the drawer, in minor units (counted in the cash expected)
   */
  public record TipLine(UUID employeeId, String employee, long card, long cash) {}

  /** The shift's cash tips, all employees together: in the drawer, counted in the cash expected. */
  public long cashTips() {
    return tips == null ? 0 : tips.stream().mapToLong(TipLine::cash).sum();
  }

  /** The shift's card tips, all employees together. */
  public long cardTips() {
    return tips == null ? 0 : tips.stream().mapToLong(TipLine::card).sum();
  }

  /**
   * Tax of one class at one rate (a rate changed mid-shift gives two lines).
   *
   * @param taxClass the class
   * @param label its label on receipts, e.g. ПДВ
   * @param rate the rate in percent, a decimal string
   * @param net net amount
   * @param tax tax
   * @param gross gross amount
   */
  public record TaxLine(
      String taxClass, String label, String rate, long net, long tax, long gross) {}
}
