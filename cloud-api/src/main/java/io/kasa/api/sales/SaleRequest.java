package io.kasa.api.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A paid sale submitted by a terminal ({@code POST /v1/sales}, {@code Idempotency-Key} = {@code
 * id}).
 *
 * @param id the sale's UUID, created on the terminal
 * @param receiptNumber the human receipt number STORE-TERMINAL-SEQUENCE, the submitting terminal's
 *     own, its sequence zero-padded to six digits (the service refuses any other)
 * @param currency ISO 4217 code
 * @param openedAt when the sale was opened, on the terminal's clock
 * @param paidAt when it was paid; both times within the window the service documents (ADR 0019)
 * @param lines the lines, voided ones included
 * @param orderDiscount the order discount, or null
 * @param tenders the payments
 * @param totals the terminal's totals
 * @param offline whether the terminal completed it without the service; prices are then the ones
 *     the terminal used
 * @param approvalId a manager's {@code PRICE_OVERRIDE} approval ({@code POST /v1/approvals}) when a
 *     cashier lowered a price beyond the store's limit, or null
 * @param receiptToken the token of the receipt's public page ({@code /r/{token}}, ADR 0041): 128
 *     random bits from the till's SecureRandom, base64url, made on the till with the sale; null
 *     from a till older than tokens
 */
public record SaleRequest(
    UUID id,
    String receiptNumber,
    String currency,
    Instant openedAt,
    Instant paidAt,
    List<SaleLineDto> lines,
    DiscountDto orderDiscount,
    List<TenderDto> tenders,
    TotalsDto totals,
    boolean offline,
    UUID approvalId,
    String receiptToken) {

  /** A sale without a receipt token, as a till older than tokens sends it. */
  public SaleRequest(
      UUID id,
      String receiptNumber,
      String currency,
      Instant openedAt,
      Instant paidAt,
      List<SaleLineDto> lines,
      DiscountDto orderDiscount,
      List<TenderDto> tenders,
      TotalsDto totals,
      boolean offline,
      UUID approvalId) {
    this(
        id,
        receiptNumber,
        currency,
        openedAt,
        paidAt,
        lines,
        orderDiscount,
        tenders,
        totals,
        offline,
        approvalId,
        null);
  }

  /** This sale with receipt token {@code token}. */
  public SaleRequest withReceiptToken(String token) {
    return new SaleRequest(
        id,
        receiptNumber,
        currency,
        openedAt,
        paidAt,
        lines,
        orderDiscount,
        tenders,
        totals,
        offline,
        approvalId,
        token);
  }
}
