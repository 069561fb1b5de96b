package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host stand against the real service: layout, seating (and two hosts racing for a table), the
 * waitlist and reservations, checks from two terminals, and the live event stream.
 */
class FloorApiTest {

  private static TestCloud cloud;
  private static Map<String, String> host;
  private static Map<String, String> hostOnT2;
  private static Map<String, String> manager;
  private static Map<String, String> cashier;
  private static Map<String, String> technician;
  private static UUID area;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String t1 = cloud.enrollDemoTerminal();
    String t2 = cloud.enrollTerminal("T2", "Стійка").authorization();
    host = cloud.signedIn(t1, cloud.demo.hostId(), "5555");
    hostOnT2 = cloud.signedIn(t2, cloud.demo.hostId(), "5555");
    manager = cloud.signedIn(t1, cloud.demo.managerId(), "9999");
    cashier = cloud.signedIn(t2, cloud.demo.cashierId(), "1111");
    technician = cloud.signedIn(t1, cloud.demo.technicianId(), "7777");
    area = UUID.randomUUID();
    assertThat(
            put(manager, "/v1/floor/areas/" + area, "{\"name\":\"Тест\",\"position\":5}").status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply put(Map<String, String> who, String path, String body) {
    return cloud.send("PUT", path, body, who);
  }

  private static TestCloud.Reply post(Map<String, String> who, String path, String body) {
    return cloud.send("POST", path, body, who);
  }

  private static JsonNode floor(Map<String, String> who) {
    TestCloud.Reply r = cloud.send("GET", "/v1/floor", null, who);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** A new table of {@code seats} in the test area; answers its id. */
  private static UUID table(String name, int seats) {
    UUID id = UUID.randomUUID();
    TestCloud.Reply r =
        put(
            manager,
            "/v1/floor/tables/" + id,
            "{\"areaId\":\""
                + area
                + "\",\"name\":\""
                + name
                + "\",\"seats\":"
                + seats
                + ",\"shape\":\"SQUARE\",\"x\":10,\"y\":10,\"width\":100,\"height\":100}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  private static JsonNode tableOf(UUID id) {
    for (JsonNode t : floor(host).get("tables")) {
      if (t.get("id").asText().equals(id.toString())) {
        return t;
      }
    }
    throw new AssertionError("No table " + id);
  }

  private static TestCloud.Reply seat(Map<String, String> who, UUID table, UUID check, int guests) {
    long version = tableOf(table).get("version").asLong();
    return post(
        who,
        "/v1/floor/tables/" + table + "/seat",
        "{\"checkId\":\"" + check + "\",\"guests\":" + guests + ",\"version\":" + version + "}");
  }

  private static TestCloud.Reply addLine(
      Map<String, String> who, UUID check, String item, String quantity, int seat) {
    return post(
        who,
        "/v1/checks/" + check + "/lines",
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"itemId\":\""
            + item
            + "\",\"quantity\":\""
            + quantity
            + "\",\"seat\":"
            + seat
            + "}");
  }

  @Test
  void managersLayOutTheFloorAndOthersCannot() {
    UUID id = UUID.randomUUID();
    String body =
        "{\"areaId\":\""
            + area
            + "\",\"name\":\"L1\",\"seats\":4,\"shape\":\"ROUND\",\"x\":0,"
            + "\"y\":0,\"width\":100,\"height\":100}";
    assertThat(put(host, "/v1/floor/tables/" + id, body).status()).isEqualTo(403);
    assertThat(put(manager, "/v1/floor/tables/" + id, body).status()).isEqualTo(201);
    TestCloud.Reply stale =
        put(manager, "/v1/floor/tables/" + id, body.replace("}", ",\"version\":7}"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    TestCloud.Reply moved =
        put(
            manager,
            "/v1/floor/tables/" + id,
            body.replace("\"x\":0", "\"x\":500").replace("}", ",\"version\":1}"));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("x").asInt()).isEqualTo(500);
    assertThat(put(manager, "/v1/floor/tables/" + UUID.randomUUID(), body).status())
        .as("names are unique on a floor")
        .isEqualTo(409);
    assertThat(
            cloud.send("DELETE", "/v1/floor/tables/" + id + "?version=2", null, manager).status())
        .isEqualTo(204);
    assertThat(floor(host).get("tables").findValuesAsText("name")).doesNotContain("L1");
    assertThat(cloud.send("GET", "/v1/floor", null, technician).status()).isEqualTo(403);
  }

  @Test
  void twoHostsSeatingOneTableConcurrentlyOneWinsAndTheOtherIsTold() throws Exception {
    UUID table = table("R1", 4);
    long version = tableOf(table).get("version").asLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<TestCloud.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Map<String, String> who = i % 2 == 0 ? host : hostOnT2;
        String body =
            "{\"checkId\":\"" + UUID.randomUUID() + "\",\"guests\":2,\"version\":" + version + "}";
        Callable<TestCloud.Reply> seat =
            () -> post(who, "/v1/floor/tables/" + table + "/seat", body);
        replies.add(pool.submit(seat));
      }
      int won = 0;
      for (Future<TestCloud.Reply> f : replies) {
        TestCloud.Reply r = f.get();
        if (r.status() == 201) {
          won++;
        } else {
          assertThat(r.status()).as(r.body()).isEqualTo(409);
          assertThat(r.json().get("detail").asText()).contains("R1");
          // A register says it in its own words from the type and the arguments.
          String type = r.json().get("type").asText();
          assertThat(type).matches(".*/(table-taken|changed-elsewhere)");
          if (type.endsWith("/table-taken")) {
            assertThat(r.json().get("arguments").get("table").asText()).isEqualTo("R1");
            assertThat(r.json().get("arguments").get("state").asText()).isEqualTo("SEATED");
          }
        }
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    long checks =
        floor(host).get("checks").findValuesAsText("tableId").stream()
            .filter(table.toString()::equals)
            .count();
    assertThat(checks).isEqualTo(1);
    assertThat(tableOf(table).get("state").asText()).isEqualTo("SEATED");
  }

  @Test
  void aCheckGoesFromSeatingThroughItemsFromTwoTerminalsToPaymentAndClearing() {
    UUID table = table("C1", 4);
    UUID check = UUID.randomUUID();
    assertThat(seat(host, table, check, 3).status()).isEqualTo(201);
    assertThat(seat(host, table, check, 3).status()).as("the same check again").isEqualTo(200);
    assertThat(addLine(host, check, "bread", "2", 1).status()).isEqualTo(201);
    assertThat(addLine(cashier, check, "aspirin", "1", 2).status()).isEqualTo(201);
    assertThat(addLine(cashier, check, "bread", "0.5", 1).status())
        .as("bread is sold whole")
        .isEqualTo(422);
    assertThat(addLine(cashier, check, "nothing", "1", 1).status()).isEqualTo(422);
    assertThat(tableOf(table).get("state").asText()).isEqualTo("ORDERED");
    JsonNode ordered = cloud.send("GET", "/v1/floor", null, host).json();
    JsonNode c = find(ordered.get("checks"), check);
    assertThat(c.get("total").asLong()).isEqualTo(2 * 3100 + 9640);
    TestCloud.Reply prebill =
        post(host, "/v1/checks/" + check + "/prebill", "{\"version\":" + c.get("version") + "}");
    assertThat(prebill.status()).as(prebill.body()).isEqualTo(200);
    assertThat(tableOf(table).get("state").asText()).isEqualTo("PREBILLED");
    // The pre-bill printed, only a manager takes an item off.
    String line = prebill.json().get("lines").get(0).get("id").asText();
    assertThat(
            cloud.send("DELETE", "/v1/checks/" + check + "/lines/" + line, null, cashier).status())
        .isEqualTo(403);
    // Paid at a register through the ordinary sale path, then settled.
    var sale = Sales.breadAndAspirin(UUID.randomUUID(), "T2", 501, "tok_approve");
    assertThat(cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale)).status())
        .isEqualTo(201);
    TestCloud.Reply settled =
        post(cashier, "/v1/checks/" + check + "/settle", "{\"saleId\":\"" + sale.id() + "\"}");
    assertThat(settled.status()).as(settled.body()).isEqualTo(200);
    assertThat(settled.json().get("state").asText()).isEqualTo("PAID");
    assertThat(
            post(cashier, "/v1/checks/" + check + "/settle", "{\"saleId\":\"" + sale.id() + "\"}")
                .status())
        .as("settling again answers the paid check")
        .isEqualTo(200);
    JsonNode paid = tableOf(table);
    assertThat(paid.get("state").asText()).isEqualTo("PAID");
    TestCloud.Reply cleared =
        post(
            host,
            "/v1/floor/tables/" + table + "/clear",
            "{\"version\":" + paid.get("version") + "}");
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    assertThat(cleared.json().get("state").asText()).isEqualTo("FREE");
    TestCloud.Reply again =
        post(
            host,
            "/v1/floor/tables/" + table + "/clear",
            "{\"version\":" + paid.get("version") + "}");
    assertThat(again.status()).as("clearing again after a lost answer").isEqualTo(200);
    assertThat(again.json().get("version").asLong())
        .isEqualTo(cleared.json().get("version").asLong());
  }

  @Test
  void aSaleWithOtherItemsDoesNotSettleACheck() {
    UUID table = table("C2", 2);
    UUID check = UUID.randomUUID();
    seat(host, table, check, 2);
    addLine(host, check, "bread", "1", 0);
    var sale = Sales.breadAndAspirin(UUID.randomUUID(), "T2", 502, "tok_approve");
    cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    TestCloud.Reply r =
        post(cashier, "/v1/checks/" + check + "/settle", "{\"saleId\":\"" + sale.id() + "\"}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/saleId");
    assertThat(
            post(
                    cashier,
                    "/v1/checks/" + check + "/settle",
                    "{\"saleId\":\"" + UUID.randomUUID() + "\"}")
                .status())
        .isEqualTo(422);
  }

  @Test
  void checksSplitBySeatByItemAndEvenlyMoveAndMerge() {
    UUID table = table("S1", 6);
    UUID check = UUID.randomUUID();
    seat(host, table, check, 3);
    addLine(host, check, "bread", "1", 1);
    addLine(host, check, "milk", "1", 2);
    addLine(host, check, "water", "2", 2);
    JsonNode c = addLine(host, check, "aspirin", "1", 3).json();
    UUID bySeat = UUID.randomUUID();
    TestCloud.Reply seatSplit =
        post(
            host,
            "/v1/checks/" + check + "/split",
            "{\"mode\":\"SEAT\",\"seat\":2,\"newCheckId\":\""
                + bySeat
                + "\",\"version\":"
                + c.get("version")
                + "}");
    assertThat(seatSplit.status()).as(seatSplit.body()).isEqualTo(200);
    assertThat(seatSplit.json().get("created").get("lines").findValuesAsText("itemId"))
        .containsExactlyInAnyOrder("milk", "water");
    JsonNode rest = seatSplit.json().get("check");
    assertThat(rest.get("lines").findValuesAsText("itemId"))
        .containsExactlyInAnyOrder("bread", "aspirin");
    // The same split again answers what it made.
    assertThat(
            post(
                    host,
                    "/v1/checks/" + check + "/split",
                    "{\"mode\":\"SEAT\",\"seat\":2,\"newCheckId\":\""
                        + bySeat
                        + "\",\"version\":1}")
                .status())
        .isEqualTo(200);
    String aspirin =
        rest.get("lines").findParents("itemId").stream()
            .filter(l -> l.get("itemId").asText().equals("aspirin"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asText();
    UUID byItem = UUID.randomUUID();
    TestCloud.Reply itemSplit =
        post(
            host,
            "/v1/checks/" + check + "/split",
            "{\"mode\":\"ITEMS\",\"lineIds\":[\""
                + aspirin
                + "\"],\"newCheckId\":\""
                + byItem
                + "\",\"version\":"
                + rest.get("version")
                + "}");
    assertThat(itemSplit.status()).as(itemSplit.body()).isEqualTo(200);
    TestCloud.Reply even =
        post(
            host,
            "/v1/checks/" + bySeat + "/split",
            "{\"mode\":\"EVEN\",\"ways\":2,\"version\":"
                + seatSplit.json().get("created").get("version")
                + "}");
    assertThat(even.json().get("check").get("splitWays").asInt()).isEqualTo(2);
    assertThat(
            floor(host).get("checks").findValuesAsText("tableId").stream()
                .filter(table.toString()::equals)
                .count())
        .isEqualTo(3);
    // The aspirin's guest moves to a free table, then the tables are pushed together again.
    UUID other = table("S2", 2);
    JsonNode moving = itemSplit.json().get("created");
    TestCloud.Reply moved =
        post(
            hostOnT2,
            "/v1/checks/" + byItem + "/move",
            "{\"tableId\":\""
                + other
                + "\",\"version\":"
                + moving.get("version")
                + ",\"tableVersion\":"
                + tableOf(other).get("version")
                + "}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(tableOf(other).get("state").asText()).isEqualTo("ORDERED");
    JsonNode target = find(floor(host).get("checks"), check);
    TestCloud.Reply merged =
        post(
            host,
            "/v1/checks/" + check + "/merge",
            "{\"checkId\":\""
                + byItem
                + "\",\"version\":"
                + target.get("version")
                + ",\"otherVersion\":"
                + moved.json().get("version")
                + "}");
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(merged.json().get("lines").findValuesAsText("itemId"))
        .containsExactlyInAnyOrder("bread", "aspirin");
    JsonNode joined = tableOf(other);
    assertThat(joined.get("joinedTo").asText()).isEqualTo(table.toString());
    assertThat(joined.get("state").asText()).isEqualTo(tableOf(table).get("state").asText());
  }

  @Test
  void walkInsAreQuotedFromTheTablesAndSeatedFromTheList() {
    UUID party = UUID.randomUUID();
    TestCloud.Reply added =
        cloud.post(
            host,
            "/v1/waitlist",
            party.toString(),
            "{\"id\":\""
                + party
                + "\",\"name\":\"Коваленко\",\"size\":2,\"phone\":\"+380501234567\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("quotedMinutes").isNumber()).isTrue();
    assertThat(
            cloud
                .post(
                    host,
                    "/v1/waitlist",
                    party.toString(),
                    "{\"id\":\""
                        + party
                        + "\",\"name\":\"Коваленко\",\"size\":2,\"phone\":\"+380501234567\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            cloud
                .post(
                    host,
                    "/v1/waitlist",
                    party.toString(),
                    "{\"id\":\"" + party + "\",\"name\":\"Коваленко\",\"size\":2}")
                .status())
        .as("the same party without its phone")
        .isEqualTo(409);
    TestCloud.Reply notified =
        post(
            host,
            "/v1/waitlist/" + party + "/status",
            "{\"status\":\"NOTIFIED\",\"version\":" + added.json().get("version") + "}");
    assertThat(notified.json().get("status").asText()).isEqualTo("NOTIFIED");
    UUID table = table("W1", 2);
    long version = tableOf(table).get("version").asLong();
    TestCloud.Reply seated =
        post(
            host,
            "/v1/floor/tables/" + table + "/seat",
            "{\"checkId\":\""
                + UUID.randomUUID()
                + "\",\"guests\":2,\"partyId\":\""
                + party
                + "\",\"version\":"
                + version
                + "}");
    assertThat(seated.status()).as(seated.body()).isEqualTo(201);
    assertThat(floor(host).get("parties").findValuesAsText("id")).doesNotContain(party.toString());
    TestCloud.Reply again =
        post(
            host,
            "/v1/waitlist/" + party + "/status",
            "{\"status\":\"NO_SHOW\",\"version\":" + notified.json().get("version") + "}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void aReservationHoldsItsTableAgainstWalkIns() {
    UUID table = table("H1", 4);
    UUID reservation = UUID.randomUUID();
    Instant at = Instant.now().plus(40, ChronoUnit.MINUTES);
    TestCloud.Reply booked =
        cloud.post(
            host,
            "/v1/waitlist",
            reservation.toString(),
            "{\"id\":\""
                + reservation
                + "\",\"name\":\"Шевченко\",\"size\":4,\"reservedFor\":\""
                + at
                + "\",\"tableId\":\""
                + table
                + "\"}");
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    assertThat(tableOf(table).get("heldFor").asText()).isEqualTo(reservation.toString());
    TestCloud.Reply walkIn = seat(host, table, UUID.randomUUID(), 2);
    assertThat(walkIn.status()).isEqualTo(409);
    assertThat(walkIn.json().get("detail").asText()).contains("Шевченко");
    assertThat(walkIn.json().get("type").asText()).endsWith("/table-held");
    assertThat(walkIn.json().get("arguments").get("party").asText()).isEqualTo("Шевченко");
    long version = tableOf(table).get("version").asLong();
    TestCloud.Reply anyway =
        post(
            host,
            "/v1/floor/tables/" + table + "/seat",
            "{\"checkId\":\""
                + UUID.randomUUID()
                + "\",\"guests\":2,\"overrideHold\":true,\"version\":"
                + version
                + "}");
    assertThat(anyway.status()).isEqualTo(201);
    assertThat(cloud.audited("RESERVATION_OVERRIDDEN")).isPositive();
    // Two hours late and not marked a no-show: still on the host's list.
    cloud.execute(
        "update waitlist_party set reserved_for = now() - interval '2 hours' where id = ?",
        reservation);
    assertThat(floor(host).get("parties").findValuesAsText("id")).contains(reservation.toString());
  }

  @Test
  void anotherTerminalSeesChangesLiveAndResumesAfterAReconnectWithoutLosingAny() throws Exception {
    UUID table = table("E1", 4);
    long from = floor(hostOnT2).get("eventId").asLong();
    UUID check = UUID.randomUUID();
    try (EventStream stream =
        new EventStream(cloud.uri("/v1/floor/events"), withLast(hostOnT2, from))) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(seat(host, table, check, 2).status()).isEqualTo(201);
      EventStream.Event seated = stream.next("TABLE", 5);
      assertThat(seated).isNotNull();
      assertThat(seated.data()).contains(table.toString()).contains("SEATED");
    }
    long last = floor(hostOnT2).get("eventId").asLong();
    // Offline for three changes.
    addLine(host, check, "bread", "1", 1);
    addLine(host, check, "milk", "1", 1);
    addLine(host, check, "water", "1", 1);
    long now = floor(hostOnT2).get("eventId").asLong();
    assertThat(now).isGreaterThan(last);
    try (EventStream stream =
        new EventStream(cloud.uri("/v1/floor/events"), withLast(hostOnT2, last))) {
      List<Long> ids = new ArrayList<>();
      while (ids.isEmpty() || ids.get(ids.size() - 1) < now) {
        EventStream.Event e = stream.next(5);
        assertThat(e).as("events after %d up to %d, got %s", last, now, ids).isNotNull();
        ids.add(Long.parseLong(e.id()));
      }
      List<Long> expected = new ArrayList<>();
      for (long id = last + 1; id <= now; id++) {
        expected.add(id);
      }
      assertThat(ids).isEqualTo(expected);
    }
  }

  @Test
  void theEventStreamNeedsASignedInEmployeeAndAnEventStreamClient() throws Exception {
    assertThat(cloud.send("GET", "/v1/floor/events", null, Map.of()).status()).isEqualTo(401);
    TestCloud.Reply plain = cloud.send("GET", "/v1/floor/events", null, host);
    assertThat(plain.status()).isEqualTo(406);
    assertThat(plain.contentType()).startsWith("application/problem+json");
    try (EventStream stream = new EventStream(cloud.uri("/v1/floor/events"), withLast(host, -1))) {
      assertThat(stream.status()).isEqualTo(400);
    }
  }

  @Test
  void aLastEventIdBeyondTheStoresTellsTheClientToReload() throws Exception {
    try (EventStream stream =
        new EventStream(cloud.uri("/v1/floor/events"), withLast(host, 1_000_000))) {
      EventStream.Event reset = stream.next("RESET", 5);
      assertThat(reset).isNotNull();
    }
  }

  @Test
  void eventsOlderThanAWeekArePrunedAndAStandThatMissedThemReloadsTheFloor() throws Exception {
    UUID table = table("P1", 2);
    long before = floor(host).get("eventId").asLong();
    seat(host, table, UUID.randomUUID(), 2);
    long after = floor(host).get("eventId").asLong();
    cloud.execute("update floor_event set at = now() - interval '8 days' where id <= ?", after);
    assertThat(cloud.services.app().floor().events().prune()).isGreaterThanOrEqualTo((int) after);
    try (EventStream stream =
        new EventStream(cloud.uri("/v1/floor/events"), withLast(hostOnT2, before))) {
      assertThat(stream.next("RESET", 5)).as("the events after %d are gone", before).isNotNull();
    }
    // A stand that saw everything before the pruning just carries on.
    UUID other = table("P2", 2);
    try (EventStream stream =
        new EventStream(
            cloud.uri("/v1/floor/events"),
            withLast(hostOnT2, floor(host).get("eventId").asLong()))) {
      seat(host, other, UUID.randomUUID(), 2);
      assertThat(stream.next("TABLE", 5)).isNotNull();
    }
  }

  @Test
  void aTechnicianBacksUpTheDevicesAndAReplacementTerminalRestoresThem() {
    String body =
        "{\"settings\":{\"printer-uri\":\"serial:/dev/ttyUSB0?baud=19200\",\"printer-profile\":\"epson-tm-t20iii\"}}";
    Map<String, String> terminalOnly = Map.of("Authorization", technician.get("Authorization"));
    assertThat(cloud.send("GET", "/v1/terminal/devices", null, terminalOnly).status())
        .isEqualTo(404);
    assertThat(put(cashier, "/v1/terminal/devices", body).status()).isEqualTo(403);
    TestCloud.Reply first = put(technician, "/v1/terminal/devices", body);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(put(technician, "/v1/terminal/devices", body).status())
        .as("a second backup names the version it replaces")
        .isEqualTo(409);
    TestCloud.Reply second =
        put(technician, "/v1/terminal/devices", body.replace("}}", "},\"version\":1}"));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("version").asLong()).isEqualTo(2);
    TestCloud.Reply restored = cloud.send("GET", "/v1/terminal/devices", null, terminalOnly);
    assertThat(restored.json().get("settings").get("printer-uri").asText())
        .isEqualTo("serial:/dev/ttyUSB0?baud=19200");
    assertThat(
            put(
                    technician,
                    "/v1/terminal/devices",
                    "{\"settings\":{\"Bad Name\":\"x\"},\"version\":2}")
                .status())
        .isEqualTo(422);
  }

  private static Map<String, String> withLast(Map<String, String> who, long last) {
    Map<String, String> headers = new HashMap<>(who);
    headers.put("Last-Event-ID", Long.toString(last));
    return headers;
  }

  private static JsonNode find(JsonNode checks, UUID id) {
    for (JsonNode c : checks) {
      if (c.get("id").asText().equals(id.toString())) {
        return c;
      }
    }
    throw new AssertionError("No check " + id + " in " + checks);
  }
}
