package io.kasa.api.floor;

import java.time.Instant;
import java.util.UUID;

/**
 * A party on the waitlist, or a reservation. The line is the waiting walk-ins by {@code addedAt}.
 *
 * @param id the party
 * @param name the name it goes by
 * @param size how many guests
 * @param phone where to reach it, or null
 * @param notes the host's notes (high chair, terrace), or null
 * @param addedAt when it was added
 * @param reservedFor the reservation's time, or null for a walk-in
 * @param tableId the table a reservation holds, or null
 * @param quotedMinutes the wait quoted when it was added, in minutes (walk-ins)
 * @param status WAITING, NOTIFIED, SEATED, NO_SHOW or CANCELLED
 * @param notifiedAt when it was told its table is ready, or null
 * @param version the version a change must name
 */
public record PartyDto(
    UUID id,
    String name,
    int size,
    String phone,
    String notes,
    Instant addedAt,
    Instant reservedFor,
    UUID tableId,
    Integer quotedMinutes,
    String status,
    Instant notifiedAt,
    long version) {}
