package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.service.admin.DemoData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Organisation B's terminal cannot read or write organisation A's data through any route. */
class TenantIsolationTest {

  private static TestCloud cloud;
  private static Map<String, String> a;
  private static Map<String, String> b;
  private static DemoData.Seeded orgB;
  private static SaleRequest saleOfA;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminalA = cloud.enrollDemoTerminal();
    a = cloud.signedIn(terminalA, cloud.demo.cashierId(), "1111");
    orgB = DemoData.seed(cloud.services.admin());
    TestCloud.Reply enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + orgB.terminal().enrollmentCode() + "\"}",
            Map.of());
    String terminalB = "Bearer " + enrolled.json().get("credential").asText();
    b = cloud.signedIn(terminalB, orgB.cashierId(), "1111");
    saleOfA = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
    Map<String, String> headers = new HashMap<>(a);
    headers.put("Idempotency-Key", saleOfA.id().toString());
    assertThat(cloud.send("POST", "/v1/sales", Sales.json(saleOfA), headers).status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void bCannotReadAsSales() {
    assertThat(cloud.send("GET", "/v1/sales/" + saleOfA.id(), null, b).status()).isEqualTo(404);
    assertThat(cloud.send("GET", "/v1/sales?receipt=" + saleOfA.receiptNumber(), null, b).status())
        .isEqualTo(404);
  }

  @Test
  void bCannotVoidAsSales() {
    String body =
        "{\"reason\":\"x\",\"approvingManagerId\":\""
            + orgB.managerId()
            + "\",\"approvingManagerPin\":\"9999\"}";
    assertThat(cloud.send("POST", "/v1/sales/" + saleOfA.id() + "/void", body, b).status())
        .isEqualTo(404);
    assertThat(cloud.send("GET", "/v1/sales/" + saleOfA.id(), null, a).json().get("state").asText())
        .isEqualTo("PAID");
  }

  @Test
  void bCannotSignInAsEmployees() {
    String body = "{\"employeeId\":\"" + cloud.demo.cashierId() + "\",\"pin\":\"1111\"}";
    assertThat(
            cloud
                .send("POST", "/v1/sessions", body, Map.of("Authorization", b.get("Authorization")))
                .status())
        .isEqualTo(401);
  }

  @Test
  void bCannotGetOrSpendApprovalsOfAsManager() {
    String asManager =
        "{\"action\":\"PRICE_OVERRIDE\",\"managerId\":\""
            + cloud.demo.managerId()
            + "\",\"pin\":\"9999\"}";
    assertThat(cloud.send("POST", "/v1/approvals", asManager, b).status()).isEqualTo(401);
    TestCloud.Reply approvedForA = cloud.send("POST", "/v1/approvals", asManager, a);
    assertThat(approvedForA.status()).isEqualTo(201);
    // B's cashier lowers bread from 31.00 to 20.00 with A's approval: refused, nothing written.
    UUID id = UUID.randomUUID();
    SaleRequest cheap =
        new SaleRequest(
            id,
            Sales.receipt(900),
            "UAH",
            saleOfA.openedAt(),
            saleOfA.paidAt(),
            List.of(new SaleLineDto(1, "bread", "1", 2000, "damaged", null, false, 2000)),
            null,
            List.of(new TenderDto(UUID.randomUUID(), "CASH", 2000, null, null)),
            new TotalsDto(2000, 0, 333, 2000, 0, 0),
            false,
            UUID.fromString(approvedForA.json().get("id").asText()));
    Map<String, String> headers = new HashMap<>(b);
    headers.put("Idempotency-Key", id.toString());
    long sales = cloud.count("sale");
    assertThat(cloud.send("POST", "/v1/sales", Sales.json(cheap), headers).status()).isEqualTo(403);
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  @Test
  void bCannotSeeOrTouchAsFloor() {
    Map<String, String> hostA = cloud.signedIn(a.get("Authorization"), cloud.demo.hostId(), "5555");
    Map<String, String> hostB = cloud.signedIn(b.get("Authorization"), orgB.hostId(), "5555");
    var floorA = cloud.send("GET", "/v1/floor", null, hostA).json();
    var floorB = cloud.send("GET", "/v1/floor", null, hostB).json();
    assertThat(floorB.get("storeId").asText()).isEqualTo(orgB.storeId().toString());
    java.util.List<String> tablesOfA = floorA.get("tables").findValuesAsText("id");
    assertThat(floorB.get("tables").findValuesAsText("id")).doesNotContainAnyElementsOf(tablesOfA);
    String table = tablesOfA.get(0);
    UUID check = UUID.randomUUID();
    String seat = "{\"checkId\":\"" + check + "\",\"guests\":2,\"version\":1}";
    assertThat(cloud.send("POST", "/v1/floor/tables/" + table + "/seat", seat, hostB).status())
        .isEqualTo(404);
    assertThat(cloud.send("POST", "/v1/floor/tables/" + table + "/seat", seat, hostA).status())
        .isEqualTo(201);
    String line = "{\"id\":\"" + UUID.randomUUID() + "\",\"itemId\":\"bread\",\"quantity\":\"1\"}";
    assertThat(cloud.send("POST", "/v1/checks/" + check + "/lines", line, hostB).status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send("POST", "/v1/checks/" + check + "/prebill", "{\"version\":1}", hostB)
                .status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send(
                    "POST",
                    "/v1/checks/" + check + "/settle",
                    "{\"saleId\":\"" + saleOfA.id() + "\"}",
                    hostB)
                .status())
        .isEqualTo(404);
    assertThat(
            cloud
                .send(
                    "PUT",
                    "/v1/floor/tables/" + table,
                    "{\"areaId\":\""
                        + UUID.randomUUID()
                        + "\",\"name\":\"X\",\"seats\":2,\"shape\":\"ROUND\",\"x\":0,\"y\":0,\"width\":50,\"height\":50,\"version\":1}",
                    cloud.signedIn(b.get("Authorization"), orgB.managerId(), "9999"))
                .status())
        .isEqualTo(404);
    assertThat(
            cloud.send("GET", "/v1/floor", null, hostB).json().get("checks").findValuesAsText("id"))
        .doesNotContain(check.toString());
  }

  @Test
  void bCannotUseAsSessionToken() {
    Map<String, String> mixed =
        Map.of("Authorization", b.get("Authorization"), "Kasa-Session", a.get("Kasa-Session"));
    assertThat(cloud.send("GET", "/v1/sales/" + saleOfA.id(), null, mixed).status()).isEqualTo(401);
  }

  @Test
  void bsSaleWithTheSameIdAndReceiptAsOneOfAsStaysBs() {
    SaleRequest another = Sales.breadAndAspirin(UUID.randomUUID(), 2, "tok_approve");
    Map<String, String> headersA = new HashMap<>(a);
    headersA.put("Idempotency-Key", another.id().toString());
    assertThat(cloud.send("POST", "/v1/sales", Sales.json(another), headersA).status())
        .isEqualTo(201);
    Map<String, String> headersB = new HashMap<>(b);
    headersB.put("Idempotency-Key", another.id().toString());
    TestCloud.Reply reply = cloud.send("POST", "/v1/sales", Sales.json(another), headersB);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    long rows =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(distinct organisation_id) from sale where id = :id")
                        .bind("id", another.id())
                        .mapTo(Long.class)
                        .one());
    assertThat(rows).isEqualTo(2);
  }
}
