package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.admin.DemoData;
import io.kasa.service.stock.StockAdmin;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stock per store through the real service: set by a count or a file, adjusted by a manager and
 * audited, taken once by a sale however often it is delivered, given back by refunds and voids,
 * invisible to other organisations, and safe when adjusted twice at once (ADR 0032).
 */
class StockApiTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static String store;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    store = cloud.demo.storeId().toString();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply adjust(Map<String, String> who, UUID key, String body) {
    return cloud.post(
        who,
        "/v1/stores/" + store + "/stock/adjustments",
        key == null ? null : key.toString(),
        body);
  }

  private static TestCloud.Reply count(String item, String counted) {
    TestCloud.Reply r =
        adjust(
            manager,
            UUID.randomUUID(),
            "{\"itemId\":\"" + item + "\",\"reason\":\"COUNT\",\"counted\":\"" + counted + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r;
  }

  /** The demo store's stock of {@code item}, read as the back office reads it. */
  private static String stock(String item) {
    TestCloud.Reply r =
        cloud.send("GET", "/v1/stores/" + store + "/stock?item=" + item, null, manager);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode items = r.json().get("items");
    assertThat(items).hasSize(1);
    return items.get(0).get("stock").asText();
  }

  private static SaleRequest sell() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, "tok_approve");
    TestCloud.Reply r = cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return sale;
  }

  @Test
  void aCountAndAFileSetTheStoresStockAndOtherStoresKeepTheirOwn() throws Exception {
    UUID org = cloud.demo.organisationId();
    UUID second =
        cloud
            .services
            .admin()
            .createStore(org, "K2", "Другий", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    StockAdmin admin = new StockAdmin(cloud.database.jdbi());

    StockAdmin.Adjusted counted = admin.count(org, cloud.demo.storeId(), "SKU-WATER", "24", null);
    assertThat(counted.describe()).isEqualTo("K1 water: COUNT 0.000 -> 24.000 (+24.000)");
    StockAdmin.Imported imported =
        admin.importCsv(
            org,
            cloud.demo.storeId(),
            new StringReader("item,quantity\n4820001234565,12\ncheese,\"3,250\"\n"),
            "stock.csv");
    assertThat(imported.errors()).isEmpty();
    assertThat(imported.counted()).isEqualTo(2);
    admin.count(org, second, "milk", "5", "shelf by the door");

    assertThat(stock("water")).isEqualTo("24.000");
    assertThat(stock("milk")).isEqualTo("12.000");
    assertThat(stock("cheese")).as("weighed goods keep their grams").isEqualTo("3.250");
    TestCloud.Reply other =
        cloud.send("GET", "/v1/stores/" + second + "/stock?item=milk", null, manager);
    assertThat(other.json().get("items").get(0).get("stock").asText()).isEqualTo("5.000");

    StockAdmin.Imported bad =
        admin.importCsv(
            org,
            cloud.demo.storeId(),
            new StringReader("item,quantity\nwater,1\nnope,2\nmilk,-1\n"),
            "bad.csv");
    assertThat(bad.errors())
        .containsExactly(
            "line 3: no item with id, SKU or barcode 'nope'", "line 4: a count is 0 or more: -1");
    assertThat(stock("water")).as("a file with a bad row changes nothing").isEqualTo("24.000");
  }

  @Test
  void theDemoShopOpensWithItsCountedStockAndNoneOfTheCafesDishes() {
    UUID org = cloud.demo.organisationId();
    UUID opened =
        cloud
            .services
            .admin()
            .createStore(
                org, "K9", "Відкриття", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    DemoData.openingStock(cloud.services.admin(), org, opened);
    Map<String, String> counted = new java.util.HashMap<>();
    for (String item : List.of("milk", "apples", "espresso")) {
      JsonNode found =
          cloud
              .send("GET", "/v1/stores/" + opened + "/stock?item=" + item, null, manager)
              .json()
              .get("items");
      counted.put(item, found.get(0).get("stock").asText());
    }
    assertThat(counted)
        .containsEntry("milk", "24.000")
        .containsEntry("apples", "18.500")
        .as("dishes are cooked to order, never counted")
        .containsEntry("espresso", "0.000");
  }

  @Test
  void aManagersAdjustmentIsAuditedWithWhoAndHowMuchAndRecordedOnce() {
    count("milk", "10");
    UUID key = UUID.randomUUID();
    String damaged =
        "{\"itemId\":\"milk\",\"reason\":\"DAMAGE\",\"change\":\"-2\",\"note\":\"впав\"}";
    long audited = cloud.audited("STOCK_ADJUSTED");

    TestCloud.Reply r = adjust(manager, key, damaged);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("change").asText()).isEqualTo("-2.000");
    assertThat(r.json().get("stock").asText()).isEqualTo("8.000");
    assertThat(r.json().get("employeeId").asText()).isEqualTo(cloud.demo.managerId().toString());
    assertThat(cloud.audited("STOCK_ADJUSTED")).isEqualTo(audited + 1);
    Map<String, Object> entry =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select employee_id, detail, at from audit_log"
                                + " where action = 'STOCK_ADJUSTED' order by id desc limit 1")
                        .mapToMap()
                        .one());
    assertThat(entry.get("employee_id")).isEqualTo(cloud.demo.managerId());
    assertThat(entry.get("at")).isNotNull();
    assertThat((String) entry.get("detail"))
        .isEqualTo("K1 milk: DAMAGE -2.000 (10.000 -> 8.000): впав");

    TestCloud.Reply again = adjust(manager, key, damaged);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("change").asText()).isEqualTo("-2.000");
    assertThat(stock("milk")).as("the same request again changes nothing").isEqualTo("8.000");
    assertThat(cloud.audited("STOCK_ADJUSTED")).isEqualTo(audited + 1);
    TestCloud.Reply other =
        adjust(manager, key, "{\"itemId\":\"milk\",\"reason\":\"THEFT\",\"change\":\"-2\"}");
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.contentType()).startsWith("application/problem+json");

    JsonNode movements =
        cloud.send("GET", "/v1/stores/" + store + "/stock/milk/movements", null, manager).json();
    assertThat(movements.get("stock").asText()).isEqualTo("8.000");
    JsonNode newest = movements.get("movements").get(0);
    assertThat(newest.get("reason").asText()).isEqualTo("DAMAGE");
    assertThat(newest.get("balance").asText()).isEqualTo("8.000");
    assertThat(newest.get("note").asText()).isEqualTo("впав");
  }

  @Test
  void aSaleTakesTheStoresStockOnceEvenWhenDeliveredTwice() {
    count("bread", "10");
    SaleRequest sale = sell();
    assertThat(stock("bread")).isEqualTo("8.000");
    TestCloud.Reply again =
        cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    assertThat(again.status()).isEqualTo(200);
    assertThat(stock("bread")).isEqualTo("8.000");
    JsonNode newest =
        cloud
            .send("GET", "/v1/stores/" + store + "/stock/bread/movements?limit=1", null, manager)
            .json();
    assertThat(newest.get("movements").get(0).get("reason").asText()).isEqualTo("SALE");
    assertThat(newest.get("movements").get(0).get("receiptNumber").asText())
        .isEqualTo(sale.receiptNumber());
    assertThat(newest.get("next").asText()).isNotEmpty();
  }

  @Test
  void aRefundAndAPostVoidGiveTheStockBack() throws Exception {
    count("aspirin", "5");
    SaleRequest refunded = sell();
    assertThat(stock("aspirin")).isEqualTo("4.000");
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            refunded.id(),
            Sales.receipt(sequence++),
            List.of(new RefundLineDto(2, "1")),
            "CASH",
            "Не підійшло",
            Instant.now(),
            null,
            null);
    String body = TestCloud.JSON.writeValueAsString(refund);
    assertThat(cloud.post(manager, "/v1/refunds", refund.id().toString(), body).status())
        .isEqualTo(201);
    assertThat(stock("aspirin")).isEqualTo("5.000");
    assertThat(cloud.post(manager, "/v1/refunds", refund.id().toString(), body).status())
        .isEqualTo(200);
    assertThat(stock("aspirin")).as("a refund delivered twice gives back once").isEqualTo("5.000");

    UUID shift = UUID.randomUUID();
    String open =
        "{\"id\":\""
            + shift
            + "\",\"openingFloat\":0,\"at\":\""
            + Instant.now().minusSeconds(90)
            + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    SaleRequest voided = sell();
    assertThat(stock("aspirin")).isEqualTo("4.000");
    TestCloud.Reply v =
        cloud.post(manager, "/v1/sales/" + voided.id() + "/void", null, "{\"reason\":\"двічі\"}");
    assertThat(v.status()).as(v.body()).isEqualTo(200);
    assertThat(stock("aspirin")).isEqualTo("5.000");
    String close = "{\"counted\":0,\"blind\":false,\"at\":\"" + Instant.now() + "\"}";
    assertThat(cloud.post(manager, "/v1/shifts/" + shift + "/close", null, close).status())
        .isEqualTo(200);

    List<String> reasons = new ArrayList<>();
    cloud
        .send("GET", "/v1/stores/" + store + "/stock/aspirin/movements?limit=5", null, manager)
        .json()
        .get("movements")
        .forEach(m -> reasons.add(m.get("reason").asText()));
    assertThat(reasons).containsExactly("VOID", "SALE", "REFUND", "SALE", "COUNT");
  }

  @Test
  void anotherOrganisationsStoreIsNotFoundAndACashierIsNotLetIn() {
    DemoData.Seeded b = DemoData.seed(cloud.services.admin());
    String terminalB =
        "Bearer "
            + cloud
                .send(
                    "POST",
                    "/v1/terminals/enroll",
                    "{\"code\":\"" + b.terminal().enrollmentCode() + "\"}",
                    Map.of())
                .json()
                .get("credential")
                .asText();
    Map<String, String> managerB = cloud.signedIn(terminalB, b.managerId(), "9999");
    String adjustment = "{\"itemId\":\"bread\",\"reason\":\"RECEIVED\",\"change\":\"5\"}";

    assertThat(cloud.send("GET", "/v1/stores/" + store + "/stock", null, managerB).status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send("GET", "/v1/stores/" + store + "/stock/bread/movements", null, managerB)
                .status())
        .isEqualTo(404);
    TestCloud.Reply refused = adjust(managerB, UUID.randomUUID(), adjustment);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(cloud.send("GET", "/v1/stores/not-a-store/stock", null, manager).status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send("GET", "/v1/stores/" + store + "/stock/nope/movements", null, manager)
                .status())
        .isEqualTo(404);

    assertThat(cloud.send("GET", "/v1/stores/" + store + "/stock", null, cashier).status())
        .isEqualTo(403);
    assertThat(adjust(cashier, UUID.randomUUID(), adjustment).status()).isEqualTo(403);
  }

  @Test
  void adjustmentsAgainstTheirReasonAreRefusedWithProblems() {
    Map<String, Integer> cases =
        Map.of(
            "{\"itemId\":\"milk\",\"reason\":\"DAMAGE\",\"change\":\"2\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"RECEIVED\",\"change\":\"-2\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"COUNT\",\"change\":\"2\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"COUNT\",\"counted\":\"-1\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"COUNT\",\"counted\":\"1.2345\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"COUNT\",\"counted\":\"2000000\"}", 422,
            "{\"itemId\":\"nope\",\"reason\":\"COUNT\",\"counted\":\"1\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"LOST\",\"change\":\"-1\"}", 422,
            "{\"itemId\":\"milk\",\"reason\":\"COUNT\",\"counted\":1}", 400);
    cases.forEach(
        (body, status) -> {
          TestCloud.Reply r = adjust(manager, UUID.randomUUID(), body);
          assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(status);
          assertThat(r.contentType()).startsWith("application/problem+json");
        });
    TestCloud.Reply unknown =
        adjust(
            manager,
            UUID.randomUUID(),
            "{\"itemId\":\"nope\",\"reason\":\"COUNT\",\"counted\":\"1\"}");
    assertThat(unknown.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/itemId");
    TestCloud.Reply unkeyed =
        adjust(manager, null, "{\"itemId\":\"milk\",\"reason\":\"COUNT\",\"counted\":\"1\"}");
    assertThat(unkeyed.status()).isEqualTo(400);
    assertThat(cloud.send("GET", "/v1/stores/" + store + "/stock?limit=0", null, manager).status())
        .isEqualTo(400);
    assertThat(
            cloud.send("GET", "/v1/stores/" + store + "/stock?below=abc", null, manager).status())
        .isEqualTo(400);
  }

  @Test
  void adjustmentsMadeAtOnceAllCount() throws Exception {
    count("uzvar", "0");
    int n = 12;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(
            pool.submit(
                () -> {
                  go.await();
                  return adjust(
                          manager,
                          UUID.randomUUID(),
                          "{\"itemId\":\"uzvar\",\"reason\":\"RECEIVED\",\"change\":\"1,5\"}")
                      .status();
                }));
      }
      go.countDown();
      for (Future<Integer> reply : replies) {
        assertThat(reply.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(stock("uzvar")).isEqualTo("18.000");
  }

  @Test
  void negativeStockIsShownFlaggedAndFoundAmongTheLowAndPagesFollowOneAnother() {
    count("varenyky", "1");
    adjust(
        manager,
        UUID.randomUUID(),
        "{\"itemId\":\"varenyky\",\"reason\":\"THEFT\",\"change\":\"-3\"}");
    JsonNode low =
        cloud.send("GET", "/v1/stores/" + store + "/stock?below=0", null, manager).json();
    List<String> ids = new ArrayList<>();
    low.get("items").forEach(i -> ids.add(i.get("itemId").asText()));
    assertThat(ids).contains("varenyky");
    low.get("items").forEach(i -> assertThat(i.get("negative").asBoolean()).isTrue());

    List<String> all = new ArrayList<>();
    String next = null;
    do {
      JsonNode page =
          cloud
              .send(
                  "GET",
                  "/v1/stores/" + store + "/stock?limit=4" + (next == null ? "" : "&after=" + next),
                  null,
                  manager)
              .json();
      assertThat(page.get("items").size()).isLessThanOrEqualTo(4);
      page.get("items").forEach(i -> all.add(i.get("itemId").asText()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    } while (next != null);
    assertThat(all).contains("varenyky", "bread", "milk").doesNotHaveDuplicates().isSorted();
  }
}
