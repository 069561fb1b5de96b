package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kitchen against the real service (ADR 0053): check lines with options and notes, a send that
 * routes an order to the demo's two stations, the stations' stream resumed without loss or repeat,
 * a void after the send, and a settlement that must match the options.
 */
class KitchenApiTest {

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> host;
  private static Map<String, String> manager;
  private static Map<String, String> cashier;
  private static Map<String, String> technician;
  private static UUID area;
  private static long sequence = 900;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    host = cloud.signedIn(terminal, cloud.demo.hostId(), "5555");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    technician = cloud.signedIn(terminal, cloud.demo.technicianId(), "7777");
    Sales.priceSetAnHourAgo(cloud, "latte");
    area = UUID.randomUUID();
    assertThat(
            cloud
                .send(
                    "PUT",
                    "/v1/floor/areas/" + area,
                    "{\"name\":\"Кухня\",\"position\":7}",
                    manager)
                .status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply post(Map<String, String> who, String path, String body) {
    return cloud.send("POST", path, body, who);
  }

  /** A new table seated with {@code guests}; answers the check's id. */
  private static UUID seated(String name, int guests) {
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
            host,
            "/v1/floor/tables/" + table + "/seat",
            "{\"checkId\":\"" + check + "\",\"guests\":" + guests + ",\"version\":1}");
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    return check;
  }

  private static String line(UUID id, String item, int seat, String modifiers, String note) {
    return "{\"id\":\""
        + id
        + "\",\"itemId\":\""
        + item
        + "\",\"quantity\":\"1\",\"seat\":"
        + seat
        + (modifiers == null ? "" : ",\"modifiers\":" + modifiers)
        + (note == null ? "" : ",\"note\":\"" + note + "\"")
        + "}";
  }

  private static final String RARE_PEPPER =
      "[{\"groupId\":\"doneness\",\"optionId\":\"rare\",\"priceDelta\":0},"
          + "{\"groupId\":\"sauce\",\"optionId\":\"pepper\",\"priceDelta\":3500}]";
  private static final String OAT =
      "[{\"groupId\":\"milk\",\"optionId\":\"oat\",\"priceDelta\":1500}]";

  private static TestCloud.Reply add(UUID check, String body) {
    return post(host, "/v1/checks/" + check + "/lines", body);
  }

  private static String pointer(TestCloud.Reply reply) {
    return reply.json().get("errors").get(0).get("pointer").asText();
  }

  private static EventStream kitchenStream(String lastEventId) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", terminal);
    if (lastEventId != null) {
      headers.put("Last-Event-ID", lastEventId);
    }
    return new EventStream(cloud.uri("/v1/kitchen/events"), headers);
  }

  @Test
  void theDemoStoreHasAHotKitchenAndABar() {
    TestCloud.Reply r =
        cloud.send("GET", "/v1/kitchen/stations", null, Map.of("Authorization", terminal));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get(0).get("name").asText()).isEqualTo("Гаряча кухня");
    assertThat(r.json().get(0).get("categories").get(0).asText()).isEqualTo("Кафе");
    assertThat(r.json().get(1).get("id").asText()).isEqualTo("bar");
    assertThat(r.json().get(1).get("items").toString()).contains("latte", "espresso");
    assertThat(cloud.send("GET", "/v1/kitchen/stations", null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void onlyManagersSetStationsAndBadOnesAreRefusedByName() {
    String body = "{\"name\":\"Кондитерська\",\"position\":2,\"items\":[\"varenyky\"]}";
    assertThat(cloud.send("PUT", "/v1/kitchen/stations/pastry-x", body, host).status())
        .isEqualTo(403);
    TestCloud.Reply unknown =
        cloud.send(
            "PUT", "/v1/kitchen/stations/pastry-x", body.replace("varenyky", "nothing"), manager);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(pointer(unknown)).isEqualTo("/items");
    TestCloud.Reply made = cloud.send("PUT", "/v1/kitchen/stations/pastry-x", body, manager);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(cloud.send("PUT", "/v1/kitchen/stations/pastry-x", body, manager).status())
        .isEqualTo(200);
    // Put back as it was: the varenyky go to the hot kitchen again with their category.
    cloud.execute("delete from kitchen_station where id = 'pastry-x'");
  }

  @Test
  void checkLinesCarryOptionsCheckedAsASaleLinesAre() {
    UUID check = seated("K1", 2);
    TestCloud.Reply missing = add(check, line(UUID.randomUUID(), "steak", 1, "[]", null));
    assertThat(missing.status()).as("the steak asks how it is done").isEqualTo(422);
    assertThat(pointer(missing)).isEqualTo("/modifiers");
    TestCloud.Reply wrongDelta =
        add(check, line(UUID.randomUUID(), "latte", 1, OAT.replace("1500", "100"), null));
    assertThat(wrongDelta.status()).isEqualTo(422);
    assertThat(pointer(wrongDelta)).isEqualTo("/modifiers/0/priceDelta");
    TestCloud.Reply unknown =
        add(check, line(UUID.randomUUID(), "latte", 1, OAT.replace("oat", "goat"), null));
    assertThat(pointer(unknown)).isEqualTo("/modifiers/0/optionId");
    TestCloud.Reply longNote =
        add(check, line(UUID.randomUUID(), "borshch", 1, null, "x".repeat(201)));
    assertThat(longNote.status()).isEqualTo(422);
    UUID steak = UUID.randomUUID();
    TestCloud.Reply added = add(check, line(steak, "steak", 1, RARE_PEPPER, "без цибулі"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode l = added.json().get("lines").get(0);
    assertThat(l.get("amount").asLong()).isEqualTo(42000 + 3500);
    assertThat(l.get("modifiers").get(1).get("optionName").asText()).isEqualTo("Перцевий");
    assertThat(l.get("note").asText()).isEqualTo("без цибулі");
    assertThat(l.get("sentAt").isNull()).isTrue();
    assertThat(add(check, line(steak, "steak", 1, RARE_PEPPER, "без цибулі")).status())
        .as("the same line again")
        .isEqualTo(200);
    assertThat(add(check, line(steak, "steak", 1, OAT, "без цибулі")).status())
        .as("the same line id with other options")
        .isEqualTo(409);
  }

  @Test
  void aSendRoutesEachLineToItsStationsOnceAndTheStreamResumesExactly() throws Exception {
    UUID check = seated("K2", 3);
    assertThat(add(check, line(UUID.randomUUID(), "steak", 1, RARE_PEPPER, "без цибулі")).status())
        .isEqualTo(201);
    assertThat(add(check, line(UUID.randomUUID(), "latte", 2, OAT, null)).status()).isEqualTo(201);
    assertThat(add(check, line(UUID.randomUUID(), "borshch", 3, null, null)).status())
        .isEqualTo(201);
    String start;
    try (EventStream fresh = kitchenStream(null)) {
      EventStream.Event reset = fresh.next("RESET", 10);
      assertThat(reset).as("a new station learns where its stream starts").isNotNull();
      start = reset.id();
    }
    UUID send = UUID.randomUUID();
    assertThat(
            post(technician, "/v1/checks/" + check + "/send", "{\"id\":\"" + send + "\"}").status())
        .isEqualTo(403);
    TestCloud.Reply sent = post(host, "/v1/checks/" + check + "/send", "{\"id\":\"" + send + "\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonNode tickets = sent.json().get("tickets");
    assertThat(tickets).hasSize(2);
    JsonNode hot = tickets.get(0);
    assertThat(hot.get("stationName").asText()).isEqualTo("Гаряча кухня");
    assertThat(hot.get("table").asText()).isEqualTo("K2");
    assertThat(hot.get("server").asText()).isEqualTo("Ірина");
    assertThat(hot.get("guests").asInt()).isEqualTo(3);
    assertThat(hot.get("timeZone").asText()).isEqualTo("Europe/Kyiv");
    assertThat(hot.get("lines")).hasSize(2);
    assertThat(hot.get("lines").get(0).get("note").asText()).isEqualTo("без цибулі");
    assertThat(hot.get("lines").get(0).get("modifiers").get(0).get("optionName").asText())
        .isEqualTo("З кров'ю");
    JsonNode bar = tickets.get(1);
    assertThat(bar.get("stationId").asText()).isEqualTo("bar");
    assertThat(bar.get("lines").get(0).get("seat").asInt()).isEqualTo(2);
    for (JsonNode l : sent.json().get("check").get("lines")) {
      assertThat(l.get("sentAt").isNull()).isFalse();
    }
    TestCloud.Reply again =
        post(host, "/v1/checks/" + check + "/send", "{\"id\":\"" + send + "\"}");
    assertThat(again.status()).as("a retried send sends nothing more").isEqualTo(200);
    assertThat(again.json().get("tickets").toString()).isEqualTo(tickets.toString());
    TestCloud.Reply nothing =
        post(host, "/v1/checks/" + check + "/send", "{\"id\":\"" + UUID.randomUUID() + "\"}");
    assertThat(nothing.status()).isEqualTo(201);
    assertThat(nothing.json().get("tickets")).as("nothing left unsent").isEmpty();

    // A station that was off resumes from its cursor: exactly the two tickets, once, in order.
    List<EventStream.Event> got = new ArrayList<>();
    String last;
    try (EventStream resumed = kitchenStream(start)) {
      got.add(resumed.next("KITCHEN_TICKET", 10));
      got.add(resumed.next("KITCHEN_TICKET", 10));
      last = got.get(1).id();
    }
    assertThat(got).doesNotContainNull();
    assertThat(got.get(0).data()).contains("Гаряча кухня").contains(check.toString());
    assertThat(TestCloud.JSON.readTree(got.get(1).data()).at("/ticket/stationId").asText())
        .isEqualTo("bar");
    assertThat(Long.parseLong(got.get(1).id())).isGreaterThan(Long.parseLong(got.get(0).id()));

    // Taken off after it was sent: the hot kitchen gets a void, the bar nothing.
    String steak = sent.json().get("check").get("lines").get(0).get("id").asText();
    TestCloud.Reply removed =
        cloud.send("DELETE", "/v1/checks/" + check + "/lines/" + steak, null, host);
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    try (EventStream after = kitchenStream(last)) {
      EventStream.Event next = after.next(10);
      assertThat(next).isNotNull();
      assertThat(next.name())
          .as("nothing printed twice: the void comes next")
          .isEqualTo("KITCHEN_VOID");
      JsonNode voided = TestCloud.JSON.readTree(next.data()).get("ticket");
      assertThat(voided.get("kind").asText()).isEqualTo("VOID");
      assertThat(voided.get("stationName").asText()).isEqualTo("Гаряча кухня");
      assertThat(voided.at("/lines/0/name").asText()).isEqualTo("Стейк рібай");
      assertThat(after.next(1)).isNull();
    }
  }

  @Test
  void aSendNamesItsIdAndAnOpenCheck() {
    UUID check = seated("K3", 1);
    assertThat(add(check, line(UUID.randomUUID(), "borshch", 1, null, null)).status())
        .isEqualTo(201);
    TestCloud.Reply badId = post(host, "/v1/checks/" + check + "/send", "{\"id\":\"x\"}");
    assertThat(badId.status()).isEqualTo(422);
    TestCloud.Reply other =
        post(
            host,
            "/v1/checks/" + UUID.randomUUID() + "/send",
            "{\"id\":\"" + UUID.randomUUID() + "\"}");
    assertThat(other.status()).isEqualTo(404);
  }

  @Test
  void aCheckIsSettledOnlyByASaleWithTheSameOptions() {
    UUID check = seated("K4", 1);
    assertThat(add(check, line(UUID.randomUUID(), "latte", 1, OAT, null)).status()).isEqualTo(201);
    SaleRequest regular =
        latte(new ChosenModifierDto("milk", "regular", 0, "Молоко", "Звичайне"), 0);
    assertThat(submit(regular).status()).isEqualTo(201);
    TestCloud.Reply refused =
        post(cashier, "/v1/checks/" + check + "/settle", "{\"saleId\":\"" + regular.id() + "\"}");
    assertThat(refused.status()).as("regular milk is not the oat ordered").isEqualTo(422);
    SaleRequest oat = latte(new ChosenModifierDto("milk", "oat", 1500, "Молоко", "Вівсяне"), 1500);
    assertThat(submit(oat).status()).isEqualTo(201);
    TestCloud.Reply settled =
        post(cashier, "/v1/checks/" + check + "/settle", "{\"saleId\":\"" + oat.id() + "\"}");
    assertThat(settled.status()).as(settled.body()).isEqualTo(200);
  }

  private static SaleRequest latte(ChosenModifierDto milk, long delta) {
    long amount = 5500 + delta;
    long tax = Math.round(amount * 20 / 120.0);
    return new SaleRequest(
        UUID.randomUUID(),
        Sales.receipt(sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(
            new SaleLineDto(1, "latte", "1", 5500, null, null, false, amount, List.of(milk), null)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "CASH", amount, null, null)),
        new TotalsDto(amount, 0, tax, amount, 0, 0),
        false,
        null);
  }

  private static TestCloud.Reply submit(SaleRequest r) {
    Map<String, String> headers = new HashMap<>(cashier);
    headers.put("Idempotency-Key", r.id().toString());
    return cloud.send("POST", "/v1/sales", Sales.json(r), headers);
  }
}
