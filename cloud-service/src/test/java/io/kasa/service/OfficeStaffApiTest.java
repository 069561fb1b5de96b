package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kasa.api.OpenApi;
import io.kasa.api.auth.PinHasher;
import io.kasa.service.admin.AdminService;
import io.kasa.service.admin.DemoData;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff screen's documented routes (ADR 0044) against the real service and the tills' own API:
 * a PIN generated, shown once, kept only hashed and working at a till; reset and deactivation heard
 * on the tills' change feed and refused at sign-in; stores deciding which tills list and accept an
 * employee; an accountant reading only; a manager kept below an owner; other organisations and
 * stores out of scope not found; bad input refused with problem bodies matching the document.
 */
class OfficeStaffApiTest {

  private static TestCloud cloud;
  private static JsonNode doc;
  private static UUID org;
  private static UUID s1;
  private static UUID s2;
  private static String till1;
  private static String till2;
  private static Map<String, String> owner;
  private static Map<String, String> manager;
  private static Map<String, String> accountant;
  private static Map<String, String> s1Manager;
  private static Map<String, String> stranger;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    doc = TestCloud.JSON.readTree(OpenApi.json());
    org = cloud.demo.organisationId();
    s1 = cloud.demo.storeId();
    AdminService admin = cloud.services.admin();
    s2 =
        admin.createStore(
            org, "K2", "Кафе «Колосок»", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    till1 = cloud.enrollTerminal("ST1", "Каса ST1").authorization();
    till2 = enroll(admin.createTerminal(org, s2, "ST2", "Каса ST2").enrollmentCode());
    owner = account(org, "owner", List.of());
    manager = account(org, "manager", List.of());
    accountant = account(org, "accountant", List.of());
    s1Manager = account(org, "manager", List.of(s1));
    DemoData.Seeded other = DemoData.seed(admin);
    stranger = account(other.organisationId(), "owner", List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static String enroll(String code) {
    TestCloud.Reply r =
        cloud.send("POST", "/v1/terminals/enroll", "{\"code\":\"" + code + "\"}", Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return "Bearer " + r.json().get("credential").asText();
  }

  /** An office account of {@code organisation} signed in through the API: its bearer header. */
  private static Map<String, String> account(UUID organisation, String role, List<UUID> stores) {
    return cloud.officeBearer(cloud.officeAccount(organisation, role, stores));
  }

  /** Sends and checks the answer against the document's response for its operation and status. */
  private static TestCloud.Reply call(
      String method, String template, String path, String body, Map<String, String> who) {
    TestCloud.Reply r = cloud.send(method, path, body, who);
    JsonNode response =
        doc.at(
            "/paths/"
                + template.replace("/", "~1")
                + "/"
                + method.toLowerCase(Locale.ROOT)
                + "/responses/"
                + r.status());
    assertThat(response.isMissingNode())
        .as("%s %s answered %d, not documented: %s", method, path, r.status(), r.body())
        .isFalse();
    JsonNode content = response.get("content");
    if (content != null) {
      String media = r.contentType().split(";")[0].trim();
      assertThat(content.has(media)).as("%s %s: %s", method, path, media).isTrue();
      ObjectNode schema = TestCloud.JSON.createObjectNode();
      schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      schema.setAll((ObjectNode) content.get(media).get("schema"));
      schema.set("components", doc.get("components"));
      var errors =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(schema.toString(), InputFormat.JSON)
              .validate(r.body(), InputFormat.JSON);
      assertThat(errors).as("%s %s %d: %s", method, path, r.status(), r.body()).isEmpty();
    }
    return r;
  }

  private static String body(String name, String role, List<UUID> stores) {
    String list =
        stores == null
            ? "null"
            : "[" + String.join(",", stores.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    return "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"stores\":" + list + "}";
  }

  private static TestCloud.Reply create(
      Map<String, String> who, String name, String role, List<UUID> stores) {
    return call("POST", "/v1/office/staff", "/v1/office/staff", body(name, role, stores), who);
  }

  /** A new employee made by the owner: their id and PIN. */
  private static Map.Entry<String, String> hire(String name, String role, List<UUID> stores) {
    TestCloud.Reply r = create(owner, name, role, stores);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return Map.entry(r.json().get("employee").get("id").asText(), r.json().get("pin").asText());
  }

  private static TestCloud.Reply action(Map<String, String> who, String id, String what) {
    return call(
        "POST", "/v1/office/staff/{id}/" + what, "/v1/office/staff/" + id + "/" + what, null, who);
  }

  private static TestCloud.Reply signInByPin(String till, String pin) {
    return cloud.send(
        "POST", "/v1/sessions", "{\"pin\":\"" + pin + "\"}", Map.of("Authorization", till));
  }

  private static List<String> tillStaff(String till) {
    return cloud
        .send("GET", "/v1/terminal/config", null, Map.of("Authorization", till))
        .json()
        .get("staff")
        .findValuesAsText("id");
  }

  private static long version(UUID store) {
    return cloud.services.app().terminals().feed().version(org, store);
  }

  private static EventStream changes(String till, long after) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", till);
    headers.put("Last-Event-ID", Long.toString(after));
    return new EventStream(cloud.uri("/v1/terminal/changes"), headers);
  }

  private static Map<String, Object> auditOf(String id, String action) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select office_account_id, detail from audit_log where action = :a"
                            + " and employee_id = cast(:e as uuid)")
                    .bind("a", action)
                    .bind("e", id)
                    .mapToMap()
                    .one());
  }

  @Test
  void withoutASessionNothingIsShown() {
    TestCloud.Reply r = call("GET", "/v1/office/staff", "/v1/office/staff", null, Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(
            call(
                    "POST",
                    "/v1/office/staff",
                    "/v1/office/staff",
                    body("Х", "CASHIER", null),
                    Map.of())
                .status())
        .isEqualTo(401);
  }

  @Test
  void aNewEmployeesPinIsShownOnceKeptHashedAndSignsInAtATill() {
    TestCloud.Reply r = create(owner, "Марта", "CASHIER", null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("employee").get("id").asText();
    String pin = r.json().get("pin").asText();
    assertThat(pin).matches("[0-9]{6}");
    assertThat(r.json().get("employee").get("stores").isNull()).isTrue();
    assertThat(r.json().get("employee").get("changeable").asBoolean()).isTrue();

    // Read again, the employee comes without any PIN; the database keeps only its verifier.
    TestCloud.Reply again =
        call("GET", "/v1/office/staff/{id}", "/v1/office/staff/" + id, null, owner);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).doesNotContain(pin);
    String stored =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select pin_hash from employee where id = cast(:id as uuid)")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(pin);
    assertThat(PinHasher.verify(pin, stored)).isTrue();

    // The till lists her and lets her in by the PIN alone.
    assertThat(tillStaff(till1)).contains(id);
    TestCloud.Reply signedIn = signInByPin(till1, pin);
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
    assertThat(signedIn.json().get("employeeId").asText()).isEqualTo(id);

    Map<String, Object> audit = auditOf(id, "office.staff.created");
    assertThat(audit.get("office_account_id")).isNotNull();
    assertThat((String) audit.get("detail")).contains("Марта", "CASHIER").doesNotContain(pin);
  }

  @Test
  void aResetPinReplacesTheOldOneAndEndsTheSessions() {
    Map.Entry<String, String> hired = hire("Назар", "CASHIER", null);
    String session = cloud.signIn(till1, hired.getKey(), hired.getValue());
    TestCloud.Reply reset = action(owner, hired.getKey(), "pin");
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    String fresh = reset.json().get("pin").asText();
    assertThat(fresh).matches("[0-9]{6}").isNotEqualTo(hired.getValue());

    assertThat(signInByPin(till1, hired.getValue()).status()).isEqualTo(401);
    assertThat(signInByPin(till1, fresh).status()).isEqualTo(201);
    // The session opened with the old PIN has ended.
    assertThat(
            cloud
                .send(
                    "DELETE",
                    "/v1/sessions/current",
                    null,
                    Map.of("Authorization", till1, "Kasa-Session", session))
                .status())
        .isEqualTo(401);
    assertThat((String) auditOf(hired.getKey(), "office.staff.pin-reset").get("detail"))
        .doesNotContain(fresh);
  }

  @Test
  void aDeactivatedCashierIsHeardByTheTillsAndRefusedThenReactivatedWithANewPin() throws Exception {
    Map.Entry<String, String> hired = hire("Остап", "CASHIER", null);
    String id = hired.getKey();
    assertThat(tillStaff(till1)).contains(id);
    long before = version(s1);
    try (EventStream stream = changes(till1, before)) {
      assertThat(stream.status()).isEqualTo(200);
      TestCloud.Reply off = action(owner, id, "deactivate");
      assertThat(off.status()).as(off.body()).isEqualTo(200);
      assertThat(off.json().get("active").asBoolean()).isFalse();
      EventStream.Event heard = stream.next("CHANGED", 10);
      assertThat(heard).as("the till hears of the dismissal").isNotNull();
      assertThat(Long.parseLong(heard.id())).isGreaterThan(before);
    }
    // What the till fetches on hearing it no longer holds his verifier (no offline sign-in), and
    // the service refuses him by PIN alone and by name.
    assertThat(tillStaff(till1)).doesNotContain(id);
    assertThat(tillStaff(till2)).doesNotContain(id);
    assertThat(signInByPin(till1, hired.getValue()).status()).isEqualTo(401);
    assertThat(
            cloud
                .send(
                    "POST",
                    "/v1/sessions",
                    "{\"employeeId\":\"" + id + "\",\"pin\":\"" + hired.getValue() + "\"}",
                    Map.of("Authorization", till1))
                .status())
        .isEqualTo(401);
    // Deactivating again changes nothing; the list shows him as deactivated.
    assertThat(action(owner, id, "deactivate").status()).isEqualTo(200);
    JsonNode listed =
        call("GET", "/v1/office/staff", "/v1/office/staff", null, owner).json().get("employees");
    JsonNode him = null;
    for (JsonNode e : listed) {
      if (e.get("id").asText().equals(id)) {
        him = e;
      }
    }
    assertThat(him).isNotNull();
    assertThat(him.get("active").asBoolean()).isFalse();
    assertThat(cloud.audited("office.staff.deactivated")).isGreaterThanOrEqualTo(1);

    TestCloud.Reply back = action(owner, id, "reactivate");
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    String fresh = back.json().get("pin").asText();
    assertThat(signInByPin(till1, fresh).status()).isEqualTo(201);
    assertThat(action(owner, id, "reactivate").status()).isEqualTo(409);
  }

  @Test
  void theStoresDecideWhichTillsListAndAcceptAnEmployee() throws Exception {
    Map.Entry<String, String> hired = hire("Ярина", "CASHIER", List.of(s2));
    String id = hired.getKey();
    assertThat(tillStaff(till2)).contains(id);
    assertThat(tillStaff(till1)).doesNotContain(id);
    assertThat(signInByPin(till1, hired.getValue()).status()).isEqualTo(401);
    String session = cloud.signIn(till2, id, hired.getValue());

    // The filter by store: she works at K2 only; the employees of every store work at both.
    List<String> atS2 =
        call("GET", "/v1/office/staff", "/v1/office/staff?store=" + s2, null, owner)
            .json()
            .get("employees")
            .findValuesAsText("id");
    List<String> atS1 =
        call("GET", "/v1/office/staff", "/v1/office/staff?store=" + s1, null, owner)
            .json()
            .get("employees")
            .findValuesAsText("id");
    assertThat(atS2).contains(id, cloud.demo.cashierId().toString());
    assertThat(atS1).doesNotContain(id).contains(cloud.demo.cashierId().toString());

    long before = version(s2);
    try (EventStream stream = changes(till2, before)) {
      assertThat(stream.status()).isEqualTo(200);
      TestCloud.Reply moved =
          call(
              "PUT",
              "/v1/office/staff/{id}",
              "/v1/office/staff/" + id,
              body("Ярина Коваль", "MANAGER", List.of(s1)),
              owner);
      assertThat(moved.status()).as(moved.body()).isEqualTo(200);
      assertThat(moved.json().get("name").asText()).isEqualTo("Ярина Коваль");
      assertThat(moved.json().get("role").asText()).isEqualTo("MANAGER");
      assertThat(moved.json().get("stores").get(0).asText()).isEqualTo(s1.toString());
      assertThat(stream.next("CHANGED", 10)).as("the store she left hears it").isNotNull();
    }
    assertThat(tillStaff(till2)).doesNotContain(id);
    assertThat(tillStaff(till1)).contains(id);
    assertThat(signInByPin(till1, hired.getValue()).status()).isEqualTo(201);
    // Her session at the store she left has ended.
    assertThat(
            cloud
                .send(
                    "DELETE",
                    "/v1/sessions/current",
                    null,
                    Map.of("Authorization", till2, "Kasa-Session", session))
                .status())
        .isEqualTo(401);
    assertThat((String) auditOf(id, "office.staff.changed").get("detail"))
        .contains("Ярина · CASHIER · K2", "Ярина Коваль · MANAGER · K1");
  }

  @Test
  void anAccountantReadsButChangesNothing() {
    Map.Entry<String, String> hired = hire("Павло", "CASHIER", null);
    String id = hired.getKey();
    TestCloud.Reply list = call("GET", "/v1/office/staff", "/v1/office/staff", null, accountant);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("employees").findValuesAsText("id")).contains(id);
    assertThat(list.json().get("employees").findValuesAsText("changeable")).containsOnly("false");
    // Active first, by name in the Ukrainian alphabet (І after А, whatever the database's order).
    assertThat(list.json().get("employees").findValuesAsText("name"))
        .containsSubsequence("Андрій", "Ірина", "Олена", "Тарас");
    assertThat(create(accountant, "Інна", "CASHIER", null).status()).isEqualTo(403);
    assertThat(
            call(
                    "PUT",
                    "/v1/office/staff/{id}",
                    "/v1/office/staff/" + id,
                    body("Павло", "MANAGER", null),
                    accountant)
                .status())
        .isEqualTo(403);
    for (String what : List.of("deactivate", "reactivate", "pin")) {
      TestCloud.Reply refused = action(accountant, id, what);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(signInByPin(till1, hired.getValue()).status()).isEqualTo(201);
  }

  @Test
  void anotherOrganisationsEmployeesAndStoresAreNotFound() {
    String id = hire("Данило", "CASHIER", null).getKey();
    assertThat(
            call("GET", "/v1/office/staff/{id}", "/v1/office/staff/" + id, null, stranger).status())
        .isEqualTo(404);
    assertThat(action(stranger, id, "deactivate").status()).isEqualTo(404);
    assertThat(action(stranger, id, "pin").status()).isEqualTo(404);
    assertThat(
            call(
                    "PUT",
                    "/v1/office/staff/{id}",
                    "/v1/office/staff/" + id,
                    body("Данило", "CASHIER", null),
                    stranger)
                .status())
        .isEqualTo(404);
    assertThat(
            call("GET", "/v1/office/staff", "/v1/office/staff", null, stranger)
                .json()
                .get("employees")
                .findValuesAsText("id"))
        .doesNotContain(id);
    // Our store named by another organisation, and a store of no one.
    assertThat(create(stranger, "Ганна", "CASHIER", List.of(s1)).status()).isEqualTo(404);
    assertThat(create(owner, "Ганна", "CASHIER", List.of(UUID.randomUUID())).status())
        .isEqualTo(404);
    assertThat(
            call("GET", "/v1/office/staff", "/v1/office/staff?store=" + s1, null, stranger)
                .status())
        .isEqualTo(404);
  }

  @Test
  void badInputIsRefusedWithAProblem() {
    Map<String, Integer> bodies = new HashMap<>();
    bodies.put(body("", "CASHIER", null), 422);
    bodies.put(body("   ", "CASHIER", null), 422);
    bodies.put(body("Х".repeat(101), "CASHIER", null), 422);
    bodies.put(body("Борис", "BARISTA", null), 422);
    bodies.put(body("Борис", "CASHIER", List.of()), 422);
    bodies.put("{\"name\":\"Борис\",\"role\":\"CASHIER\"}", 422);
    bodies.put("{\"name\":\"Борис\",\"role\":\"CASHIER\",\"stores\":[\"K1\"]}", 422);
    bodies.put("{\"name\":\"Борис\",\"role\":\"CASHIER\",\"stores\":null,\"pin\":\"1234\"}", 400);
    bodies.put("{\"name\":", 400);
    bodies.forEach(
        (b, status) -> {
          TestCloud.Reply r = call("POST", "/v1/office/staff", "/v1/office/staff", b, owner);
          assertThat(r.status()).as(b + " → " + r.body()).isEqualTo(status);
          assertThat(r.contentType()).startsWith("application/problem+json");
        });
    TestCloud.Reply blank = create(owner, "   ", "CASHIER", null);
    assertThat(blank.json().get("type").asText()).endsWith("/staff-name-required");
    assertThat(blank.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/name");
    assertThat(
            call(
                    "POST",
                    "/v1/office/staff",
                    "/v1/office/staff",
                    body("Борис", "CASHIER", null),
                    Map.of(
                        "Authorization", owner.get("Authorization"), "Content-Type", "text/plain"))
                .status())
        .isEqualTo(415);
    assertThat(
            call("GET", "/v1/office/staff/{id}", "/v1/office/staff/not-an-id", null, owner)
                .status())
        .isEqualTo(404);
    assertThat(call("GET", "/v1/office/staff", "/v1/office/staff?store=K1", null, owner).status())
        .isEqualTo(400);
    long made =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from employee where name like 'Борис%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(made).as("nothing refused was created").isZero();
  }

  @Test
  void aManagerStaysBelowAnOwner() {
    TestCloud.Reply promoted = create(manager, "Влад", "ADMIN", null);
    assertThat(promoted.status()).isEqualTo(403);
    assertThat(promoted.json().get("type").asText()).endsWith("/staff-rank");
    assertThat(create(manager, "Влад", "MANAGER", null).status()).isEqualTo(201);
    String admin = hire("Софія", "ADMIN", null).getKey();
    assertThat(action(manager, admin, "deactivate").status()).isEqualTo(403);
    assertThat(action(manager, admin, "pin").status()).isEqualTo(403);
    TestCloud.Reply seen =
        call("GET", "/v1/office/staff/{id}", "/v1/office/staff/" + admin, null, manager);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().get("changeable").asBoolean()).isFalse();
    String cashier = hire("Іван", "CASHIER", null).getKey();
    assertThat(
            call(
                    "PUT",
                    "/v1/office/staff/{id}",
                    "/v1/office/staff/" + cashier,
                    body("Іван", "ADMIN", null),
                    manager)
                .status())
        .isEqualTo(403);
    assertThat(action(owner, admin, "deactivate").status()).isEqualTo(200);
  }

  @Test
  void anAccountOfSomeStoresSeesAndPlacesStaffThereOnly() {
    String onlyS2 = hire("Роман", "CASHIER", List.of(s2)).getKey();
    String everywhere = hire("Олег", "CASHIER", null).getKey();
    List<String> seen =
        call("GET", "/v1/office/staff", "/v1/office/staff", null, s1Manager)
            .json()
            .get("employees")
            .findValuesAsText("id");
    assertThat(seen).contains(everywhere).doesNotContain(onlyS2);
    assertThat(
            call("GET", "/v1/office/staff/{id}", "/v1/office/staff/" + onlyS2, null, s1Manager)
                .status())
        .isEqualTo(404);
    assertThat(
            call("GET", "/v1/office/staff", "/v1/office/staff?store=" + s2, null, s1Manager)
                .status())
        .isEqualTo(404);
    // An employee of every store works beyond this account's stores: it may not change them.
    assertThat(action(s1Manager, everywhere, "pin").status()).isEqualTo(403);
    TestCloud.Reply all = create(s1Manager, "Ліна", "CASHIER", null);
    assertThat(all.status()).isEqualTo(403);
    assertThat(all.json().get("type").asText()).endsWith("/staff-scope");
    assertThat(create(s1Manager, "Ліна", "CASHIER", List.of(s2)).status()).isEqualTo(404);
    TestCloud.Reply placed = create(s1Manager, "Ліна", "CASHIER", List.of(s1));
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(placed.json().get("employee").get("changeable").asBoolean()).isTrue();
  }
}
