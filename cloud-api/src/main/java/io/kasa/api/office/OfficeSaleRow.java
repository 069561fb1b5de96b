package io.kasa.api.office;

import java.time.Instant;

/**
 * A sale in the back office's journal (issue 22).
 *
 * @param id the sale
 * @param receiptNumber its receipt number
 * @param paidAt when it was paid, on its till's clock
 * @param state PAID, PARTLY_REFUNDED, FULLY_REFUNDED or VOIDED
 * @param currency its currency
 * @param total its total, in minor units
 * @param refunded what its refunds gave back, in minor units
 * @param offline whether it was made offline
 * @param store the store it was made in
 * @param terminal the till
 * @param employee the cashier
 * @param timeZone its store's time zone, which its time is shown in
 */
public record OfficeSaleRow(
    String id,
    String receiptNumber,
    Instant paidAt,
    String state,
    String currency,
    long total,
    long refunded,
    boolean offline,
    Named store,
    Named terminal,
    Named employee,
    String timeZone) {

  /**
   * A store, till or employee by id and name.
   *
   * @param id its id
   * @param name its name
   */
  public record Named(String id, String name) {}
}
