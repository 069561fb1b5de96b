package io.kasa.api.office;

import java.time.Instant;

/**
 * A shift in the back office's Shifts screen (issue 22).
 *
 * @param id the shift
 * @param number its readable number: store, till and sequence ({@code K1-T1-0003})
 * @param state OPEN or CLOSED
 * @param store its store
 * @param terminal its till
 * @param timeZone its store's time zone, in which its days are counted
 * @param currency its store's currency
 * @param openedAt when it opened, on its till's clock
 * @param openedBy who opened it
 * @param closedAt when it closed, or null while open
 * @param closedBy the manager who closed it, or null while open
 * @param openingFloat the float it opened with, in minor units
 * @param sales its sales (voided ones left out): the X figures while open, the Z figures once
 *     closed
 * @param salesTotal what they came to, in minor units
 * @param overShort counted − expected cash at its close (minor units), or null while open
 */
public record OfficeShiftRow(
    String id,
    String number,
    String state,
    OfficeSaleRow.Named store,
    OfficeSaleRow.Named terminal,
    String timeZone,
    String currency,
    Instant openedAt,
    OfficeSaleRow.Named openedBy,
    Instant closedAt,
    OfficeSaleRow.Named closedBy,
    long openingFloat,
    long sales,
    long salesTotal,
    Long overShort) {}
