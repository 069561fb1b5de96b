package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Courses held and fired against the real service (ADR 0056): a send holds the lines of courses not
 * yet fired, a fire sends them to their stations (two here) as tickets that say which course to
 * serve, a retried fire answers the same tickets, a fire of nothing is refused by name, and a held
 * line taken off prints no void while a fired one does.
 */
class KitchenCoursesApiTest {

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> host;
  private static Map<String, String> manager;
  private static UUID area;

  private static final String RARE =
      "[{\"groupId\":\"doneness\",\"optionId\":\"rare\",\"priceDelta\":0}]";
  private static final String OAT =
      "[{\"groupId\":\"milk\",\"optionId\":\"oat\",\"priceDelta\":1500}]";

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    host = cloud.signedIn(terminal, cloud.demo.hostId(), "5555");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    area = UUID.randomUUID();
    assertThat(
            cloud
                .send(
                    "PUT",
                    "/v1/floor/areas/" + area,
                    "{\"name\":\"Курси\",\"position\":8}",
                    manager)
                .status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply post(String path, String body) {
    return cloud.send("POST", path, body, host);
  }

  private static UUID seated(String name) {
    UUID table = UUID.randomUUID();
    TestCloud.Reply t =
        cloud.send(
            "PUT",
            "/v1/floor/tables/" + table,
            "{\"areaId\":\""
                + area
                + "\",\"name\":\""
                + name
                + "\",\"seats\":4,\"shape\":\"SQUARE\",\"x\":10,\"y\":10,\"width\":100,"
                + "\"height\":100}",
            manager);
    assertThat(t.status()).as(t.body()).isEqualTo(201);
    UUID check = UUID.randomUUID();
    TestCloud.Reply s =
        post(
            "/v1/floor/tables/" + table + "/seat",
            "{\"checkId\":\"" + check + "\",\"guests\":2,\"version\":1}");
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    return check;
  }

  /** Adds one of {@code item} in {@code course}; answers the line's id. */
  private static UUID add(UUID check, String item, String modifiers, int course) {
    UUID id = UUID.randomUUID();
    TestCloud.Reply r =
        post(
            "/v1/checks/" + check + "/lines",
            "{\"id\":\""
                + id
                + "\",\"itemId\":\""
                + item
                + "\",\"quantity\":\"1\",\"seat\":1,\"course\":"
                + course
                + (modifiers == null ? "" : ",\"modifiers\":" + modifiers)
                + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  private static TestCloud.Reply send(UUID check, UUID id) {
    return post("/v1/checks/" + check + "/send", "{\"id\":\"" + id + "\"}");
  }

  private static TestCloud.Reply fire(UUID check, UUID id, Object course) {
    return post(
        "/v1/checks/" + check + "/fire", "{\"id\":\"" + id + "\",\"course\":" + course + "}");
  }

  private static JsonNode line(TestCloud.Reply reply, UUID id) {
    for (JsonNode l : reply.json().at("/check/lines")) {
      if (l.get("id").asText().equals(id.toString())) {
        return l;
      }
    }
    throw new AssertionError("no line " + id + " in " + reply.body());
  }

  private static EventStream kitchenStream(String lastEventId) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", terminal);
    if (lastEventId != null) {
      headers.put("Last-Event-ID", lastEventId);
    }
    return new EventStream(cloud.uri("/v1/kitchen/events"), headers);
  }

  private static String streamStart() throws Exception {
    try (EventStream fresh = kitchenStream(null)) {
      EventStream.Event reset = fresh.next("RESET", 10);
      assertThat(reset).isNotNull();
      return reset.id();
    }
  }

  @Test
  void aSendHoldsLaterCoursesAndAFireSendsOneToItsStationsOnce() throws Exception {
    UUID check = seated("C1");
    UUID borshch = add(check, "borshch", null, 1);
    UUID steak = add(check, "steak", RARE, 2);
    UUID latte = add(check, "latte", OAT, 2);
    UUID varenyky = add(check, "varenyky", null, 3);
    String start = streamStart();

    TestCloud.Reply sent = send(check, UUID.randomUUID());
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().get("tickets")).as("course 1 only, to the hot kitchen").hasSize(1);
    assertThat(sent.json().at("/tickets/0/lines")).hasSize(1);
    assertThat(sent.json().at("/tickets/0/lines/0/itemId").asText()).isEqualTo("borshch");
    assertThat(sent.json().at("/tickets/0/fireCourse").asInt()).isZero();
    assertThat(line(sent, borshch).get("sentAt").isNull()).isFalse();
    for (UUID held : List.of(steak, latte, varenyky)) {
      assertThat(line(sent, held).get("sentAt").isNull()).isTrue();
      assertThat(line(sent, held).get("heldAt").isNull()).as("held").isFalse();
    }

    UUID fireId = UUID.randomUUID();
    TestCloud.Reply fired = fire(check, fireId, 2);
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    JsonNode tickets = fired.json().get("tickets");
    assertThat(tickets).as("the steak to the hot kitchen, the latte to the bar").hasSize(2);
    assertThat(tickets.get(0).get("stationName").asText()).isEqualTo("Гаряча кухня");
    assertThat(tickets.get(0).at("/lines/0/itemId").asText()).isEqualTo("steak");
    assertThat(tickets.get(0).at("/lines/0/course").asInt()).isEqualTo(2);
    assertThat(tickets.get(1).get("stationId").asText()).isEqualTo("bar");
    assertThat(tickets.get(1).at("/lines/0/modifiers/0/optionName").asText()).isEqualTo("Вівсяне");
    for (JsonNode t : tickets) {
      assertThat(t.get("fireCourse").asInt()).isEqualTo(2);
    }
    assertThat(line(fired, steak).get("sentAt").isNull()).isFalse();
    assertThat(line(fired, varenyky).get("sentAt").isNull()).as("course 3 still held").isTrue();
    // The kitchen screen's card of a fire says which course to serve, in the owner's language.
    String owner =
        cloud.officeCookie(cloud.officeAccount(cloud.demo.organisationId(), "owner", List.of()));
    java.net.http.HttpResponse<String> page =
        cloud.officePage("/office/kitchen?store=" + cloud.demo.storeId() + "&station=hot", owner);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("kds-fire-banner").contains("курс 2");

    TestCloud.Reply again = fire(check, fireId, 2);
    assertThat(again.status()).as("a retried fire fires nothing more").isEqualTo(200);
    assertThat(again.json().get("tickets").toString()).isEqualTo(tickets.toString());
    assertThat(fire(check, fireId, 3).status()).as("the same id for another course").isEqualTo(409);

    // The stations get the send's ticket, then the fire's two, once each and in order.
    List<EventStream.Event> got = new ArrayList<>();
    try (EventStream resumed = kitchenStream(start)) {
      for (int i = 0; i < 3; i++) {
        got.add(resumed.next("KITCHEN_TICKET", 10));
      }
      assertThat(resumed.next(1)).as("nothing twice").isNull();
    }
    assertThat(got).doesNotContainNull();
    assertThat(TestCloud.JSON.readTree(got.get(0).data()).at("/ticket/fireCourse").asInt())
        .isZero();
    assertThat(TestCloud.JSON.readTree(got.get(1).data()).at("/ticket/fireCourse").asInt())
        .isEqualTo(2);
    assertThat(TestCloud.JSON.readTree(got.get(2).data()).at("/ticket/stationId").asText())
        .isEqualTo("bar");

    // Course 2 is being served now: another latte for it goes with the next send, not held.
    UUID second = add(check, "latte", OAT, 2);
    TestCloud.Reply more = send(check, UUID.randomUUID());
    assertThat(more.json().get("tickets")).hasSize(1);
    assertThat(line(more, second).get("sentAt").isNull()).isFalse();
    assertThat(line(more, varenyky).get("sentAt").isNull()).isTrue();
  }

  @Test
  void aFireOfNothingOrOfNoCourseIsRefusedByName() {
    UUID check = seated("C2");
    add(check, "borshch", null, 0);
    add(check, "varenyky", null, 3);
    TestCloud.Reply nothing = fire(check, UUID.randomUUID(), 2);
    assertThat(nothing.status()).as(nothing.body()).isEqualTo(422);
    assertThat(nothing.json().get("type").asText()).endsWith("course-nothing");
    assertThat(nothing.json().at("/errors/0/pointer").asText()).isEqualTo("/course");
    assertThat(nothing.json().at("/arguments/course").asText()).isEqualTo("2");
    for (Object bad : List.of(0, 10)) {
      TestCloud.Reply r = fire(check, UUID.randomUUID(), bad);
      assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(422);
      assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/course");
    }
    TestCloud.Reply noCourse = fire(check, UUID.randomUUID(), "null");
    assertThat(noCourse.status()).as(noCourse.body()).isBetween(400, 422);
    assertThat(noCourse.body()).contains("/course");
    TestCloud.Reply noId = post("/v1/checks/" + check + "/fire", "{\"course\":3}");
    assertThat(noId.status()).isEqualTo(422);
    assertThat(noId.json().at("/errors/0/pointer").asText()).isEqualTo("/id");
    // Course 3 may be fired before any send: its line goes straight to its station.
    TestCloud.Reply fired = fire(check, UUID.randomUUID(), 3);
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    assertThat(fired.json().at("/tickets/0/fireCourse").asInt()).isEqualTo(3);
    assertThat(fired.json().at("/tickets/0/lines")).hasSize(1);
    UUID sendId = UUID.randomUUID();
    assertThat(send(check, sendId).status()).isEqualTo(201);
    assertThat(fire(check, sendId, 3).status()).as("a send's id is not a fire's").isEqualTo(409);
    TestCloud.Reply none =
        cloud.send(
            "POST",
            "/v1/checks/" + check + "/fire",
            "{\"id\":\"" + UUID.randomUUID() + "\",\"course\":2}",
            Map.of("Authorization", terminal));
    assertThat(none.status()).as("nobody signed in").isEqualTo(401);
  }

  @Test
  void aHeldLineTakenOffPrintsNothingAndAFiredOneAVoid() throws Exception {
    UUID check = seated("C3");
    add(check, "borshch", null, 1);
    UUID heldSteak = add(check, "steak", RARE, 2);
    UUID firedSteak = add(check, "steak", RARE, 3);
    assertThat(send(check, UUID.randomUUID()).status()).isEqualTo(201);
    assertThat(fire(check, UUID.randomUUID(), 3).status()).isEqualTo(201);
    String start = streamStart();
    TestCloud.Reply off =
        cloud.send("DELETE", "/v1/checks/" + check + "/lines/" + heldSteak, null, host);
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    TestCloud.Reply offFired =
        cloud.send("DELETE", "/v1/checks/" + check + "/lines/" + firedSteak, null, host);
    assertThat(offFired.status()).as(offFired.body()).isEqualTo(200);
    try (EventStream after = kitchenStream(start)) {
      EventStream.Event next = after.next(10);
      assertThat(next).isNotNull();
      assertThat(next.name()).isEqualTo("KITCHEN_VOID");
      JsonNode voided = TestCloud.JSON.readTree(next.data()).get("ticket");
      assertThat(voided.at("/lines/0/lineId").asText())
          .as("the fired steak's void; the held one was never made")
          .isEqualTo(firedSteak.toString());
      assertThat(after.next(1)).isNull();
    }
    TestCloud.Reply nothing = fire(check, UUID.randomUUID(), 2);
    assertThat(nothing.status()).as("the held course went with its line").isEqualTo(422);
  }
}
