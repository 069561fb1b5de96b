package io.kasa.api.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sale as the service recorded it.
 *
 * @param id the sale
 * @param receiptNumber its receipt number
 * @param state PAID, PARTLY_REFUNDED or FULLY_REFUNDED
 * @param offline whether it was completed offline
 * @param totals the service's totals
 * @param tenders the tenders and what happened to them
 * @param recordedAt when the service recorded it
 */
public record SaleResponse(
    UUID id,
    String receiptNumber,
    String state,
    boolean offline,
    TotalsDto totals,
    List<TenderResultDto> tenders,
    Instant recordedAt) {}
