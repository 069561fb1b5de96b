package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.floor.KitchenScreen;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bumped times feed the waitlist's quotes (issue 23 point 5, ADR 0055): on a floor of one seated
 * table, a walk-in's quote is the table's whole turn; once the kitchen has bumped every ticket of
 * its check, the table is expected free a learned "last bump to paid" after its last bump (20
 * minutes before any check has taught it), and the quote through the API falls to that.
 */
class KitchenTurnTimesApiTest {

  private static TestCloud cloud;
  private static Map<String, String> host;
  private static KitchenOrders orders;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    host = cloud.signedIn(terminal, cloud.demo.hostId(), "5555");
    Map<String, String> manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    UUID area = UUID.randomUUID();
    assertThat(
            cloud
                .send(
                    "PUT", "/v1/floor/areas/" + area, "{\"name\":\"Зал\",\"position\":1}", manager)
                .status())
        .isEqualTo(201);
    orders = new KitchenOrders(cloud, area, host, manager);
    // The demo's own tables seated too: the quote is the order's table's alone.
    TestCloud.Reply floor = cloud.send("GET", "/v1/floor", null, host);
    assertThat(floor.status()).as(floor.body()).isEqualTo(200);
    for (var t : floor.json().get("tables")) {
      TestCloud.Reply seated =
          cloud.post(
              host,
              "/v1/floor/tables/" + t.get("id").asText() + "/seat",
              null,
              "{\"checkId\":\""
                  + UUID.randomUUID()
                  + "\",\"guests\":1,\"version\":"
                  + t.get("version").asLong()
                  + "}");
      assertThat(seated.status()).as(seated.body()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static long quote() {
    UUID party = UUID.randomUUID();
    TestCloud.Reply r =
        cloud.post(
            host,
            "/v1/waitlist",
            party.toString(),
            "{\"id\":\"" + party + "\",\"name\":\"Гнатюк\",\"size\":2}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    // Cancelled again: the next quote has nobody ahead.
    TestCloud.Reply cancelled =
        cloud.post(
            host,
            "/v1/waitlist/" + party + "/status",
            null,
            "{\"status\":\"CANCELLED\",\"version\":" + r.json().get("version") + "}");
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    return r.json().get("quotedMinutes").asLong();
  }

  @Test
  void aTableWhoseTicketsAreAllBumpedIsQuotedFromItsLastBump() {
    KitchenOrders.Sent sent = orders.order("Т1", 1);
    // Seated just now, never paid here: the default turn (45 minutes) and the reset (5).
    long whole = quote();
    assertThat(whole).isBetween(50L, 55L);
    KitchenScreen kitchen = cloud.services.app().screens().kitchen();
    UUID org = cloud.demo.organisationId();
    UUID store = cloud.demo.storeId();
    // One of two tickets bumped: the kitchen is not done, the quote stays.
    kitchen.bump(org, store, sent.barTicket(), null, UUID.randomUUID());
    assertThat(quote()).isEqualTo(whole);
    // Both: free 20 minutes after the last bump, and the reset.
    kitchen.bump(org, store, sent.hotTicket(), null, UUID.randomUUID());
    assertThat(quote()).isBetween(25L, 30L);
    // Recalled: the kitchen is cooking again.
    kitchen.recall(org, store, sent.hotTicket());
    assertThat(quote()).isEqualTo(whole);
  }
}
