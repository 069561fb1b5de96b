package io.kasa.api.sales;

import java.time.Instant;
import java.util.List;

/**
 * A receipt as its customer sees it on {@code GET /v1/receipts/{token}} (ADR 0041): what the
 * printed receipt says, and nothing of the customer beyond it (cards masked, no employee ids).
 *
 * @param token the receipt's token
 * @param receiptNumber its number
 * @param state PAID, PARTLY_REFUNDED, FULLY_REFUNDED or VOIDED
 * @param locale the store's language (BCP 47), in which the page is shown
 * @param currency ISO 4217 code; every amount is in its minor units
 * @param paidAt when it was paid
 * @param timeZone the store's time zone, in which the receipt prints its time
 * @param store the store as the receipt names it
 * @param lines the lines sold (voided ones left out, as printed)
 * @param totals the receipt's totals
 * @param taxes the taxes by rate
 * @param payments the payments, cards masked
 * @param refunds the refunds made against it so far, in order
 * @param voidedAt when a manager voided the sale after it was paid, or null
 * @param printed the receipt's text as the till prints it, line by line
 */
public record PublicReceipt(
    String token,
    String receiptNumber,
    String state,
    String locale,
    String currency,
    Instant paidAt,
    String timeZone,
    Store store,
    List<Line> lines,
    Totals totals,
    List<Tax> taxes,
    List<Payment> payments,
    List<RefundView> refunds,
    Instant voidedAt,
    List<String> printed) {

  /**
   * The store.
   *
   * @param name trading name
   * @param header the lines under the name: legal name, address, tax identifiers
   * @param footer the closing lines
   */
  public record Store(String name, List<String> header, List<String> footer) {}

  /**
   * A line.
   *
   * @param name the item
   * @param quantity decimal string
   * @param unit PIECE, KG, …
   * @param unitPrice price of one
   * @param discount its discount, zero if none
   * @param amount what it came to
   * @param taxLabel the tax rate's label, as printed beside it
   */
  public record Line(
      String name,
      String quantity,
      String unit,
      long unitPrice,
      long discount,
      long amount,
      String taxLabel,
      List<Extra> extras) {}

  /**
   * A row printed beneath a line: a chosen modifier with its price, or the line's note (ADR 0043).
   *
   * @param text the row's words as printed, e.g. "+ Молоко: вівсяне"
   * @param price the option's price as printed, or {@code null}
   */
  public record Extra(String text, String price) {}

  /**
   * The totals.
   *
   * @param subtotal before discounts
   * @param discounts line and order discounts
   * @param tax tax in the total
   * @param total to pay
   * @param cashRounding cash rounding, zero if none
   * @param change change given, zero if none
   */
  public record Totals(
      long subtotal, long discounts, long tax, long total, long cashRounding, long change) {}

  /**
   * One rate of the tax breakdown.
   *
   * @param label as printed
   * @param rate percent, decimal string
   * @param net without tax
   * @param tax the tax
   * @param gross with tax
   */
  public record Tax(String label, String rate, long net, long tax, long gross) {}

  /**
   * A payment.
   *
   * @param type CASH, CARD, EXTERNAL_CARD
   * @param amount how much
   * @param card the card as printed, masked ({@code VISA **** 4417}), or null
   * @param authorisation the card's approval code, or null
   * @param tip the customer's tip on top of {@code amount} (ADR 0054), 0 when none
   */
  public record Payment(String type, long amount, String card, String authorisation, long tip) {

    /** A payment without a tip. */
    public Payment(String type, long amount, String card, String authorisation) {
      this(type, amount, card, authorisation, 0);
    }
  }

  /**
   * A refund.
   *
   * @param receiptNumber the refund receipt's own number
   * @param at when
   * @param total paid back
   * @param lines what came back
   */
  public record RefundView(
      String receiptNumber, Instant at, long total, List<RefundedLine> lines) {}

  /**
   * A line that came back.
   *
   * @param name the item
   * @param quantity decimal string
   */
  public record RefundedLine(String name, String quantity) {}
}
