package io.kasa.api.kitchen;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One ticket for one station: what a send (or a void after it) asks of that station, whole, so a
 * printer or screen needs nothing else to show it.
 *
 * @param id the ticket's id (the same send and station always give the same id)
 * @param kind TICKET (make these) or VOID (stop making these)
 * @param stationId the station
 * @param stationName the station's name
 * @param checkId the check
 * @param checkNumber its number in the store
 * @param table the table's name
 * @param server who sent it (or voided it)
 * @param guests the check's guests
 * @param at when it was sent
 * @param timeZone the store's time zone, for the time printed
 * @param lines the lines, in the order they were added
 * @param fireCourse for a ticket that fires a held course (ADR 0056), that course (1 to 9): print
 *     and show it headed «ПОДАВАТИ: курс N»; 0 for a ticket of an ordinary send, or a void
 */
public record KitchenTicketDto(
    UUID id,
    String kind,
    String stationId,
    String stationName,
    UUID checkId,
    int checkNumber,
    String table,
    String server,
    int guests,
    Instant at,
    String timeZone,
    List<KitchenTicketLineDto> lines,
    int fireCourse) {

  public KitchenTicketDto {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** A ticket of an ordinary send, or a void: it fires no course. */
  public KitchenTicketDto(
      UUID id,
      String kind,
      String stationId,
      String stationName,
      UUID checkId,
      int checkNumber,
      String table,
      String server,
      int guests,
      Instant at,
      String timeZone,
      List<KitchenTicketLineDto> lines) {
    this(
        id,
        kind,
        stationId,
        stationName,
        checkId,
        checkNumber,
        table,
        server,
        guests,
        at,
        timeZone,
        lines,
        0);
  }

  /** Whether it fires a held course. */
  public boolean fires() {
    return fireCourse > 0;
  }
}
