package io.kasa.api.floor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A store's whole floor at one moment ({@code GET /v1/floor}): subscribe to {@code
 * /v1/floor/events} with {@code Last-Event-ID: eventId} to follow it from there.
 *
 * @param storeId the store
 * @param eventId the last event this snapshot includes
 * @param at the server's time of the snapshot
 * @param areas the areas
 * @param tables the tables
 * @param parties the waiting parties and today's and future reservations not yet seated
 * @param checks the open checks (OPEN or PREBILLED) and the paid ones on tables not yet cleared
 */
public record FloorDto(
    UUID storeId,
    long eventId,
    Instant at,
    List<AreaDto> areas,
    List<TableDto> tables,
    List<PartyDto> parties,
    List<CheckDto> checks) {}
