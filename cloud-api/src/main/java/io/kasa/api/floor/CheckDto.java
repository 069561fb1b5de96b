package io.kasa.api.floor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A check open on a table.
 *
 * @param id the check
 * @param tableId its table
 * @param number its number in the store, for the kitchen and the pre-bill
 * @param guests how many it is for
 * @param state OPEN, PREBILLED, PAID, MERGED (into another) or CANCELLED
 * @param openedAt when the guests were seated
 * @param splitWays how many equal parts it is paid in
 * @param lines its items
 * @param total the sum of the lines' amounts, in minor units
 * @param saleId the sale that paid it, or null
 * @param version the version a change must name
 * @param party the name of the party seated with it from the waitlist, or null (walk-ins)
 */
public record CheckDto(
    UUID id,
    UUID tableId,
    int number,
    int guests,
    String state,
    Instant openedAt,
    int splitWays,
    List<CheckLineDto> lines,
    long total,
    UUID saleId,
    long version,
    String party) {}
