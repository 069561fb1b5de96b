package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.auth.PinHasher;
import io.kasa.service.auth.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a terminal needs to work on its own: its configuration with the staff's PIN verifiers, the
 * audit events it reports later, and work recorded offline delivered without a live session.
 */
class TerminalApiTest {

  private static TestCloud cloud;
  private static String terminal;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void theConfigurationCarriesTheStoreRulesAndVerifiersThatCheckPinsOffline() {
    TestCloud.Reply r = cloud.send("GET", "/v1/terminal/config", null, auth());
    assertThat(r.status()).isEqualTo(200);
    JsonNode c = r.json();
    assertThat(c.at("/terminalCode").asText()).isEqualTo("T1");
    assertThat(c.at("/store/code").asText()).isEqualTo("K1");
    assertThat(c.at("/store/locale").asText()).isEqualTo("uk-UA");
    assertThat(c.at("/store/priceOverrideLimit").asText()).isEqualTo("10");
    assertThat(c.at("/store/offlineCards/allowed").asBoolean()).isTrue();
    assertThat(c.at("/store/offlineCards/perSaleLimit").asLong()).isEqualTo(200_000);
    JsonNode cashier = staff(c, cloud.demo.cashierId());
    assertThat(cashier.get("role").asText()).isEqualTo("CASHIER");
    String verifier = cashier.get("pinVerifier").asText();
    assertThat(verifier).startsWith("pbkdf2-sha256$").doesNotContain("1111");
    assertThat(PinHasher.verify("1111", verifier)).isTrue();
    assertThat(PinHasher.verify("1112", verifier)).isFalse();
  }

  @Test
  void anotherOrganisationsStaffIsNeverListed() {
    UUID other = cloud.services.admin().createOrganisation("Other");
    UUID stranger = cloud.services.admin().createEmployee(other, "Stranger", Role.MANAGER, "4242");
    JsonNode c = cloud.send("GET", "/v1/terminal/config", null, auth()).json();
    assertThat(c.get("staff").findValuesAsText("id")).doesNotContain(stranger.toString());
  }

  @Test
  void withoutACredentialThereIsNoConfiguration() {
    TestCloud.Reply r = cloud.send("GET", "/v1/terminal/config", null, Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anAuditEventIsRecordedOnceHoweverOftenItIsSent() {
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\""
            + id
            + "\",\"action\":\"OFFLINE_SIGN_IN\",\"employeeId\":\""
            + cloud.demo.cashierId()
            + "\",\"at\":\""
            + Instant.now()
            + "\",\"detail\":\"service unreachable\"}";
    long before = cloud.audited("OFFLINE_SIGN_IN");
    assertThat(cloud.post(auth(), "/v1/audit-events", id.toString(), body).status()).isEqualTo(201);
    assertThat(cloud.post(auth(), "/v1/audit-events", id.toString(), body).status()).isEqualTo(200);
    assertThat(cloud.audited("OFFLINE_SIGN_IN")).isEqualTo(before + 1);
  }

  @Test
  void anAuditEventWithAnUnknownActionOrEmployeeIsRefusedByName() {
    UUID id = UUID.randomUUID();
    TestCloud.Reply action =
        cloud.post(
            auth(),
            "/v1/audit-events",
            id.toString(),
            "{\"id\":\"" + id + "\",\"action\":\"DROP_TABLES\",\"at\":\"" + Instant.now() + "\"}");
    assertThat(action.status()).isEqualTo(422);
    assertThat(action.body()).contains("/action");
    TestCloud.Reply employee =
        cloud.post(
            auth(),
            "/v1/audit-events",
            id.toString(),
            "{\"id\":\""
                + id
                + "\",\"action\":\"OFFLINE_PIN_FAILED\",\"employeeId\":\""
                + UUID.randomUUID()
                + "\",\"at\":\""
                + Instant.now()
                + "\"}");
    assertThat(employee.status()).isEqualTo(422);
    assertThat(employee.body()).contains("/employeeId");
  }

  @Test
  void aSaleRecordedOfflineIsDeliveredForTheEmployeeTheTerminalVouchesFor() {
    UUID id = UUID.randomUUID();
    Map<String, String> vouched = new HashMap<>(auth());
    vouched.put("Kasa-Employee", cloud.demo.cashierId().toString());
    TestCloud.Reply r =
        cloud.post(
            vouched,
            "/v1/sales",
            id.toString(),
            Sales.json(Sales.breadAndAspirin(id, 901, "tok_approve")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    UUID recordedFor =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select employee_id from sale where id = :id")
                        .bind("id", id)
                        .mapTo(UUID.class)
                        .one());
    assertThat(recordedFor).isEqualTo(cloud.demo.cashierId());
  }

  @Test
  void aTerminalCannotVouchForAnotherOrganisationsEmployee() {
    UUID other = cloud.services.admin().createOrganisation("Elsewhere");
    UUID stranger = cloud.services.admin().createEmployee(other, "Stranger", Role.CASHIER, "4343");
    UUID id = UUID.randomUUID();
    long sales = cloud.count("sale");
    Map<String, String> vouched = new HashMap<>(auth());
    vouched.put("Kasa-Employee", stranger.toString());
    TestCloud.Reply r =
        cloud.post(
            vouched,
            "/v1/sales",
            id.toString(),
            Sales.json(Sales.breadAndAspirin(id, 902, "tok_approve")));
    assertThat(r.status()).isEqualTo(401);
    assertThat(cloud.count("sale")).as("nothing written").isEqualTo(sales);
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", terminal);
  }

  private static JsonNode staff(JsonNode config, UUID id) {
    for (JsonNode s : config.get("staff")) {
      if (s.get("id").asText().equals(id.toString())) {
        return s;
      }
    }
    throw new AssertionError("no staff member " + id + " in " + config);
  }
}
