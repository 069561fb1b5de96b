package io.kasa.api.floor;

import java.util.UUID;

/**
 * Seats guests at a free table and opens a check on it ({@code POST /v1/floor/tables/{id}/seat}).
 * The same {@code checkId} again answers the check it opened.
 *
 * @param checkId the new check's UUID, created on the terminal
 * @param guests how many sit down, 1 to 100
 * @param partyId the waitlist party or reservation being seated, or null for a walk-in
 * @param version the table's version the host saw
 * @param overrideHold true to seat a walk-in even though a reservation holds the table; null is
 *     false
 */
public record SeatRequest(
    UUID checkId, int guests, UUID partyId, long version, Boolean overrideHold) {}
