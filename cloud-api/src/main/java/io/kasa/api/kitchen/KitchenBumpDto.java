package io.kasa.api.kitchen;

import java.time.Instant;
import java.util.UUID;

/**
 * A kitchen screen's bump or recall (ADR 0055), an event of the floor's log so every screen of the
 * station shows it.
 *
 * @param ticketId the ticket
 * @param lineId the line bumped, or null for the whole ticket
 * @param stationId the ticket's station
 * @param bumped true for a bump, false for a recall
 * @param at when
 */
public record KitchenBumpDto(
    UUID ticketId, UUID lineId, String stationId, boolean bumped, Instant at) {}
