package io.kasa.service.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.FireRequest;
import io.kasa.api.floor.SendRequest;
import io.kasa.api.floor.SendResult;
import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.api.kitchen.KitchenTicketLineDto;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import io.kasa.service.http.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sending a check to the kitchen (ADR 0053): its unsent lines become one ticket per station, each
 * appended to the store's floor event log in the same transaction that marks the lines sent, so a
 * station's printer or screen receives it through the same gapless, resumable stream as the floor.
 * A line taken off after it was sent gives each station it went to a void ticket. A line of a
 * course of 2 or more is held by a send until its course is fired (ADR 0056); a held line taken off
 * prints nothing, as nothing was made.
 */
public final class KitchenTickets {

  private static final ObjectMapper MAPPER = Json.mapper();

  private final Jdbi jdbi;
  private final Clock clock;

  public KitchenTickets(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Sends the check's unsent lines of no course, of course 1 and of courses already fired; holds
   * back the others until their course is fired (ADR 0056). The same send id again sends nothing
   * and answers the tickets it made.
   */
  public Map.Entry<Boolean, SendResult> send(Principal who, UUID checkId, SendRequest r) {
    FloorRows.require(who, Role::canServe, "send to the kitchen");
    if (r == null || r.id() == null) {
      throw ApiException.invalid("/id", "The send's id is required");
    }
    return dispatch(who, checkId, r.id(), 0);
  }

  /**
   * Fires course {@code r.course()}: its lines not yet at the kitchen (held by a send, or added
   * since) go to their stations as tickets that say so. The same fire id again fires nothing and
   * answers the tickets it made; a course with nothing to fire is a 422 naming {@code /course}.
   */
  public Map.Entry<Boolean, SendResult> fire(Principal who, UUID checkId, FireRequest r) {
    FloorRows.require(who, Role::canServe, "fire a course");
    if (r == null || r.id() == null) {
      throw ApiException.invalid("/id", "The fire's id is required");
    }
    if (r.course() == null || r.course() < 1 || r.course() > 9) {
      throw ApiException.invalid("/course", "The course to fire is 1 to 9");
    }
    return dispatch(who, checkId, r.id(), r.course());
  }

  /** A send ({@code course} 0) or the fire of a course, in one transaction. */
  private Map.Entry<Boolean, SendResult> dispatch(
      Principal who, UUID checkId, UUID sendId, int course) {
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          var earlier =
              h.createQuery(
                      "select check_id, course, tickets::text as tickets from kitchen_send"
                          + " where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", sendId)
                  .mapToMap()
                  .findOne();
          if (earlier.isPresent()) {
            if (!checkId.equals(earlier.get().get("check_id"))) {
              throw ApiException.conflict("Send " + sendId + " was of another check");
            }
            if (((Number) earlier.get().get("course")).intValue() != course) {
              throw ApiException.conflict(
                  "Send "
                      + sendId
                      + " was "
                      + (course == 0 ? "the fire of a course" : "not this fire"));
            }
            return Map.entry(
                false,
                new SendResult(
                    FloorRows.check(h, org, store, checkId),
                    readTickets((String) earlier.get().get("tickets"))));
          }
          CheckDto check = FloorRows.check(h, org, store, checkId);
          if (!"OPEN".equals(check.state()) && !"PREBILLED".equals(check.state())) {
            throw ApiException.conflict(
                "check-closed",
                Map.of("check", String.valueOf(check.number()), "state", check.state()),
                "Check " + check.number() + " is " + check.state().toLowerCase() + " already");
          }
          KitchenRoutes routes = KitchenRoutes.of(h, org, store);
          if (routes.none()) {
            throw ApiException.conflict(
                "kitchen-none", Map.of(), "This store has no kitchen stations to send to");
          }
          List<CheckLineDto> unsent =
              check.lines().stream().filter(l -> l.sentAt() == null).toList();
          List<CheckLineDto> go;
          List<CheckLineDto> hold;
          if (course == 0) {
            // A course already fired is being served: what is added to it goes straight away.
            Set<Integer> fired =
                check.lines().stream()
                    .filter(l -> l.sentAt() != null)
                    .map(CheckLineDto::course)
                    .collect(Collectors.toSet());
            go =
                unsent.stream().filter(l -> l.course() <= 1 || fired.contains(l.course())).toList();
            hold = unsent.stream().filter(l -> !go.contains(l) && l.heldAt() == null).toList();
          } else {
            go = unsent.stream().filter(l -> l.course() == course).toList();
            hold = List.of();
            if (go.isEmpty()) {
              throw ApiException.refused(
                  "course-nothing",
                  Map.of("course", String.valueOf(course), "check", String.valueOf(check.number())),
                  "/course",
                  "Course " + course + " of check " + check.number() + " has nothing to fire");
            }
          }
          Map<String, List<CheckLineDto>> byStation = new LinkedHashMap<>();
          routes.stationIds().forEach(s -> byStation.put(s, new ArrayList<>()));
          Map<UUID, List<String>> stationsOf = new LinkedHashMap<>();
          for (CheckLineDto l : go) {
            List<String> to = routes.stationsFor(l.itemId());
            stationsOf.put(l.id(), to);
            to.forEach(s -> byStation.get(s).add(l));
          }
          Header head = header(h, org, store, who, check);
          List<KitchenTicketDto> tickets = new ArrayList<>();
          byStation.forEach(
              (station, lines) -> {
                if (!lines.isEmpty()) {
                  KitchenTicketDto t =
                      ticket(
                          ticketId(course == 0 ? "send" : "fire", sendId, station),
                          "TICKET",
                          station,
                          routes.name(station),
                          head,
                          now,
                          lines,
                          course);
                  FloorEvents.kitchen(h, org, store, t);
                  tickets.add(t);
                }
              });
          stationsOf.forEach(
              (line, to) ->
                  h.createUpdate(
                          "update check_line set sent_at = :now, send_id = :send,"
                              + " stations = :stations where organisation_id = :org and id = :id")
                      .bind("org", org)
                      .bind("id", line)
                      .bind("now", Timestamp.from(now))
                      .bind("send", sendId)
                      .bindArray("stations", String.class, to)
                      .execute());
          for (CheckLineDto l : hold) {
            h.createUpdate(
                    "update check_line set held_at = :now where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", l.id())
                .bind("now", Timestamp.from(now))
                .execute();
          }
          h.createUpdate(
                  "insert into kitchen_send (organisation_id, id, store_id, check_id, sent_at,"
                      + " sent_by, tickets, course) values (:org, :id, :store, :check, :now, :by,"
                      + " cast(:tickets as jsonb), :course)")
              .bind("org", org)
              .bind("id", sendId)
              .bind("store", store)
              .bind("check", checkId)
              .bind("now", Timestamp.from(now))
              .bind("by", who.employeeId())
              .bind("tickets", writeTickets(tickets))
              .bind("course", course)
              .execute();
          if (!go.isEmpty() || !hold.isEmpty()) {
            h.createUpdate(
                    "update dining_check set version = version + 1"
                        + " where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", checkId)
                .execute();
            check = FloorRows.check(h, org, store, checkId);
            FloorEvents.check(h, org, store, check);
          }
          return Map.entry(true, new SendResult(check, tickets));
        });
  }

  /**
   * A sent line taken off the check: a void ticket for each station it went to. Runs inside the
   * removal's transaction, under the store's stream lock.
   */
  static void voided(
      Handle h,
      UUID org,
      UUID store,
      Principal who,
      CheckDto check,
      CheckLineDto line,
      Instant now) {
    List<String> stations =
        h.createQuery(
                "select unnest(stations) from check_line where organisation_id = :org and id = :id")
            .bind("org", org)
            .bind("id", line.id())
            .mapTo(String.class)
            .list();
    if (stations.isEmpty()) {
      return;
    }
    KitchenRoutes routes = KitchenRoutes.of(h, org, store);
    Header head = header(h, org, store, who, check);
    for (String station : stations) {
      FloorEvents.kitchen(
          h,
          org,
          store,
          ticket(
              ticketId("void", line.id(), station),
              "VOID",
              station,
              routes.name(station),
              head,
              now,
              List.of(line),
              0));
    }
  }

  /** The store's currency code. */
  static String currency(Handle h, UUID org, UUID store) {
    return h.createQuery("select currency from store where organisation_id = :org and id = :store")
        .bind("org", org)
        .bind("store", store)
        .mapTo(String.class)
        .one()
        .strip();
  }

  /** What every ticket of one check says above its lines. */
  private record Header(CheckDto check, String table, String server, String zone) {}

  private static Header header(Handle h, UUID org, UUID store, Principal who, CheckDto check) {
    String table =
        h.createQuery("select name from dining_table where organisation_id = :org and id = :id")
            .bind("org", org)
            .bind("id", check.tableId())
            .mapTo(String.class)
            .one();
    String server =
        who.employeeId() == null
            ? ""
            : h.createQuery("select name from employee where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", who.employeeId())
                .mapTo(String.class)
                .findOne()
                .orElse("");
    String zone =
        h.createQuery("select time_zone from store where organisation_id = :org and id = :store")
            .bind("org", org)
            .bind("store", store)
            .mapTo(String.class)
            .one();
    return new Header(check, table, server, zone);
  }

  private static KitchenTicketDto ticket(
      UUID id,
      String kind,
      String station,
      String stationName,
      Header head,
      Instant now,
      List<CheckLineDto> lines,
      int fireCourse) {
    return new KitchenTicketDto(
        id,
        kind,
        station,
        stationName,
        head.check().id(),
        head.check().number(),
        head.table(),
        head.server(),
        head.check().guests(),
        now,
        head.zone(),
        lines.stream()
            .map(
                l ->
                    new KitchenTicketLineDto(
                        l.id(),
                        l.itemId(),
                        l.name(),
                        l.quantity(),
                        l.seat(),
                        l.course(),
                        l.modifiers(),
                        l.note()))
            .toList(),
        fireCourse);
  }

  /** The same send (or void) and station always make the same ticket id. */
  private static UUID ticketId(String what, UUID of, String station) {
    return UUID.nameUUIDFromBytes(
        (what + "/" + of + "/" + station).getBytes(StandardCharsets.UTF_8));
  }

  private static String writeTickets(List<KitchenTicketDto> tickets) {
    try {
      return MAPPER.writeValueAsString(tickets);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Kitchen tickets that cannot be written as JSON", e);
    }
  }

  private static List<KitchenTicketDto> readTickets(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<List<KitchenTicketDto>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Kitchen tickets kept that are not JSON", e);
    }
  }
}
