package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.admin.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store's quick-key layout through its documented routes (ADR 0052): saved whole with the version
 * it was edited from, carried to the store's tills in their catalogue changes (not to another
 * store's), refused when stale (409), when it names an unknown item (400 naming it), to an
 * accountant (403), without a session (401) and across organisations (404).
 */
class OfficeQuickKeysApiTest {

  private static TestCloud cloud;
  private static Map<String, String> manager;
  private static Map<String, String> accountant;
  private static Map<String, String> otherOrg;
  private static UUID otherStore;
  private static String path;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    manager = bearer(cloud.demo.organisationId(), "manager");
    accountant = bearer(cloud.demo.organisationId(), "accountant");
    DemoData.Seeded b = DemoData.seed(cloud.services.admin());
    otherOrg = bearer(b.organisationId(), "owner");
    otherStore = b.storeId();
    path = "/v1/office/catalogue/quick-keys?store=" + cloud.demo.storeId();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static Map<String, String> bearer(UUID org, String role) {
    return cloud.officeBearer(cloud.officeAccount(org, role, List.of()));
  }

  private static String layout(long version, String pages) {
    return "{\"version\":" + version + ",\"pages\":" + pages + "}";
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }

  private static long current() {
    TestCloud.Reply r = cloud.send("GET", path, null, manager);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("version").asLong();
  }

  @Test
  void aSavedLayoutReachesTheStoresTillsWithTheirCatalogueChangesInItsOrder() {
    TestCloud.Enrolled till = cloud.enrollTerminal("Q1", "Каса Q1");
    Map<String, String> asTill = Map.of("Authorization", till.authorization());
    String cursor =
        cloud
            .send("GET", "/v1/catalog/changes?limit=5000", null, asTill)
            .json()
            .get("nextCursor")
            .asText();
    long version = current();
    TestCloud.Reply put =
        cloud.send(
            "PUT",
            path,
            layout(
                version,
                "[{\"title\":\"Кафе\",\"items\":[\"uzvar\",\"espresso\"]},"
                    + "{\"title\":\"  Ранок \",\"items\":[\"milk\",\"bread\"]}]"),
            manager);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode saved = put.json();
    assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
    assertThat(texts(saved.get("pages"), "title")).containsExactly("Кафе", "Ранок");
    assertThat(texts(saved.get("pages").get(0).get("keys"), "item"))
        .containsExactly("uzvar", "espresso");
    assertThat(saved.get("pages").get(0).get("keys").get(0).get("name").asText())
        .isEqualTo("Узвар 0,3 л");
    assertThat(cloud.send("GET", path, null, accountant).json()).isEqualTo(saved);

    JsonNode page = cloud.send("GET", "/v1/catalog/changes?since=" + cursor, null, asTill).json();
    JsonNode keys = page.get("quickKeys");
    assertThat(keys).as(page.toString()).isNotNull();
    assertThat(keys.get("version").asLong()).isEqualTo(version + 1);
    assertThat(texts(keys.get("pages"), "title")).containsExactly("Кафе", "Ранок");
    assertThat(texts(keys.get("pages").get(1).get("items"), null)).containsExactly("milk", "bread");
    assertThat(cloud.audited("office.catalogue.quick-keys-changed")).isGreaterThanOrEqualTo(1);

    // Nothing new since: the next page carries no layout.
    JsonNode next =
        cloud
            .send(
                "GET", "/v1/catalog/changes?since=" + page.get("nextCursor").asText(), null, asTill)
            .json();
    assertThat(next.has("quickKeys")).isFalse();
  }

  @Test
  void aSaveFromAStaleVersionIsAConflictAndChangesNothing() {
    long version = current();
    String first = layout(version, "[{\"title\":\"Напої\",\"items\":[\"water\"]}]");
    assertThat(cloud.send("PUT", path, first, manager).status()).isEqualTo(200);
    TestCloud.Reply stale =
        cloud.send(
            "PUT", path, layout(version, "[{\"title\":\"Інше\",\"items\":[\"gift\"]}]"), manager);
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
    assertThat(stale.json().get("type").asText()).contains("quick-keys-stale");
    assertThat(stale.json().get("detail").asText()).contains("since version " + version);
    JsonNode now = cloud.send("GET", path, null, manager).json();
    assertThat(now.get("version").asLong()).isEqualTo(version + 1);
    assertThat(texts(now.get("pages"), "title")).containsExactly("Напої");
  }

  @Test
  void anUnknownItemIsABadRequestNamingIt() {
    long version = current();
    TestCloud.Reply r =
        cloud.send(
            "PUT",
            path,
            layout(version, "[{\"title\":\"Кафе\",\"items\":[\"espresso\",\"no-such-item\"]}]"),
            manager);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains("no-such-item");
    assertThat(current()).isEqualTo(version);
  }

  @Test
  void badLayoutsAreRefusedWithAProblem() {
    long version = current();
    TestCloud.Reply twice =
        cloud.send(
            "PUT",
            path,
            layout(version, "[{\"title\":\"A\",\"items\":[]},{\"title\":\"A\",\"items\":[]}]"),
            manager);
    assertThat(twice.status()).as(twice.body()).isEqualTo(400);
    assertThat(twice.json().get("detail").asText()).contains("Two pages are called A");
    TestCloud.Reply same =
        cloud.send(
            "PUT",
            path,
            layout(version, "[{\"title\":\"A\",\"items\":[\"milk\",\"milk\"]}]"),
            manager);
    assertThat(same.status()).as(same.body()).isEqualTo(400);
    TestCloud.Reply blank =
        cloud.send("PUT", path, layout(version, "[{\"title\":\"\",\"items\":[]}]"), manager);
    assertThat(blank.status()).isBetween(400, 422);
    assertThat(blank.json().has("detail")).isTrue();
    TestCloud.Reply noStore =
        cloud.send("PUT", "/v1/office/catalogue/quick-keys", layout(version, "[]"), manager);
    assertThat(noStore.status()).isEqualTo(400);
    assertThat(current()).isEqualTo(version);
  }

  @Test
  void anAccountantReadsButNeverSaves() {
    long version = current();
    assertThat(cloud.send("GET", path, null, accountant).status()).isEqualTo(200);
    TestCloud.Reply r = cloud.send("PUT", path, layout(version, "[]"), accountant);
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(current()).isEqualTo(version);
  }

  @Test
  void withoutASessionItIsUnauthorized() {
    assertThat(cloud.send("GET", path, null, Map.of()).status()).isEqualTo(401);
    assertThat(cloud.send("PUT", path, layout(0, "[]"), Map.of()).status()).isEqualTo(401);
  }

  @Test
  void anotherOrganisationsStoreIsNotFound() {
    long version = current();
    assertThat(cloud.send("GET", path, null, otherOrg).status()).isEqualTo(404);
    assertThat(cloud.send("PUT", path, layout(version, "[]"), otherOrg).status()).isEqualTo(404);
    String theirs = "/v1/office/catalogue/quick-keys?store=" + otherStore;
    assertThat(cloud.send("GET", theirs, null, manager).status()).isEqualTo(404);
    assertThat(cloud.send("GET", theirs, null, otherOrg).status()).isEqualTo(200);
    assertThat(current()).isEqualTo(version);
  }
}
