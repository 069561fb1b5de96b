package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasa.service.admin.DemoData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's documented back-office routes (ADR 0046): a price edited reaches an enrolled till
 * through its change feed and the item then shows which tills applied it; an import with bad rows
 * names each by its line and applies nothing; the export imports back unchanged; another
 * organisation's item is not found; an accountant reads but never changes.
 */
class CatalogueOfficeApiTest {

  private static TestCloud cloud;
  private static Map<String, String> manager;
  private static Map<String, String> accountant;
  private static Map<String, String> otherOrg;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    manager = bearer(cloud.demo.organisationId(), "manager");
    accountant = bearer(cloud.demo.organisationId(), "accountant");
    DemoData.Seeded b = DemoData.seed(cloud.services.admin());
    otherOrg = bearer(b.organisationId(), "owner");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static Map<String, String> bearer(UUID org, String role) {
    return cloud.officeBearer(cloud.officeAccount(org, role, List.of()));
  }

  private static Map<String, String> with(Map<String, String> who, String header, String value) {
    Map<String, String> all = new HashMap<>(who);
    all.put(header, value);
    return all;
  }

  /** The item as the input of a change: its editable fields. */
  private static ObjectNode input(JsonNode item) {
    ObjectNode in = TestCloud.JSON.createObjectNode();
    for (String f :
        List.of("sku", "name", "barcodes", "unit", "price", "taxClass", "category", "active")) {
      in.set(f, item.get(f));
    }
    return in;
  }

  /** The ids of a list of items (not of their modifier groups' options). */
  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  private static TestCloud.Reply importCsv(Map<String, String> who, String csv) {
    return cloud.send(
        "POST", "/v1/office/catalogue/import", csv, with(who, "Content-Type", "text/csv"));
  }

  @Test
  void aPriceEditedReachesTheTillsFeedAndTheItemShowsWhichTillsAppliedIt() throws Exception {
    TestCloud.Enrolled till = cloud.enrollTerminal("C1", "Каса C1");
    Map<String, String> asTill = Map.of("Authorization", till.authorization());
    String cursor =
        cloud
            .send("GET", "/v1/catalog/changes?limit=5000", null, asTill)
            .json()
            .get("nextCursor")
            .asText();
    JsonNode bread = cloud.send("GET", "/v1/office/catalogue/items/bread", null, manager).json();
    assertThat(bread.get("item").get("price").asLong()).isEqualTo(3100);
    long version =
        cloud
            .services
            .app()
            .terminals()
            .feed()
            .version(cloud.demo.organisationId(), cloud.demo.storeId());
    ObjectNode change = input(bread.get("item")).put("price", 3350);
    try (EventStream feed =
        new EventStream(
            cloud.uri("/v1/terminal/changes"),
            with(asTill, "Last-Event-ID", Long.toString(version)))) {
      assertThat(feed.status()).isEqualTo(200);
      TestCloud.Reply put =
          cloud.send("PUT", "/v1/office/catalogue/items/bread", change.toString(), manager);
      assertThat(put.status()).as(put.body()).isEqualTo(200);
      assertThat(put.json().get("price").asLong()).isEqualTo(3350);
      EventStream.Event heard = feed.next("CHANGED", 10);
      assertThat(heard).as("the till hears of the change").isNotNull();
      assertThat(Long.parseLong(heard.id())).isGreaterThan(version);
    }
    JsonNode before = cloud.send("GET", "/v1/office/catalogue/items/bread", null, manager).json();
    assertThat(before.get("tills")).hasSize(1);
    assertThat(before.get("tills").get(0).get("name").asText()).isEqualTo("Каса C1");
    assertThat(before.get("tills").get(0).get("applied").asBoolean()).isFalse();
    assertThat(before.get("applied").asLong()).isZero();

    JsonNode page = cloud.send("GET", "/v1/catalog/changes?since=" + cursor, null, asTill).json();
    assertThat(ids(page.get("items"))).containsExactly("bread");
    assertThat(page.get("items").get(0).get("price").asLong()).isEqualTo(3350);

    JsonNode after = cloud.send("GET", "/v1/office/catalogue/items/bread", null, manager).json();
    assertThat(after.get("applied").asLong()).isEqualTo(1);
    assertThat(after.get("tills").get(0).get("applied").asBoolean()).isTrue();
    assertThat(after.get("change").asLong())
        .isEqualTo(Long.parseLong(page.get("nextCursor").asText()));
    assertThat(cloud.audited("office.catalogue.item-changed")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void anImportWithBadRowsNamesEachByItsLineAndAppliesNothing() {
    String header =
        "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n";
    String bad =
        header
            + "imp-1,IMP-1,Good row,2000000000011,EACH,10.00,VAT20,Test,false,false,true\n"
            + "imp-2,IMP-2,Bad price,,EACH,ten,VAT20,Test,false,false,true\n"
            + "imp-3,IMP-3,Bad tax,,EACH,1.00,NOPE,Test,false,false,true\n"
            + "imp-4,,No SKU,,LITRE,1.00,VAT20,,false,false,true\n";
    TestCloud.Reply r = importCsv(manager, bad);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asText()).endsWith("catalogue-import-rejected");
    List<String> pointers = r.json().get("errors").findValuesAsText("pointer");
    assertThat(pointers).containsExactly("/lines/3", "/lines/4", "/lines/5");
    assertThat(r.json().get("errors").get(0).get("message").asText()).contains("price 'ten'");
    assertThat(r.json().get("errors").get(1).get("message").asText()).contains("NOPE");
    assertThat(r.json().get("errors").get(2).get("message").asText()).contains("sku is empty");
    assertThat(cloud.send("GET", "/v1/office/catalogue/items/imp-1", null, manager).status())
        .as("the good row is not applied either")
        .isEqualTo(404);

    TestCloud.Reply good =
        importCsv(
            manager,
            header + "imp-1,IMP-1,Good row,2000000000011,EACH,10.00,VAT20,Test,false,false,true\n");
    assertThat(good.status()).as(good.body()).isEqualTo(200);
    assertThat(good.json().get("imported").asInt()).isEqualTo(1);
    JsonNode found =
        cloud.send("GET", "/v1/office/catalogue/items?q=2000000000011", null, manager).json();
    assertThat(ids(found.get("items"))).containsExactly("imp-1");
    assertThat(found.get("items").get(0).get("price").asLong()).isEqualTo(1000);
    assertThat(cloud.audited("office.catalogue.imported")).isEqualTo(1);

    assertThat(
            cloud
                .send(
                    "POST",
                    "/v1/office/catalogue/import",
                    "{}",
                    with(manager, "Content-Type", "application/json"))
                .status())
        .isEqualTo(415);
  }

  @Test
  void theExportImportsBackUnchanged() {
    TestCloud.Reply first = cloud.send("GET", "/v1/office/catalogue/export", null, manager);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("text/csv");
    assertThat(first.body())
        .startsWith(
            "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active,"
                + "min_price,max_price,modifier_groups\r\n");
    // A name with a comma is quoted.
    assertThat(first.body()).contains("\"Молоко 2,5 % 900 г\"");
    long rows = first.body().lines().count() - 1;
    assertThat(rows).isGreaterThanOrEqualTo(13);

    TestCloud.Reply back = importCsv(manager, first.body());
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(back.json().get("imported").asLong()).isEqualTo(rows);
    TestCloud.Reply again = cloud.send("GET", "/v1/office/catalogue/export", null, manager);
    assertThat(again.body()).isEqualTo(first.body());
  }

  @Test
  void theListIsSearchedFilteredAndPagedByKey() {
    JsonNode cafe =
        cloud
            .send(
                "GET",
                "/v1/office/catalogue/items?category=%D0%9A%D0%B0%D1%84%D0%B5",
                null,
                manager)
            .json();
    assertThat(ids(cafe.get("items")))
        .contains("borshch", "espresso", "uzvar", "varenyky")
        .doesNotContain("bread", "milk")
        .isSorted();
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          cloud
              .send(
                  "GET",
                  "/v1/office/catalogue/items?limit=5" + (after == null ? "" : "&after=" + after),
                  null,
                  accountant)
              .json();
      assertThat(page.get("items").size()).isLessThanOrEqualTo(5);
      seen.addAll(ids(page.get("items")));
      after = page.get("nextAfter").isNull() ? null : page.get("nextAfter").asText();
    } while (after != null);
    List<String> all =
        ids(
            cloud
                .send("GET", "/v1/office/catalogue/items?limit=200", null, manager)
                .json()
                .get("items"));
    assertThat(seen).doesNotHaveDuplicates().isEqualTo(all).contains("bread", "coffee", "milk");
    JsonNode byName =
        cloud
            .send(
                "GET",
                "/v1/office/catalogue/items?q="
                    + java.net.URLEncoder.encode(
                        "ліб жит", java.nio.charset.StandardCharsets.UTF_8),
                null,
                manager)
            .json();
    assertThat(ids(byName.get("items"))).contains("bread");
    // The document's bounds on limit, checked as a till's parameters are: 400 naming it.
    TestCloud.Reply tooFew = cloud.send("GET", "/v1/office/catalogue/items?limit=0", null, manager);
    assertThat(tooFew.status()).isEqualTo(400);
    assertThat(tooFew.body()).contains("limit");
  }

  @Test
  void anItemIsAddedDeactivatedAndBadInputIsNamed() {
    String body =
        "{\"id\":\"new-1\",\"sku\":\"NEW-1\",\"name\":\"Нове\",\"barcodes\":[\"2000000000028\"],"
            + "\"unit\":\"EACH\",\"price\":1999,\"taxClass\":\"VAT20\",\"category\":\"Нові\"}";
    TestCloud.Reply created = cloud.send("POST", "/v1/office/catalogue/items", body, manager);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("active").asBoolean()).isTrue();
    assertThat(cloud.send("POST", "/v1/office/catalogue/items", body, manager).status())
        .isEqualTo(409);

    ObjectNode off = input(created.json()).put("active", false);
    TestCloud.Reply deactivated =
        cloud.send("PUT", "/v1/office/catalogue/items/new-1", off.toString(), manager);
    assertThat(deactivated.json().get("active").asBoolean()).isFalse();

    ObjectNode taken = input(created.json());
    taken.putArray("barcodes").add("4820000191357");
    TestCloud.Reply refused =
        cloud.send("PUT", "/v1/office/catalogue/items/new-1", taken.toString(), manager);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/barcodes");
    assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("bread");

    ObjectNode unknownTax = input(created.json()).put("taxClass", "NOPE");
    assertThat(
            cloud
                .send("PUT", "/v1/office/catalogue/items/new-1", unknownTax.toString(), manager)
                .json()
                .get("errors")
                .get(0)
                .get("pointer")
                .asText())
        .isEqualTo("/taxClass");
    ObjectNode noName = input(created.json()).put("name", " ");
    assertThat(
            cloud
                .send("PUT", "/v1/office/catalogue/items/new-1", noName.toString(), manager)
                .status())
        .isEqualTo(422);
    assertThat(cloud.audited("office.catalogue.item-created")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void anotherOrganisationsItemIsNotFound() {
    String body =
        "{\"id\":\"only-ours\",\"sku\":\"OURS\",\"name\":\"Ours\",\"unit\":\"EACH\",\"price\":100,"
            + "\"taxClass\":\"VAT20\"}";
    assertThat(cloud.send("POST", "/v1/office/catalogue/items", body, manager).status())
        .isEqualTo(201);
    assertThat(cloud.send("GET", "/v1/office/catalogue/items/only-ours", null, otherOrg).status())
        .isEqualTo(404);
    assertThat(cloud.send("PUT", "/v1/office/catalogue/items/only-ours", body, otherOrg).status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send("GET", "/v1/office/catalogue/items?q=only-ours", null, otherOrg)
                .json()
                .get("items"))
        .isEmpty();
    assertThat(cloud.send("GET", "/v1/office/catalogue/export", null, otherOrg).body())
        .doesNotContain("only-ours");
  }

  @Test
  void anAccountantReadsButChangesNothingAndNobodySignedOutReads() {
    assertThat(cloud.send("GET", "/v1/office/catalogue/items", null, accountant).status())
        .isEqualTo(200);
    assertThat(cloud.send("GET", "/v1/office/catalogue/items/bread", null, accountant).status())
        .isEqualTo(200);
    JsonNode bread =
        cloud.send("GET", "/v1/office/catalogue/items/bread", null, accountant).json().get("item");
    TestCloud.Reply put =
        cloud.send(
            "PUT",
            "/v1/office/catalogue/items/bread",
            input(bread).put("price", 1).toString(),
            accountant);
    assertThat(put.status()).isEqualTo(403);
    assertThat(put.contentType()).startsWith("application/problem+json");
    assertThat(
            importCsv(
                    accountant,
                    "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n")
                .status())
        .isEqualTo(403);
    assertThat(cloud.send("GET", "/v1/office/catalogue/items", null, Map.of()).status())
        .isEqualTo(401);
    assertThat(cloud.send("GET", "/v1/office/catalogue/export", null, Map.of()).status())
        .isEqualTo(401);
  }
}
