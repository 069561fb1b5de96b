package io.kasa.service.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.TestCloud;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Terminals screen's documented routes (issue 22, ADR 0045): a terminal created with a code
 * that enrolls a till through the real enrollment route, its last contact and what it reports,
 * revoked (its credential refused at once), replaced (the new device is the same terminal), its
 * device set-up backup; read by every account, changed only by an owner or a manager, never across
 * organisations or outside an account's stores.
 */
class TerminalsOfficeApiTest {

  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** A session of a new account of the demo organisation with {@code role} and {@code stores}. */
  private static Map<String, String> office(String role, List<UUID> stores) {
    return office(cloud.demo.organisationId(), role, stores);
  }

  private static Map<String, String> office(UUID org, String role, List<UUID> stores) {
    return cloud.officeBearer(cloud.officeAccount(org, role, stores));
  }

  private static TestCloud.Reply create(Map<String, String> who, String body) {
    Map<String, String> h = new HashMap<>(who);
    h.put("Content-Type", "application/json");
    return cloud.send("POST", "/v1/office/terminals", body, h);
  }

  private static String body(UUID store, String code, String name) {
    return "{\"storeId\":\"" + store + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\"}";
  }

  private static TestCloud.Reply enroll(String code) {
    return cloud.send(
        "POST",
        "/v1/terminals/enroll",
        "{\"code\":\"" + code + "\",\"deviceName\":\"till\"}",
        Map.of());
  }

  private static TestCloud.Reply config(String authorization, Map<String, String> extra) {
    Map<String, String> h = new HashMap<>(extra);
    h.put("Authorization", authorization);
    return cloud.send("GET", "/v1/terminal/config", null, h);
  }

  private static JsonNode terminal(Map<String, String> who, String id) {
    TestCloud.Reply r = cloud.send("GET", "/v1/office/terminals/" + id, null, who);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long auditedBy(String action, Map<String, String> who, String terminal) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from audit_log where action = :a and terminal_id = :t"
                            + " and office_account_id is not null")
                    .bind("a", action)
                    .bind("t", UUID.fromString(terminal))
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aTerminalCreatedEnrollsWithItsCodeAndReportsItsContact() {
    Map<String, String> owner = office("owner", List.of());
    TestCloud.Reply created = create(owner, body(cloud.demo.storeId(), "T7", "Каса біля виходу"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode t = created.json().get("terminal");
    String id = t.get("id").asText();
    String code = created.json().get("enrollmentCode").asText();
    assertThat(t.get("state").asText()).isEqualTo("WAITING");
    assertThat(t.get("code").asText()).isEqualTo("T7");
    assertThat(t.get("lastContactAt").isNull()).isTrue();
    assertThat(created.json().get("expiresAt").asText()).isEqualTo(t.get("codeExpiresAt").asText());
    assertThat(auditedBy("TERMINAL_CREATED", owner, id)).isEqualTo(1);

    // The till enrolls with the code through the real route, as the wizard does.
    TestCloud.Reply enrolled = enroll(code);
    assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
    assertThat(enrolled.json().get("terminalId").asText()).isEqualTo(id);
    assertThat(enrolled.json().get("terminalCode").asText()).isEqualTo("T7");
    String authorization = "Bearer " + enrolled.json().get("credential").asText();
    // The code is single-use.
    assertThat(enroll(code).status()).isEqualTo(401);

    JsonNode before = terminal(owner, id);
    assertThat(before.get("state").asText()).isEqualTo("ENROLLED");
    assertThat(before.get("enrolledAt").isNull()).isFalse();
    assertThat(before.get("lastContactAt").isNull()).isTrue();

    assertThat(config(authorization, Map.of("Kasa-Unsent", "3", "Kasa-Version", "0.9.1")).status())
        .isEqualTo(200);
    JsonNode after = terminal(owner, id);
    assertThat(after.get("lastContactAt").isNull()).isFalse();
    assertThat(after.get("unsentEntries").asLong()).isEqualTo(3);
    assertThat(after.get("appVersion").asText()).isEqualTo("0.9.1");

    // Entries delivered: the next report of none is written at once (the owner must see it).
    assertThat(config(authorization, Map.of("Kasa-Unsent", "0")).status()).isEqualTo(200);
    assertThat(terminal(owner, id).get("unsentEntries").asLong()).isZero();
    assertThat(terminal(owner, id).get("appVersion").asText()).isEqualTo("0.9.1");

    // A report that is not as documented is ignored, never refused.
    assertThat(config(authorization, Map.of("Kasa-Unsent", "lots", "Kasa-Version", "<b>")).status())
        .isEqualTo(200);

    TestCloud.Reply list = cloud.send("GET", "/v1/office/terminals", null, owner);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("terminals").findValuesAsText("id")).contains(id);
  }

  @Test
  void theHealthProbeIsTheTillsHeartbeat() {
    Map<String, String> owner = office("manager", List.of());
    TestCloud.Reply created = create(owner, body(cloud.demo.storeId(), "T8", "Probe"));
    String id = created.json().get("terminal").get("id").asText();
    String authorization =
        "Bearer "
            + enroll(created.json().get("enrollmentCode").asText())
                .json()
                .get("credential")
                .asText();

    // A wrong credential on the probe changes nothing and is not refused.
    TestCloud.Reply wrong =
        cloud.send(
            "GET",
            "/health",
            null,
            Map.of("Authorization", "Bearer " + id + ".wrong", "Kasa-Unsent", "5"));
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(terminal(owner, id).get("lastContactAt").isNull()).isTrue();

    TestCloud.Reply probe =
        cloud.send(
            "GET",
            "/health",
            null,
            Map.of("Authorization", authorization, "Kasa-Unsent", "0", "Kasa-Version", "1.0.0"));
    assertThat(probe.status()).isEqualTo(200);
    JsonNode t = terminal(owner, id);
    assertThat(t.get("lastContactAt").isNull()).isFalse();
    assertThat(t.get("unsentEntries").asLong()).isZero();
    assertThat(t.get("appVersion").asText()).isEqualTo("1.0.0");
  }

  @Test
  void revokedTheTerminalsCredentialIsRefusedAtOnceAndReplacedItContinues() {
    Map<String, String> owner = office("owner", List.of());
    TestCloud.Reply created = create(owner, body(cloud.demo.storeId(), "T9", "Stolen"));
    String id = created.json().get("terminal").get("id").asText();
    String old =
        "Bearer "
            + enroll(created.json().get("enrollmentCode").asText())
                .json()
                .get("credential")
                .asText();
    assertThat(config(old, Map.of()).status()).isEqualTo(200);

    TestCloud.Reply revoked =
        cloud.send("POST", "/v1/office/terminals/" + id + "/revoke", null, owner);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().get("state").asText()).isEqualTo("REVOKED");
    assertThat(config(old, Map.of()).status()).isEqualTo(401);
    assertThat(auditedBy("TERMINAL_REVOKED", owner, id)).isEqualTo(1);
    // Again: nothing changes, nothing more is audited.
    assertThat(cloud.send("POST", "/v1/office/terminals/" + id + "/revoke", null, owner).status())
        .isEqualTo(200);
    assertThat(auditedBy("TERMINAL_REVOKED", owner, id)).isEqualTo(1);

    // Replaced: a new device enrolls as the same terminal; the revoked one stays out.
    TestCloud.Reply replaced =
        cloud.send("POST", "/v1/office/terminals/" + id + "/replace", null, owner);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
    assertThat(replaced.json().get("terminal").get("state").asText()).isEqualTo("WAITING");
    assertThat(config(old, Map.of()).status()).isEqualTo(401);
    TestCloud.Reply again = enroll(replaced.json().get("enrollmentCode").asText());
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().get("terminalId").asText()).isEqualTo(id);
    assertThat(again.json().get("terminalCode").asText()).isEqualTo("T9");
    assertThat(config("Bearer " + again.json().get("credential").asText(), Map.of()).status())
        .isEqualTo(200);
    assertThat(config(old, Map.of()).status()).isEqualTo(401);
    assertThat(terminal(owner, id).get("state").asText()).isEqualTo("ENROLLED");
    assertThat(auditedBy("TERMINAL_REPLACED", owner, id)).isEqualTo(1);
  }

  @Test
  void aReplacedTerminalsOldDeviceWorksUntilTheNewOneEnrolls() {
    Map<String, String> owner = office("owner", List.of());
    TestCloud.Reply created = create(owner, body(cloud.demo.storeId(), "T10", "Broken"));
    String id = created.json().get("terminal").get("id").asText();
    String old =
        "Bearer "
            + enroll(created.json().get("enrollmentCode").asText())
                .json()
                .get("credential")
                .asText();
    JsonNode first =
        cloud.send("POST", "/v1/office/terminals/" + id + "/replace", null, owner).json();
    JsonNode second =
        cloud.send("POST", "/v1/office/terminals/" + id + "/replace", null, owner).json();
    assertThat(config(old, Map.of()).status()).isEqualTo(200);
    // Only the latest code works.
    assertThat(enroll(first.get("enrollmentCode").asText()).status()).isEqualTo(401);
    TestCloud.Reply enrolled = enroll(second.get("enrollmentCode").asText());
    assertThat(enrolled.status()).isEqualTo(201);
    assertThat(config(old, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void theDeviceSetUpBackupIsShown() {
    Map<String, String> owner = office("owner", List.of());
    TestCloud.Enrolled till = cloud.enrollTerminal("T11", "Devices");
    String id = till.id().toString();
    TestCloud.Reply none =
        cloud.send("GET", "/v1/office/terminals/" + id + "/devices", null, owner);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.contentType()).startsWith("application/problem+json");
    Map<String, String> tech =
        new HashMap<>(cloud.signedIn(till.authorization(), cloud.demo.technicianId(), "7777"));
    tech.put("Content-Type", "application/json");
    TestCloud.Reply put =
        cloud.send(
            "PUT",
            "/v1/terminal/devices",
            "{\"settings\":{\"printer-uri\":\"serial:/dev/ttyUSB0\",\"drawer-pin\":\"2\"}}",
            tech);
    assertThat(put.status()).as(put.body()).isEqualTo(201);
    TestCloud.Reply shown =
        cloud.send("GET", "/v1/office/terminals/" + id + "/devices", null, owner);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().get("settings").get("printer-uri").asText())
        .isEqualTo("serial:/dev/ttyUSB0");
    assertThat(shown.json().get("version").asLong()).isEqualTo(1);
    assertThat(terminal(owner, id).get("devicesBackedUpAt").isNull()).isFalse();
  }

  @Test
  void anAccountantReadsButChangesNothing() {
    Map<String, String> accountant = office("accountant", List.of());
    TestCloud.Enrolled till = cloud.enrollTerminal("T12", "Read only");
    assertThat(cloud.send("GET", "/v1/office/terminals", null, accountant).status()).isEqualTo(200);
    assertThat(terminal(accountant, till.id().toString()).get("state").asText())
        .isEqualTo("ENROLLED");
    TestCloud.Reply create = create(accountant, body(cloud.demo.storeId(), "T13", "No"));
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.contentType()).startsWith("application/problem+json");
    for (String action : List.of("revoke", "replace")) {
      assertThat(
              cloud
                  .send(
                      "POST", "/v1/office/terminals/" + till.id() + "/" + action, null, accountant)
                  .status())
          .as(action)
          .isEqualTo(403);
    }
    assertThat(config(till.authorization(), Map.of()).status()).isEqualTo(200);
  }

  @Test
  void anotherOrganisationsOrAnotherStoresTerminalIsNotFound() {
    TestCloud.Enrolled till = cloud.enrollTerminal("T14", "Ours");
    UUID otherOrg = cloud.services.admin().createOrganisation("Інша");
    cloud
        .services
        .admin()
        .createStore(
            otherOrg, "B1", "Their shop", "UAH", "INCLUSIVE", "PER_LINE", 1, BigDecimal.TEN);
    Map<String, String> stranger = office(otherOrg, "owner", List.of());
    for (String path : List.of("", "/devices")) {
      assertThat(
              cloud
                  .send("GET", "/v1/office/terminals/" + till.id() + path, null, stranger)
                  .status())
          .isEqualTo(404);
    }
    for (String action : List.of("revoke", "replace")) {
      assertThat(
              cloud
                  .send("POST", "/v1/office/terminals/" + till.id() + "/" + action, null, stranger)
                  .status())
          .isEqualTo(404);
    }
    assertThat(
            cloud
                .send("GET", "/v1/office/terminals", null, stranger)
                .json()
                .get("terminals")
                .size())
        .isZero();
    assertThat(create(stranger, body(cloud.demo.storeId(), "X1", "Theirs")).status())
        .isEqualTo(404);

    // A manager of another store of the same organisation sees none of this store's terminals.
    UUID second =
        cloud
            .services
            .admin()
            .createStore(
                cloud.demo.organisationId(),
                "K9",
                "Second",
                "UAH",
                "INCLUSIVE",
                "PER_LINE",
                1,
                BigDecimal.TEN);
    Map<String, String> scoped = office("manager", List.of(second));
    assertThat(cloud.send("GET", "/v1/office/terminals/" + till.id(), null, scoped).status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send("GET", "/v1/office/terminals", null, scoped)
                .json()
                .get("terminals")
                .findValuesAsText("id"))
        .doesNotContain(till.id().toString());
    assertThat(create(scoped, body(cloud.demo.storeId(), "X2", "Not mine")).status())
        .isEqualTo(404);
    assertThat(create(scoped, body(second, "T1", "Mine")).status()).isEqualTo(201);
    assertThat(config(till.authorization(), Map.of()).status()).isEqualTo(200);
  }

  @Test
  void badInputIsAProblem() {
    Map<String, String> owner = office("owner", List.of());
    assertThat(cloud.send("GET", "/v1/office/terminals", null, Map.of()).status()).isEqualTo(401);
    assertThat(create(Map.of(), body(cloud.demo.storeId(), "T20", "x")).status()).isEqualTo(401);
    for (String bad :
        List.of(
            body(cloud.demo.storeId(), "T 1", "Space"),
            body(cloud.demo.storeId(), "", "Empty"),
            body(cloud.demo.storeId(), "T12345678901234567", "Long"),
            body(cloud.demo.storeId(), "T21", ""),
            "{\"storeId\":\"not-a-uuid\",\"code\":\"T22\",\"name\":\"x\"}",
            "{\"code\":\"T23\",\"name\":\"x\"}")) {
      TestCloud.Reply r = create(owner, bad);
      assertThat(r.status()).as(bad + " → " + r.body()).isEqualTo(422);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(create(owner, "not json").status()).isEqualTo(400);
    String extra =
        "{\"storeId\":\""
            + cloud.demo.storeId()
            + "\",\"code\":\"T24\",\"name\":\"x\",\"extra\":1}";
    assertThat(create(owner, extra).status()).isEqualTo(400);
    assertThat(create(owner, body(UUID.randomUUID(), "T25", "Nowhere")).status()).isEqualTo(404);
    assertThat(create(owner, body(cloud.demo.storeId(), "T26", "First")).status()).isEqualTo(201);
    TestCloud.Reply twice = create(owner, body(cloud.demo.storeId(), "T26", "Second"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.contentType()).startsWith("application/problem+json");
    assertThat(cloud.send("GET", "/v1/office/terminals/nope", null, owner).status()).isEqualTo(404);
    assertThat(
            cloud
                .send("POST", "/v1/office/terminals/" + UUID.randomUUID() + "/revoke", null, owner)
                .status())
        .isEqualTo(404);
  }
}
