package io.kasa.api.floor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change on the floor, as sent on {@code /v1/floor/events}: the new state of what changed. The
 * event's SSE id is {@code id}; its SSE name is {@code kind}.
 *
 * @param id the event's number in its store, gapless and in commit order
 * @param kind AREA, TABLE, TABLE_REMOVED, PARTY or CHECK
 * @param area the area, for AREA
 * @param table the table, for TABLE and TABLE_REMOVED
 * @param party the party, for PARTY
 * @param check the check, for CHECK
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FloorEvent(
    long id, String kind, AreaDto area, TableDto table, PartyDto party, CheckDto check) {}
