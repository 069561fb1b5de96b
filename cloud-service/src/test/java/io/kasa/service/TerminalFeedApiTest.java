package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.service.admin.DemoData;
import io.kasa.service.auth.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A till hears of every change to what it keeps (catalogue, prices, staff, PINs, store rules) on
 * {@code /v1/terminal/changes}, as its store's version (ADR 0028), and only its own store's.
 */
class TerminalFeedApiTest {

  private static TestCloud cloud;
  private static String till;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    till = cloud.enrollTerminal("F1", "Каса F1").authorization();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static EventStream changes(String authorization, Long after) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", authorization);
    if (after != null) {
      headers.put("Last-Event-ID", Long.toString(after));
    }
    return new EventStream(cloud.uri("/v1/terminal/changes"), headers);
  }

  private static long version() {
    return cloud
        .services
        .app()
        .terminals()
        .feed()
        .version(cloud.demo.organisationId(), cloud.demo.storeId());
  }

  @Test
  void aTillWithoutAVersionIsToldTheStoresVersionAtOnce() throws Exception {
    long now = version();
    try (EventStream stream = changes(till, null)) {
      assertThat(stream.status()).isEqualTo(200);
      EventStream.Event first = stream.next("CHANGED", 10);
      assertThat(first).isNotNull();
      assertThat(Long.parseLong(first.id())).isGreaterThanOrEqualTo(now).isPositive();
      assertThat(first.data()).isEqualTo("{\"version\":" + first.id() + "}");
    }
  }

  @Test
  void aNewPriceIsHeardAndTheCatalogueChangesAfterTheTillsCursorCarryIt() throws Exception {
    String cursor =
        cloud
            .send("GET", "/v1/catalog/changes?limit=5000", null, Map.of("Authorization", till))
            .json()
            .get("nextCursor")
            .asText();
    long before = version();
    try (EventStream stream = changes(till, before)) {
      assertThat(stream.status()).isEqualTo(200);
      cloud.services.admin().setPrice(cloud.demo.organisationId(), "SKU-P1", 4321);
      EventStream.Event heard = stream.next("CHANGED", 10);
      assertThat(heard).as("a change heard").isNotNull();
      assertThat(Long.parseLong(heard.id())).isGreaterThan(before);
    }
    JsonNode page =
        cloud
            .send("GET", "/v1/catalog/changes?since=" + cursor, null, Map.of("Authorization", till))
            .json();
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo("p1");
    assertThat(page.get("items").get(0).get("price").asLong()).isEqualTo(4321);
  }

  @Test
  void aTillThatWasAwayHearsTheLatestVersionOnceWhenItComesBack() throws Exception {
    long before = version();
    UUID org = cloud.demo.organisationId();
    cloud.services.admin().setPrice(org, "p2", 1000);
    UUID newcomer = cloud.services.admin().createEmployee(org, "Богдан", Role.CASHIER, "314159");
    cloud.services.admin().staff().changePin(org, newcomer, "271828");
    long latest = version();
    assertThat(latest).isGreaterThanOrEqualTo(before + 3);
    try (EventStream stream = changes(till, before)) {
      EventStream.Event heard = stream.next("CHANGED", 10);
      assertThat(heard).isNotNull();
      assertThat(Long.parseLong(heard.id())).isEqualTo(latest);
    }
  }

  @Test
  void staffAndStoreRulesMoveTheVersionButAWrongPinDoesNot() {
    UUID org = cloud.demo.organisationId();
    long start = version();
    UUID leaver = cloud.services.admin().createEmployee(org, "Тарас", Role.CASHIER, "424242");
    long added = version();
    assertThat(added).isGreaterThan(start);
    TestCloud.Reply wrong =
        cloud.send(
            "POST",
            "/v1/sessions",
            "{\"employeeId\":\"" + leaver + "\",\"pin\":\"000000\"}",
            Map.of("Authorization", till));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(version()).as("a wrong PIN is no news for a till").isEqualTo(added);
    cloud.services.admin().staff().deactivate(org, leaver);
    long dismissed = version();
    assertThat(dismissed).isGreaterThan(added);
    cloud
        .services
        .admin()
        .configureStore(
            org, cloud.demo.storeId(), null, null, new OfflineCardRules(true, 50000, 200000, 120));
    assertThat(version()).isGreaterThan(dismissed);
  }

  @Test
  void aDismissedEmployeeLeavesTheTillsStaffAndCannotSignIn() {
    UUID org = cloud.demo.organisationId();
    UUID leaver = cloud.services.admin().createEmployee(org, "Остап", Role.CASHIER, "737373");
    cloud.services.admin().staff().deactivate(org, leaver);
    JsonNode staff =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", till)).json();
    assertThat(staff.get("staff").findValuesAsText("id")).doesNotContain(leaver.toString());
    TestCloud.Reply refused =
        cloud.send(
            "POST",
            "/v1/sessions",
            "{\"employeeId\":\"" + leaver + "\",\"pin\":\"737373\"}",
            Map.of("Authorization", till));
    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void anOperatorsSqlIsHeardToo() throws Exception {
    long before = version();
    try (EventStream stream = changes(till, before)) {
      assertThat(stream.status()).isEqualTo(200);
      cloud.execute("update store set locale = 'en-GB' where id = ?", cloud.demo.storeId());
      EventStream.Event heard = stream.next("CHANGED", 10);
      assertThat(heard).isNotNull();
      assertThat(Long.parseLong(heard.id())).isGreaterThan(before);
    } finally {
      cloud.execute("update store set locale = 'uk-UA' where id = ?", cloud.demo.storeId());
    }
  }

  @Test
  void anotherOrganisationsChangesAreNeverHeard() throws Exception {
    DemoData.Seeded other = DemoData.seed(cloud.services.admin());
    String otherTill =
        "Bearer "
            + cloud
                .send(
                    "POST",
                    "/v1/terminals/enroll",
                    "{\"code\":\"" + other.terminal().enrollmentCode() + "\"}",
                    Map.of())
                .json()
                .get("credential")
                .asText();
    long ours = version();
    try (EventStream stream = changes(till, ours);
        EventStream theirs = changes(otherTill, 0L)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(theirs.next("CHANGED", 10)).as("their own version").isNotNull();
      cloud.services.admin().setPrice(other.organisationId(), "p1", 1);
      cloud.services.admin().staff().deactivate(other.organisationId(), other.cashierId());
      cloud
          .services
          .admin()
          .configureStore(other.organisationId(), other.storeId(), "en-GB", null, null);
      assertThat(theirs.next("CHANGED", 10)).as("they hear their changes").isNotNull();
      assertThat(version()).as("ours did not move").isEqualTo(ours);
      // Our next change is the first thing our stream carries.
      cloud.services.admin().setPrice(cloud.demo.organisationId(), "p3", 777);
      EventStream.Event heard = stream.next(10);
      assertThat(heard).isNotNull();
      assertThat(heard.id()).isEqualTo(Long.toString(version()));
      assertThat(Long.parseLong(heard.id())).isEqualTo(ours + 1);
    }
  }

  @Test
  void theStreamIsForEnrolledTillsAskingForAnEventStream() throws Exception {
    try (EventStream anonymous = changes("Bearer nonsense", null)) {
      assertThat(anonymous.status()).isEqualTo(401);
    }
    assertThat(
            cloud
                .send(
                    "GET",
                    "/v1/terminal/changes",
                    null,
                    Map.of("Authorization", till, "Accept", "application/json"))
                .status())
        .isEqualTo(406);
    assertThat(
            cloud
                .send(
                    "GET",
                    "/v1/terminal/changes",
                    null,
                    Map.of(
                        "Authorization", till, "Accept", "text/event-stream", "Last-Event-ID", "x"))
                .status())
        .isEqualTo(400);
  }
}
