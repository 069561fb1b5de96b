package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kasa.api.OpenApi;
import io.kasa.service.admin.DemoData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's Stock screen through its documented routes (issue 22, ADR 0050): a store's
 * levels with their reorder levels and marks, the low filter, paging by item id; an item's
 * movements from sales, refunds, voids and adjustments with who made each and the stock after it;
 * an adjustment recorded once by its key, audited with the office account; reorder levels set and
 * cleared; 401, 403 for an accountant's changes, 404 for another organisation's or an out-of-scope
 * store, 400 and 422 problems for bad input.
 */
class OfficeStockApiTest {

  private static TestCloud cloud;
  private static String ownerEmail;
  private static Map<String, String> owner;
  private static Map<String, String> accountant;
  private static Map<String, String> scoped;
  private static UUID store;
  private static UUID second;
  private static DemoData.Seeded other;
  private static JournalSeed seeded;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    UUID org = cloud.demo.organisationId();
    store = cloud.demo.storeId();
    DemoData.openingStock(cloud.services.admin(), org, store);
    // Three sales of two breads and an aspirin; the second one's aspirin refunded, the third
    // voided.
    seeded = JournalSeed.seed(cloud, 3, 0, 1, 2);
    second =
        cloud
            .services
            .admin()
            .createStore(org, "K2", "Другий", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    ownerEmail = cloud.officeAccount(org, "owner", List.of());
    owner = cloud.officeBearer(ownerEmail);
    accountant = cloud.officeBearer(cloud.officeAccount(org, "accountant", List.of()));
    scoped = cloud.officeBearer(cloud.officeAccount(org, "manager", List.of(store)));
    other = DemoData.seed(cloud.services.admin());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply get(String path, Map<String, String> who) {
    return cloud.send("GET", path, null, who);
  }

  private static TestCloud.Reply adjust(Map<String, String> who, UUID at, String key, String body) {
    Map<String, String> headers = new HashMap<>(who);
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    headers.put("Content-Type", "application/json");
    return cloud.send("POST", "/v1/office/stock/" + at + "/adjustments", body, headers);
  }

  private static TestCloud.Reply reorder(Map<String, String> who, String item, String body) {
    return cloud.send(
        "PUT", "/v1/office/stock/" + store + "/items/" + item + "/reorder-level", body, who);
  }

  /** The item's row on the levels page found by {@code q}. */
  private static JsonNode level(String item) {
    TestCloud.Reply r = get("/v1/office/stock?q=" + item, owner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode l : r.json().get("levels")) {
      if (l.get("itemId").asText().equals(item)) {
        return l;
      }
    }
    throw new AssertionError("no " + item + " in " + r.body());
  }

  private static List<String> ids(JsonNode levels) {
    List<String> out = new ArrayList<>();
    levels.forEach(l -> out.add(l.get("itemId").asText()));
    return out;
  }

  private static void problem(TestCloud.Reply r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
  }

  /** {@code reply} is a response the API document gives {@code method path} with its status. */
  private static void documented(String method, String path, TestCloud.Reply reply)
      throws Exception {
    JsonNode doc = TestCloud.JSON.readTree(OpenApi.json());
    JsonNode media =
        doc.at(
            "/paths/"
                + path.replace("/", "~1")
                + "/"
                + method.toLowerCase(Locale.ROOT)
                + "/responses/"
                + reply.status()
                + "/content/"
                + reply.contentType().split(";")[0].trim().replace("/", "~1"));
    assertThat(media.isMissingNode())
        .as("%s %s %d is documented: %s", method, path, reply.status(), reply.body())
        .isFalse();
    ObjectNode schema = TestCloud.JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.setAll((ObjectNode) media.get("schema"));
    schema.set("components", doc.get("components"));
    List<Error> errors =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema.toString(), InputFormat.JSON)
            .validate(reply.body(), InputFormat.JSON);
    assertThat(errors).as("%s %s %d: %s", method, path, reply.status(), reply.body()).isEmpty();
  }

  @Test
  void everyAnswerIsTheOneTheApiDocumentDescribes() throws Exception {
    documented("GET", "/v1/office/stock", get("/v1/office/stock?low=true", owner));
    documented("GET", "/v1/office/stock", get("/v1/office/stock?store=" + second, owner));
    documented("GET", "/v1/office/stock", get("/v1/office/stock?limit=0", owner));
    documented("GET", "/v1/office/stock", get("/v1/office/stock", Map.of()));
    String moves = "/v1/office/stock/{id}/items/{itemId}/movements";
    documented("GET", moves, get("/v1/office/stock/" + store + "/items/aspirin/movements", owner));
    documented("GET", moves, get("/v1/office/stock/" + store + "/items/nothing/movements", owner));
    String adjustments = "/v1/office/stock/{id}/adjustments";
    String key = UUID.randomUUID().toString();
    String body = "{\"itemId\":\"uzvar\",\"reason\":\"RECEIVED\",\"quantity\":\"6\"}";
    documented("POST", adjustments, adjust(owner, store, key, body));
    documented("POST", adjustments, adjust(owner, store, key, body));
    documented("POST", adjustments, adjust(owner, store, key, body.replace("6", "7")));
    documented("POST", adjustments, adjust(accountant, store, key, body));
    documented("POST", adjustments, adjust(owner, store, key, body.replace("6", "-7")));
    String level = "/v1/office/stock/{id}/items/{itemId}/reorder-level";
    documented("PUT", level, reorder(owner, "uzvar", "{\"level\":\"0,5\"}"));
    documented("PUT", level, reorder(owner, "uzvar", "{\"level\":null}"));
    documented("PUT", level, reorder(owner, "nothing", "{\"level\":\"1\"}"));
  }

  @Test
  void signedOutIsTold401() {
    problem(get("/v1/office/stock", Map.of()), 401);
    problem(get("/v1/office/stock", Map.of("Authorization", "Bearer nope")), 401);
    problem(
        adjust(
            Map.of(),
            store,
            UUID.randomUUID().toString(),
            "{\"itemId\":\"bread\",\"reason\":\"RECEIVED\",\"quantity\":\"1\"}"),
        401);
  }

  @Test
  void levelsAreTheStoresItemsWithTheirOnHandReorderLevelAndMark() {
    TestCloud.Reply r = get("/v1/office/stock", owner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode page = r.json();
    assertThat(page.get("store").get("id").asText())
        .as("the first store by code")
        .isEqualTo(store.toString());
    assertThat(page.get("store").get("timeZone").asText()).isEqualTo("Europe/Kyiv");
    assertThat(page.get("stores").size()).isEqualTo(2);

    JsonNode milk = level("milk");
    assertThat(milk.get("onHand").asText()).isEqualTo("24.000");
    assertThat(milk.get("reorderLevel").asText()).isEqualTo("30.000");
    assertThat(milk.get("state").asText()).isEqualTo("LOW");
    JsonNode apples = level("apples");
    assertThat(apples.get("unit").asText()).isEqualTo("KILOGRAM");
    assertThat(apples.get("onHand").asText()).isEqualTo("18.500");
    assertThat(apples.get("state").asText()).isEqualTo("OK");
    JsonNode aspirin = level("aspirin");
    assertThat(aspirin.get("onHand").asText())
        .as("24 counted, 3 sold, 1 refunded, 1 voided")
        .isEqualTo("23.000");
    assertThat(aspirin.get("reorderLevel").isNull()).isTrue();
    JsonNode espresso = level("espresso");
    assertThat(espresso.get("onHand").asText()).isEqualTo("0.000");
    assertThat(espresso.get("state").asText())
        .as("no reorder level: nothing on hand is none kept, not out")
        .isEqualTo("NONE");
    assertThat(ids(get("/v1/office/stock?q=4820001234565", owner).json().get("levels")))
        .as("a whole barcode")
        .containsExactly("milk");
    assertThat(
            ids(
                get("/v1/office/stock?q=%D1%8F%D0%B1%D0%BB%D1%83%D0%BA", owner)
                    .json()
                    .get("levels")))
        .as("part of the name, any case")
        .containsExactly("apples");

    // A page at a time by item id, none twice, none missed.
    List<String> all = ids(get("/v1/office/stock?limit=200", owner).json().get("levels"));
    List<String> paged = new ArrayList<>();
    String after = null;
    do {
      JsonNode p =
          get("/v1/office/stock?limit=4" + (after == null ? "" : "&after=" + after), owner).json();
      assertThat(p.get("levels").size()).isLessThanOrEqualTo(4);
      paged.addAll(ids(p.get("levels")));
      after = p.get("next").isNull() ? null : p.get("next").asText();
    } while (after != null);
    assertThat(paged).isEqualTo(all).isSorted().doesNotHaveDuplicates();

    JsonNode k2 = get("/v1/office/stock?store=" + second + "&q=milk", owner).json();
    assertThat(k2.get("store").get("code").asText()).isEqualTo("K2");
    assertThat(k2.get("levels").get(0).get("onHand").asText()).isEqualTo("0.000");
    assertThat(k2.get("levels").get(0).get("reorderLevel").isNull())
        .as("a reorder level is the store's")
        .isTrue();
  }

  @Test
  void theLowFilterKeepsTheItemsAtOrBelowTheirReorderLevel() {
    assertThat(ids(get("/v1/office/stock?low=true", owner).json().get("levels")))
        .containsExactly("milk");
    long audited = cloud.audited("office.stock.reorder-level");
    TestCloud.Reply set = reorder(owner, "water", "{\"level\":\"24\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("reorderLevel").asText()).isEqualTo("24.000");
    assertThat(set.json().get("state").asText()).as("at the level is low").isEqualTo("LOW");
    assertThat(ids(get("/v1/office/stock?low=true", owner).json().get("levels")))
        .containsExactly("milk", "water");
    assertThat(ids(get("/v1/office/stock?low=true&q=water", owner).json().get("levels")))
        .containsExactly("water");
    JsonNode firstPage = get("/v1/office/stock?low=true&limit=1", owner).json();
    assertThat(ids(firstPage.get("levels"))).containsExactly("milk");
    assertThat(
            ids(
                get(
                        "/v1/office/stock?low=true&limit=1&after=" + firstPage.get("next").asText(),
                        owner)
                    .json()
                    .get("levels")))
        .containsExactly("water");

    TestCloud.Reply cleared = reorder(owner, "water", "{\"level\":null}");
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    assertThat(cleared.json().get("reorderLevel").isNull()).isTrue();
    assertThat(cleared.json().get("state").asText()).isEqualTo("OK");
    assertThat(ids(get("/v1/office/stock?low=true", owner).json().get("levels")))
        .containsExactly("milk");
    assertThat(cloud.audited("office.stock.reorder-level")).isEqualTo(audited + 2);
  }

  @Test
  void anItemsMovementsSayWhatMovedItWhoAndTheStockAfter() {
    TestCloud.Reply r = get("/v1/office/stock/" + store + "/items/aspirin/movements", owner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode page = r.json();
    assertThat(page.get("level").get("onHand").asText()).isEqualTo("23.000");
    List<String> reasons = new ArrayList<>();
    List<String> balances = new ArrayList<>();
    page.get("movements")
        .forEach(
            m -> {
              reasons.add(m.get("reason").asText());
              balances.add(m.get("balance").asText());
            });
    assertThat(reasons).containsExactly("VOID", "REFUND", "SALE", "SALE", "SALE", "COUNT");
    assertThat(balances)
        .containsExactly("23.000", "22.000", "21.000", "22.000", "23.000", "24.000");
    JsonNode voided = page.get("movements").get(0);
    assertThat(voided.get("byKind").asText()).isEqualTo("EMPLOYEE");
    assertThat(voided.get("by").asText()).isEqualTo(name(cloud.demo.managerId()));
    assertThat(voided.get("receipt").asText()).isEqualTo(seeded.sold().get(2).receiptNumber());
    assertThat(voided.get("terminal").isNull()).isFalse();
    JsonNode sold = page.get("movements").get(2);
    assertThat(sold.get("by").asText()).isEqualTo(name(cloud.demo.cashierId()));
    assertThat(sold.get("change").asText()).isEqualTo("-1.000");
    JsonNode counted = page.get("movements").get(5);
    assertThat(counted.get("byKind").asText()).isEqualTo("SYSTEM");
    assertThat(counted.get("by").isNull()).isTrue();
    assertThat(counted.get("counted").asText()).isEqualTo("24.000");

    JsonNode first =
        get("/v1/office/stock/" + store + "/items/aspirin/movements?limit=4", owner).json();
    assertThat(first.get("movements").size()).isEqualTo(4);
    JsonNode older =
        get(
                "/v1/office/stock/"
                    + store
                    + "/items/aspirin/movements?limit=4&before="
                    + first.get("next").asText(),
                owner)
            .json();
    assertThat(older.get("movements").get(0).get("balance").asText())
        .as("the running balance carries across pages")
        .isEqualTo("23.000");
    assertThat(older.get("next").isNull()).isTrue();
  }

  private static String name(UUID employee) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select name from employee where id = :id")
                    .bind("id", employee)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void anAdjustmentChangesTheLevelWritesAMovementAndIsAuditedWithTheAccountOnce() {
    String before = level("cheese").get("onHand").asText();
    assertThat(before).isEqualTo("18.500");
    long audited = cloud.audited("STOCK_ADJUSTED");
    String key = UUID.randomUUID().toString();
    String body =
        "{\"itemId\":\"cheese\",\"reason\":\"DAMAGE\",\"quantity\":\"-0,250\",\"note\":\"впав\"}";
    TestCloud.Reply r = adjust(owner, store, key, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("id").asText()).isEqualTo(key);
    assertThat(r.json().get("level").get("onHand").asText()).isEqualTo("18.250");
    JsonNode movement = r.json().get("movement");
    assertThat(movement.get("reason").asText()).isEqualTo("DAMAGE");
    assertThat(movement.get("change").asText()).isEqualTo("-0.250");
    assertThat(movement.get("balance").asText()).isEqualTo("18.250");
    assertThat(movement.get("byKind").asText()).isEqualTo("OFFICE");
    assertThat(movement.get("by").asText()).isEqualTo(ownerEmail);
    assertThat(movement.get("note").asText()).isEqualTo("впав");

    TestCloud.Reply again = adjust(owner, store, key, body);
    assertThat(again.status()).as("the same request again").isEqualTo(200);
    assertThat(again.json().get("movement").get("id").asLong())
        .isEqualTo(movement.get("id").asLong());
    assertThat(level("cheese").get("onHand").asText()).as("recorded once").isEqualTo("18.250");
    problem(adjust(owner, store, key, body.replace("-0,250", "-1")), 409);

    assertThat(cloud.audited("STOCK_ADJUSTED")).isEqualTo(audited + 1);
    UUID auditedBy =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select office_account_id from audit_log where action = 'STOCK_ADJUSTED'"
                                + " order by id desc limit 1")
                        .mapTo(UUID.class)
                        .one());
    UUID ownerId =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from office_account where email = :e")
                        .bind("e", ownerEmail)
                        .mapTo(UUID.class)
                        .one());
    assertThat(auditedBy).isEqualTo(ownerId);

    TestCloud.Reply count =
        adjust(
            owner,
            store,
            UUID.randomUUID().toString(),
            "{\"itemId\":\"cheese\",\"reason\":\"COUNT\",\"quantity\":\"20\"}");
    assertThat(count.status()).as(count.body()).isEqualTo(201);
    assertThat(count.json().get("movement").get("change").asText()).isEqualTo("1.750");
    assertThat(count.json().get("movement").get("counted").asText()).isEqualTo("20.000");
    JsonNode moves =
        get("/v1/office/stock/" + store + "/items/cheese/movements", owner).json().get("movements");
    assertThat(moves.get(0).get("reason").asText()).isEqualTo("COUNT");
    assertThat(moves.get(0).get("balance").asText()).isEqualTo("20.000");
    assertThat(moves.get(1).get("reason").asText()).isEqualTo("DAMAGE");
  }

  @Test
  void anAccountantReadsButChangesNothing() {
    assertThat(get("/v1/office/stock", accountant).status()).isEqualTo(200);
    assertThat(get("/v1/office/stock/" + store + "/items/milk/movements", accountant).status())
        .isEqualTo(200);
    problem(
        adjust(
            accountant,
            store,
            UUID.randomUUID().toString(),
            "{\"itemId\":\"milk\",\"reason\":\"RECEIVED\",\"quantity\":\"6\"}"),
        403);
    problem(reorder(accountant, "milk", "{\"level\":\"1\"}"), 403);
    assertThat(level("milk").get("onHand").asText()).isEqualTo("24.000");
    assertThat(level("milk").get("reorderLevel").asText()).isEqualTo("30.000");
  }

  @Test
  void anotherOrganisationsStoreOrOneOutOfScopeIsNotFound() {
    UUID foreign = other.storeId();
    String received = "{\"itemId\":\"milk\",\"reason\":\"RECEIVED\",\"quantity\":\"6\"}";
    problem(get("/v1/office/stock?store=" + foreign, owner), 404);
    problem(get("/v1/office/stock/" + foreign + "/items/milk/movements", owner), 404);
    problem(adjust(owner, foreign, UUID.randomUUID().toString(), received), 404);
    problem(
        cloud.send(
            "PUT",
            "/v1/office/stock/" + foreign + "/items/milk/reorder-level",
            "{\"level\":\"1\"}",
            owner),
        404);
    long deliveries =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from stock_movement where store_id = :s"
                                + " and reason = 'RECEIVED'")
                        .bind("s", foreign)
                        .mapTo(Long.class)
                        .one());
    assertThat(deliveries).isZero();

    // A manager of K1 only: K2 is not found, and K1 is the only store offered.
    JsonNode mine = get("/v1/office/stock", scoped).json();
    assertThat(mine.get("stores").size()).isEqualTo(1);
    problem(get("/v1/office/stock?store=" + second, scoped), 404);
    problem(get("/v1/office/stock/" + second + "/items/milk/movements", scoped), 404);
    problem(adjust(scoped, second, UUID.randomUUID().toString(), received), 404);
    problem(get("/v1/office/stock/" + store + "/items/nothing/movements", owner), 404);
    problem(
        adjust(
            owner,
            store,
            UUID.randomUUID().toString(),
            "{\"itemId\":\"nothing\",\"reason\":\"RECEIVED\",\"quantity\":\"1\"}"),
        404);
  }

  /** A 422 problem whose first error points at {@code pointer} in the body. */
  private static void pointsAt(TestCloud.Reply r, String pointer) {
    problem(r, 422);
    assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
  }

  private static String body(String reason, String quantity) {
    return "{\"itemId\":\"milk\",\"reason\":\"" + reason + "\",\"quantity\":\"" + quantity + "\"}";
  }

  @Test
  void badInputIsAProblemNamingIt() {
    String key = UUID.randomUUID().toString();
    // A body against the API document is refused before anything is read, its place named.
    pointsAt(adjust(owner, store, key, body("LOST", "1")), "/reason");
    pointsAt(adjust(owner, store, key, body("RECEIVED", "a")), "/quantity");
    pointsAt(adjust(owner, store, key, body("RECEIVED", "1,2345")), "/quantity");
    problem(adjust(owner, store, null, body("RECEIVED", "1")), 400);
    problem(adjust(owner, store, "not-a-uuid", body("RECEIVED", "1")), 400);
    // A quantity against its reason.
    pointsAt(adjust(owner, store, key, body("DAMAGE", "2")), "/quantity");
    pointsAt(adjust(owner, store, key, body("RECEIVED", "-2")), "/quantity");
    pointsAt(adjust(owner, store, key, body("COUNT", "-1")), "/quantity");
    pointsAt(adjust(owner, store, key, body("CORRECTION", "0")), "/quantity");
    pointsAt(
        adjust(
            owner,
            store,
            key,
            "{\"itemId\":\"milk\",\"reason\":\"RECEIVED\",\"quantity\":\"1\",\"note\":\""
                + "я".repeat(201)
                + "\"}"),
        "/note");
    pointsAt(reorder(owner, "milk", "{\"level\":\"-1\"}"), "/level");
    pointsAt(reorder(owner, "milk", "{\"level\":\"lots\"}"), "/level");
    problem(get("/v1/office/stock?limit=0", owner), 400);
    problem(get("/v1/office/stock?store=K1", owner), 400);
    problem(get("/v1/office/stock/" + store + "/items/milk/movements?before=x", owner), 400);
    assertThat(level("milk").get("onHand").asText()).as("nothing was recorded").isEqualTo("24.000");
  }
}
