package io.kasa.api.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A refund as recorded.
 *
 * @param id the refund
 * @param saleId the original sale
 * @param receiptNumber the refund receipt's number
 * @param total what the customer gets back before cash rounding
 * @param tax the tax refunded
 * @param cashRounding the rounding of the cash payout
 * @param payouts how the money goes back
 * @param saleState the sale's state afterwards: PARTLY_REFUNDED or FULLY_REFUNDED
 * @param recordedAt when the service recorded it
 */
public record RefundResponse(
    UUID id,
    UUID saleId,
    String receiptNumber,
    long total,
    long tax,
    long cashRounding,
    List<PayoutDto> payouts,
    String saleState,
    Instant recordedAt) {

  /**
   * One payout.
   *
   * @param type CASH, CARD or OTHER
   * @param amount in minor units
   * @param originalTender the sale's tender it goes back to, or null for cash
   */
  public record PayoutDto(String type, long amount, UUID originalTender) {}
}
