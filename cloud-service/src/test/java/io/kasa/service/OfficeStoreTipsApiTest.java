package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store's tip rules in the back office's documented routes (ADR 0054, 0051): read with the store,
 * changed by an owner or a manager through the one PATCH, checked whole (422 naming the part),
 * audited naming the change, and carried to the store's tills in their configuration.
 */
class OfficeStoreTipsApiTest {

  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static Map<String, String> office(String role) {
    String email = cloud.officeAccount(cloud.demo.organisationId(), role, List.of());
    return cloud.officeBearer(email);
  }

  private static TestCloud.Reply patch(Map<String, String> who, String body) {
    Map<String, String> h = new HashMap<>(who);
    h.put("Content-Type", "application/json");
    return cloud.send("PATCH", "/v1/office/stores/" + cloud.demo.storeId(), body, h);
  }

  @Test
  void aManagerTurnsTipsOnAndTheTillsHearOfIt() {
    Map<String, String> manager = office("manager");
    TestCloud.Reply before =
        cloud.send("GET", "/v1/office/stores/" + cloud.demo.storeId(), null, manager);
    assertThat(before.status()).as(before.body()).isEqualTo(200);
    assertThat(before.json().get("tips").get("enabled").asBoolean()).isFalse();
    long audited = cloud.audited("office.store.changed");

    TestCloud.Reply r =
        patch(
            manager,
            "{\"tips\":{\"enabled\":true,\"presets\":[\"5\",\"10\",\"12.5\"],\"maxPercent\":\"50\"}}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode tips = r.json().get("tips");
    assertThat(tips.get("enabled").asBoolean()).isTrue();
    assertThat(tips.get("presets").toString()).isEqualTo("[\"5\",\"10\",\"12.5\"]");
    assertThat(tips.get("maxPercent").asText()).isEqualTo("50");
    assertThat(cloud.audited("office.store.changed")).isEqualTo(audited + 1);
    String terminal = cloud.enrollDemoTerminal();
    TestCloud.Reply config =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", terminal));
    assertThat(config.json().get("store").get("tips").get("presets").toString())
        .isEqualTo("[\"5\",\"10\",\"12.5\"]");
  }

  @Test
  void aPresetAboveTheLargestTipIsRefusedNamingItAndNothingChanges() {
    Map<String, String> owner = office("owner");
    TestCloud.Reply r =
        patch(owner, "{\"name\":\"Інша назва\",\"tips\":{\"presets\":[\"5\",\"300\"]}}");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("/tips/presets");
    TestCloud.Reply now =
        cloud.send("GET", "/v1/office/stores/" + cloud.demo.storeId(), null, owner);
    assertThat(now.json().get("name").asText()).isNotEqualTo("Інша назва");

    TestCloud.Reply bad = patch(owner, "{\"tips\":{\"maxPercent\":\"lots\"}}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    assertThat(bad.body()).contains("/tips/maxPercent");
  }

  @Test
  void anAccountantReadsTheTipRulesButCannotChangeThem() {
    Map<String, String> accountant = office("accountant");
    TestCloud.Reply r = patch(accountant, "{\"tips\":{\"enabled\":true}}");
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    TestCloud.Reply read =
        cloud.send("GET", "/v1/office/stores/" + cloud.demo.storeId(), null, accountant);
    assertThat(read.json().has("tips")).isTrue();
  }

  @Test
  void aStoreOfAnotherOrganisationIsNotFound() {
    UUID other = UUID.randomUUID();
    Map<String, String> owner = office("owner");
    Map<String, String> h = new HashMap<>(owner);
    h.put("Content-Type", "application/json");
    TestCloud.Reply r =
        cloud.send("PATCH", "/v1/office/stores/" + other, "{\"tips\":{\"enabled\":true}}", h);
    assertThat(r.status()).as(r.body()).isEqualTo(404);
  }
}
