package io.kasa.api.floor;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds a party to the waitlist or books a reservation ({@code POST /v1/waitlist}, {@code
 * Idempotency-Key} = {@code id}).
 *
 * @param id the party's UUID, created on the terminal
 * @param name 1 to 80 characters
 * @param size 1 to 100 guests
 * @param phone up to 30 characters, or null
 * @param notes up to 200 characters, or null
 * @param reservedFor a reservation's time, or null for a walk-in
 * @param tableId the table a reservation holds, or null
 */
public record PartyRequest(
    UUID id,
    String name,
    int size,
    String phone,
    String notes,
    Instant reservedFor,
    UUID tableId) {}
