package io.kasa.api.floor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kasa.api.kitchen.KitchenBumpDto;
import io.kasa.api.kitchen.KitchenTicketDto;

/**
 * One change on the floor, as sent on {@code /v1/floor/events}: the new state of what changed. The
 * event's SSE id is {@code id}; its SSE name is {@code kind}.
 *
 * @param id the event's number in its store, gapless and in commit order
 * @param kind AREA, TABLE, TABLE_REMOVED, PARTY, CHECK, KITCHEN_TICKET, KITCHEN_VOID or KDS_BUMP
 * @param area the area, for AREA
 * @param table the table, for TABLE and TABLE_REMOVED
 * @param party the party, for PARTY
 * @param check the check, for CHECK
 * @param ticket the whole ticket for one station, for KITCHEN_TICKET and KITCHEN_VOID (ADR 0053)
 * @param bump a kitchen screen's bump or recall, for KDS_BUMP (ADR 0055)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FloorEvent(
    long id,
    String kind,
    AreaDto area,
    TableDto table,
    PartyDto party,
    CheckDto check,
    KitchenTicketDto ticket,
    KitchenBumpDto bump) {

  /** An event of the floor itself (no kitchen ticket). */
  public FloorEvent(
      long id, String kind, AreaDto area, TableDto table, PartyDto party, CheckDto check) {
    this(id, kind, area, table, party, check, null, null);
  }

  /** A kitchen ticket or void (ADR 0053). */
  public FloorEvent(
      long id,
      String kind,
      AreaDto area,
      TableDto table,
      PartyDto party,
      CheckDto check,
      KitchenTicketDto ticket) {
    this(id, kind, area, table, party, check, ticket, null);
  }
}
