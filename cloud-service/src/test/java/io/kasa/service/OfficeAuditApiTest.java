package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kasa.api.OpenApi;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.admin.DemoData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's audit log through its documented route (issue 22, ADR 0048): what real till
 * actions (a wrong PIN, a no-sale, a post-void, a drawer left open) and a back-office change record
 * appears with its kind and its words in the account's language; every filter; keyset paging that
 * neither skips nor repeats; scoping — an account of some stores sees only their tills' entries,
 * another organisation's store, till or employee is not found; and 401/400.
 */
class OfficeAuditApiTest {

  private static final String KASA = "Маркет «Колосок»";
  private static TestCloud cloud;
  private static String ownerEmail;
  private static Map<String, String> owner;
  private static Map<String, String> ownerEn;
  private static UUID ownerId;
  private static DemoData.Seeded other;
  private static JsonNode schemas;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String till = cloud.enrollDemoTerminal();
    // A wrong PIN at the till.
    assertThat(
            cloud
                .send(
                    "POST",
                    "/v1/sessions",
                    "{\"employeeId\":\"" + cloud.demo.cashierId() + "\",\"pin\":\"0000\"}",
                    Map.of("Authorization", till))
                .status())
        .isEqualTo(401);
    Map<String, String> cashier = cloud.signedIn(till, cloud.demo.cashierId(), "1111");
    Map<String, String> manager = cloud.signedIn(till, cloud.demo.managerId(), "9999");
    UUID shift = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts",
                    shift.toString(),
                    "{\"id\":\""
                        + shift
                        + "\",\"openingFloat\":0,\"at\":\""
                        + Instant.now().minusSeconds(90)
                        + "\"}")
                .status())
        .isEqualTo(201);
    // A no-sale, which a manager approves.
    UUID noSale = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts/" + shift + "/cash-movements",
                    noSale.toString(),
                    "{\"id\":\""
                        + noSale
                        + "\",\"type\":\"NO_SALE\",\"amount\":0,\"reason\":\"розмін\",\"at\":\""
                        + Instant.now()
                        + "\",\"approvingManagerId\":\""
                        + cloud.demo.managerId()
                        + "\",\"approvingManagerPin\":\"9999\"}")
                .status())
        .isEqualTo(204);
    // A sale, post-voided by the manager.
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
    assertThat(cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale)).status())
        .isEqualTo(201);
    TestCloud.Reply voided =
        cloud.post(manager, "/v1/sales/" + sale.id() + "/void", null, "{\"reason\":\"двічі\"}");
    assertThat(voided.status()).as(voided.body()).isEqualTo(200);
    // A drawer left open, as the till reports it.
    UUID event = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    Map.of("Authorization", till),
                    "/v1/audit-events",
                    event.toString(),
                    "{\"id\":\""
                        + event
                        + "\",\"action\":\"DRAWER_LEFT_OPEN\",\"employeeId\":\""
                        + cloud.demo.cashierId()
                        + "\",\"at\":\""
                        + Instant.now()
                        + "\",\"detail\":\"open 75 s (limit 60 s)\"}")
                .status())
        .isEqualTo(201);
    // An action of no known kind, as a newer till might record it.
    cloud.execute(
        "insert into audit_log (organisation_id, terminal_id, action, detail)"
            + " values (?, ?, 'FUTURE_THING', 'from a newer till')",
        cloud.demo.organisationId(),
        cloud.demo.terminal().terminalId());

    ownerEmail = cloud.officeAccount(cloud.demo.organisationId(), "owner", List.of());
    owner = cloud.officeBearer(ownerEmail);
    ownerId =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from office_account where email = :e")
                        .bind("e", ownerEmail)
                        .mapTo(UUID.class)
                        .one());
    String english = cloud.officeAccount(cloud.demo.organisationId(), "accountant", List.of());
    cloud.execute("update office_account set language = 'en' where email = ?", english);
    ownerEn = cloud.officeBearer(english);
    // A back-office change: the owner dismisses the host.
    TestCloud.Reply off =
        cloud.send("POST", "/v1/office/staff/" + cloud.demo.hostId() + "/deactivate", null, owner);
    assertThat(off.status()).as(off.body()).isEqualTo(200);

    other = DemoData.seed(cloud.services.admin());
    schemas = TestCloud.JSON.readTree(OpenApi.json());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** A page of the log, checked against its documented schema. */
  private static JsonNode page(String query, Map<String, String> who) {
    TestCloud.Reply r = cloud.send("GET", "/v1/office/audit" + query, null, who);
    assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(200);
    ObjectNode schema = TestCloud.JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$ref", "#/components/schemas/OfficeAuditPage");
    schema.set("components", schemas.get("components"));
    Schema validator =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema.toString(), InputFormat.JSON);
    List<Error> errors = validator.validate(r.body(), InputFormat.JSON);
    assertThat(errors).as(r.body()).isEmpty();
    return r.json();
  }

  private static List<JsonNode> entries(JsonNode page) {
    List<JsonNode> out = new ArrayList<>();
    page.get("entries").forEach(out::add);
    return out;
  }

  private static List<String> actions(JsonNode page) {
    return entries(page).stream().map(e -> e.get("action").asText()).toList();
  }

  private static JsonNode first(JsonNode page, String action) {
    return entries(page).stream()
        .filter(e -> e.get("action").asText().equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError(action + " not in " + page));
  }

  /** Every entry of {@code query}, page by page of {@code size}. */
  private static List<Long> walk(String query, Map<String, String> who, int size) {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      JsonNode p =
          page("?limit=" + size + query + (cursor == null ? "" : "&cursor=" + cursor), who);
      assertThat(p.get("entries").size()).isLessThanOrEqualTo(size);
      entries(p).forEach(e -> ids.add(e.get("id").asLong()));
      if (p.get("next").isNull()) {
        return ids;
      }
      cursor = p.get("next").asText();
    }
    throw new AssertionError("more than 100 pages");
  }

  private static List<Long> ids(JsonNode page) {
    return entries(page).stream().map(e -> e.get("id").asLong()).toList();
  }

  @Test
  void realActionsAppearNewestFirstWithTheirKindAndWords() {
    JsonNode all = page("", owner);
    assertThat(all.get("next").isNull()).isTrue();
    List<JsonNode> entries = entries(all);
    for (int i = 1; i < entries.size(); i++) {
      Instant newer = Instant.parse(entries.get(i - 1).get("at").asText());
      Instant older = Instant.parse(entries.get(i).get("at").asText());
      assertThat(newer).isAfterOrEqualTo(older);
    }
    assertThat(actions(all))
        .contains(
            "TERMINAL_ENROLLED",
            "PIN_FAILED",
            "SIGNED_IN",
            "SHIFT_OPENED",
            "CASH_NO_SALE",
            "SALE_VOIDED",
            "DRAWER_LEFT_OPEN",
            "FUTURE_THING",
            "office.sign-in",
            "office.staff.deactivated");

    JsonNode noSale = first(all, "CASH_NO_SALE");
    assertThat(noSale.get("kind").asText()).isEqualTo("no-sales");
    assertThat(noSale.get("what").asText()).isEqualTo("Скриньку відкрито без продажу");
    assertThat(noSale.get("detail").asText()).isEqualTo("розмін");
    assertThat(noSale.get("store").get("name").asText()).isEqualTo(KASA);
    assertThat(noSale.get("terminal").get("id").asText())
        .isEqualTo(cloud.demo.terminal().terminalId().toString());
    assertThat(noSale.get("employee").get("id").asText())
        .isEqualTo(cloud.demo.managerId().toString());
    assertThat(noSale.get("officeAccount").isNull()).isTrue();
    assertThat(noSale.get("timeZone").asText()).isEqualTo("Europe/Kyiv");
    assertThat(
            java.time.LocalDateTime.parse(noSale.get("localTime").asText())
                .atZone(ZoneId.of("Europe/Kyiv"))
                .toInstant())
        .isEqualTo(
            Instant.parse(noSale.get("at").asText())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    JsonNode voided = first(all, "SALE_VOIDED");
    assertThat(voided.get("kind").asText()).isEqualTo("voids");
    assertThat(voided.get("what").asText()).isEqualTo("Продаж анульовано після оплати");
    assertThat(voided.get("detail").asText()).endsWith(": двічі");

    JsonNode wrongPin = first(all, "PIN_FAILED");
    assertThat(wrongPin.get("kind").asText()).isEqualTo("sign-ins");
    assertThat(wrongPin.get("what").asText()).isEqualTo("Хибний PIN");
    assertThat(wrongPin.get("employee").get("name").asText()).isNotBlank();

    assertThat(first(all, "DRAWER_LEFT_OPEN").get("kind").asText()).isEqualTo("drawer");

    JsonNode dismissed = first(all, "office.staff.deactivated");
    assertThat(dismissed.get("kind").asText()).isEqualTo("office");
    assertThat(dismissed.get("what").asText()).isEqualTo("Працівника звільнено");
    assertThat(dismissed.get("officeAccount").get("name").asText()).isEqualTo(ownerEmail);
    assertThat(dismissed.get("employee").get("id").asText())
        .isEqualTo(cloud.demo.hostId().toString());
    assertThat(dismissed.get("store").isNull()).isTrue();
    assertThat(dismissed.get("terminal").isNull()).isTrue();

    JsonNode unknown = first(all, "FUTURE_THING");
    assertThat(unknown.get("kind").isNull()).isTrue();
    assertThat(unknown.get("what").asText()).isEqualTo("FUTURE_THING");

    // In the account's own language.
    JsonNode en = page("", ownerEn);
    assertThat(first(en, "CASH_NO_SALE").get("what").asText())
        .isEqualTo("Drawer opened without a sale (no-sale)");
    assertThat(first(en, "office.staff.deactivated").get("what").asText())
        .isEqualTo("Employee dismissed");
  }

  @Test
  void everyFilterNarrowsTheLog() {
    assertThat(actions(page("?kind=no-sales", owner))).containsExactly("CASH_NO_SALE");
    assertThat(actions(page("?kind=voids", owner))).containsExactly("SALE_VOIDED");
    assertThat(actions(page("?kind=drawer", owner))).containsExactly("DRAWER_LEFT_OPEN");
    assertThat(actions(page("?kind=kiosk", owner))).isEmpty();
    assertThat(actions(page("?kind=sign-ins", owner)))
        .contains("PIN_FAILED", "SIGNED_IN", "office.sign-in")
        .doesNotContain("CASH_NO_SALE", "office.staff.deactivated");
    assertThat(actions(page("?kind=office", owner))).contains("office.staff.deactivated");

    String till = cloud.demo.terminal().terminalId().toString();
    JsonNode byTill = page("?terminal=" + till, owner);
    assertThat(entries(byTill))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("terminal").get("id").asText()).isEqualTo(till));
    assertThat(ids(page("?store=" + cloud.demo.storeId(), owner))).isEqualTo(ids(byTill));
    assertThat(actions(page("?terminal=" + till + "&kind=voids", owner)))
        .containsExactly("SALE_VOIDED");

    String cashier = cloud.demo.cashierId().toString();
    assertThat(entries(page("?employee=" + cashier, owner)))
        .extracting(e -> e.get("action").asText())
        .contains("PIN_FAILED", "SIGNED_IN", "DRAWER_LEFT_OPEN", "SHIFT_OPENED")
        .doesNotContain("SALE_VOIDED");
    assertThat(entries(page("?employee=" + cashier, owner)))
        .allSatisfy(e -> assertThat(e.get("employee").get("id").asText()).isEqualTo(cashier));

    JsonNode byOwner = page("?account=" + ownerId, owner);
    assertThat(actions(byOwner)).contains("office.sign-in", "office.staff.deactivated");
    assertThat(entries(byOwner))
        .allSatisfy(
            e -> assertThat(e.get("officeAccount").get("name").asText()).isEqualTo(ownerEmail));

    LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
    assertThat(ids(page("?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), owner)))
        .isEqualTo(ids(page("", owner)));
    assertThat(entries(page("?from=" + today.plusDays(2), owner))).isEmpty();
    assertThat(entries(page("?to=" + today.minusDays(2), owner))).isEmpty();
  }

  @Test
  void theCursorPagesWithoutSkipsOrRepeats() {
    for (String query :
        List.of(
            "",
            "&kind=sign-ins",
            "&terminal=" + cloud.demo.terminal().terminalId(),
            "&store=" + cloud.demo.storeId())) {
      List<Long> whole = ids(page(query.isEmpty() ? "" : "?" + query.substring(1), owner));
      assertThat(whole).as(query).hasSizeGreaterThan(2);
      assertThat(walk(query, owner, 2)).as(query).isEqualTo(whole);
    }
    TestCloud.Reply bad =
        cloud.send("GET", "/v1/office/audit?cursor=bm90LWEtY3Vyc29y", null, owner);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).contains("cursor");
  }

  @Test
  void anAccountOfSomeStoresSeesOnlyTheirTillsAndNoOtherOrganisation() {
    Map<String, String> demoStore =
        cloud.officeBearer(
            cloud.officeAccount(
                cloud.demo.organisationId(), "manager", List.of(cloud.demo.storeId())));
    JsonNode mine = page("", demoStore);
    assertThat(actions(mine)).contains("CASH_NO_SALE", "SALE_VOIDED", "PIN_FAILED");
    assertThat(entries(mine))
        .allSatisfy(e -> assertThat(e.get("terminal").isNull()).as(e.toString()).isFalse());
    assertThat(actions(mine)).noneMatch(a -> a.startsWith("office."));
    assertThat(walk("", demoStore, 3)).isEqualTo(ids(mine));
    assertThat(actions(page("?kind=voids", demoStore))).containsExactly("SALE_VOIDED");
    // Of the back-office changes, only those made to its store's tills.
    assertThat(actions(page("?kind=office", demoStore)))
        .contains("TERMINAL_CREATED")
        .doesNotContain("office.staff.deactivated");
    assertThat(get("?account=" + ownerId, demoStore).status()).isEqualTo(404);

    UUID elsewhere =
        cloud
            .services
            .admin()
            .createStore(
                cloud.demo.organisationId(),
                "K8",
                "Інший магазин",
                "UAH",
                "INCLUSIVE",
                "PER_LINE",
                1,
                BigDecimal.ZERO);
    Map<String, String> scoped =
        cloud.officeBearer(
            cloud.officeAccount(cloud.demo.organisationId(), "accountant", List.of(elsewhere)));
    assertThat(entries(page("", scoped))).isEmpty();
    assertThat(entries(page("?store=" + elsewhere, scoped))).isEmpty();
    assertThat(get("?store=" + cloud.demo.storeId(), scoped).status()).isEqualTo(404);
    assertThat(get("?terminal=" + cloud.demo.terminal().terminalId(), scoped).status())
        .isEqualTo(404);

    // Another organisation's store, till and employee are not found; its log is its own.
    assertThat(get("?store=" + other.storeId(), owner).status()).isEqualTo(404);
    assertThat(get("?terminal=" + other.terminal().terminalId(), owner).status()).isEqualTo(404);
    assertThat(get("?employee=" + other.cashierId(), owner).status()).isEqualTo(404);
    assertThat(get("?store=" + UUID.randomUUID(), owner).status()).isEqualTo(404);
    Map<String, String> ownerB =
        cloud.officeBearer(cloud.officeAccount(other.organisationId(), "owner", List.of()));
    assertThat(actions(page("", ownerB))).doesNotContain("CASH_NO_SALE", "SALE_VOIDED");
    assertThat(get("?account=" + ownerId, ownerB).status()).isEqualTo(404);
  }

  @Test
  void aFilterThatDoesNotReadIsA400NamingItAndTheLogAsksASession() {
    Map<String, String> cases =
        Map.of(
            "from=2026-13-45", "from",
            "to=yesterday", "to",
            "from=2026-12-05&to=2026-12-01", "to",
            "store=nope", "store",
            "terminal=1", "terminal",
            "employee=x", "employee",
            "account=x", "account",
            "kind=everything", "kind",
            "limit=0", "limit",
            "cursor=%21%21", "cursor");
    cases.forEach(
        (query, name) -> {
          TestCloud.Reply r = get("?" + query, owner);
          assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(400);
          assertThat(r.contentType()).startsWith("application/problem+json");
          assertThat(r.json().get("detail").asText()).as(query).contains(name);
        });
    assertThat(get("", Map.of()).status()).isEqualTo(401);
    assertThat(get("", Map.of("Authorization", "Bearer nope")).status()).isEqualTo(401);
    TestCloud.Reply page = cloud.send("GET", "/office/audit", null, Map.of());
    assertThat(page.status()).isEqualTo(303);
  }

  private static TestCloud.Reply get(String query, Map<String, String> who) {
    return cloud.send("GET", "/v1/office/audit" + query, null, who);
  }
}
