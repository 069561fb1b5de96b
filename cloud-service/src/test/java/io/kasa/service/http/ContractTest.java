package io.kasa.service.http;

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
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the service agree: every route is documented, every documented route
 * exists, and real responses match the documented schemas.
 */
class ContractTest {

  private static TestCloud cloud;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    doc = TestCloud.JSON.readTree(OpenApi.json());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
    Set<String> served =
        CloudApp.routes(cloud.services.app()).stream()
            .map(r -> r.method().name() + " " + r.path())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    assertThat(served).isEqualTo(documented);
  }

  @Test
  void theServiceServesItsDocument() {
    TestCloud.Reply r = cloud.send("GET", "/v1/openapi.json", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void responsesMatchTheirSchemas() {
    check("GET", "/health", cloud.send("GET", "/health", null, Map.of()));
    check("GET", "/metrics", cloud.send("GET", "/metrics", null, Map.of()));
    check(
        "POST",
        "/v1/terminals/enroll",
        cloud.send("POST", "/v1/terminals/enroll", "{\"code\":\"nope\"}", Map.of()));
    TestCloud.Reply enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + cloud.demo.terminal().enrollmentCode() + "\",\"deviceName\":\"till\"}",
            Map.of());
    check("POST", "/v1/terminals/enroll", enrolled);
    String retried =
        "{\"code\":\""
            + cloud
                .services
                .admin()
                .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "T7", "till")
                .enrollmentCode()
            + "\",\"deviceName\":\"till\"}";
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    for (int i = 0; i < 2; i++) { // 201, then 200
      check(
          "POST", "/v1/terminals/enroll", cloud.send("POST", "/v1/terminals/enroll", retried, key));
    }
    check(
        "POST",
        "/v1/terminals/enroll",
        cloud.send("POST", "/v1/terminals/enroll", retried.replace("till", "other"), key));
    String auth = "Bearer " + enrolled.json().get("credential").asText();
    TestCloud.Reply session =
        cloud.send(
            "POST",
            "/v1/sessions",
            "{\"employeeId\":\"" + cloud.demo.cashierId() + "\",\"pin\":\"1111\"}",
            Map.of("Authorization", auth));
    check("POST", "/v1/sessions", session);
    check(
        "POST",
        "/v1/sessions",
        cloud.send("POST", "/v1/sessions", "{\"employeeId\":1}", Map.of("Authorization", auth)));
    Map<String, String> headers =
        new HashMap<>(
            Map.of("Authorization", auth, "Kasa-Session", session.json().get("token").asText()));
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 77, "tok_approve");
    headers.put("Idempotency-Key", sale.id().toString());
    check("POST", "/v1/sales", cloud.send("POST", "/v1/sales", Sales.json(sale), headers));
    check("POST", "/v1/sales", cloud.send("POST", "/v1/sales", Sales.json(sale), headers));
    check(
        "POST",
        "/v1/sales",
        cloud.send(
            "POST",
            "/v1/sales",
            Sales.json(Sales.breadAndAspirin(sale.id(), 78, "tok_approve")),
            headers));
    check("POST", "/v1/sales", cloud.send("POST", "/v1/sales", "{\"id\":", headers));
    // The customer's receipt (ADR 0041): a sale with a token, then its public JSON.
    SaleRequest tokened =
        Sales.breadAndAspirin(UUID.randomUUID(), 79, "tok_approve")
            .withReceiptToken(io.kasa.api.sales.ReceiptTokens.next());
    headers.put("Idempotency-Key", tokened.id().toString());
    check("POST", "/v1/sales", cloud.send("POST", "/v1/sales", Sales.json(tokened), headers));
    headers.put("Idempotency-Key", sale.id().toString());
    check(
        "GET",
        "/v1/receipts/{token}",
        cloud.send("GET", "/v1/receipts/" + tokened.receiptToken(), null, Map.of()));
    check(
        "GET",
        "/v1/receipts/{token}",
        cloud.send(
            "GET", "/v1/receipts/" + io.kasa.api.sales.ReceiptTokens.next(), null, Map.of()));
    check("GET", "/v1/receipts/{token}", cloud.send("GET", "/v1/receipts/x", null, Map.of()));
    check(
        "GET",
        "/v1/sales",
        cloud.send("GET", "/v1/sales?token=" + tokened.receiptToken(), null, headers));
    check("GET", "/v1/sales/{id}", cloud.send("GET", "/v1/sales/" + sale.id(), null, headers));
    check(
        "GET",
        "/v1/sales/{id}",
        cloud.send("GET", "/v1/sales/" + UUID.randomUUID(), null, headers));
    check(
        "GET",
        "/v1/sales",
        cloud.send("GET", "/v1/sales?receipt=" + sale.receiptNumber(), null, headers));
    check("GET", "/v1/sales", cloud.send("GET", "/v1/sales", null, headers));
    String voidPath = "/v1/sales/{id}/void";
    check(
        "POST",
        voidPath,
        cloud.send("POST", "/v1/sales/" + sale.id() + "/void", "{\"reason\":\"\"}", headers));
    check(
        "POST",
        voidPath,
        cloud.send(
            "POST", "/v1/sales/" + UUID.randomUUID() + "/void", "{\"reason\":\"x\"}", headers));
    check(
        "POST",
        voidPath,
        cloud.send("POST", "/v1/sales/" + sale.id() + "/void", "{\"reason\":\"x\"}", headers));
    String approval =
        "{\"action\":\"PRICE_OVERRIDE\",\"managerId\":\""
            + cloud.demo.managerId()
            + "\",\"pin\":\"";
    check(
        "POST",
        "/v1/approvals",
        cloud.send("POST", "/v1/approvals", approval + "9999\"}", headers));
    check(
        "POST",
        "/v1/approvals",
        cloud.send("POST", "/v1/approvals", approval + "0000\"}", headers));
    check(
        "POST",
        "/v1/approvals",
        cloud.send("POST", "/v1/approvals", "{\"action\":\"DANCE\"}", headers));
    check(
        "GET",
        "/v1/catalog/changes",
        cloud.send("GET", "/v1/catalog/changes?limit=3", null, Map.of("Authorization", auth)));
    check(
        "GET",
        "/v1/catalog/changes",
        cloud.send("GET", "/v1/catalog/changes?since=abc", null, Map.of("Authorization", auth)));
    String refund =
        "{\"id\":\"%s\",\"saleId\":\"%s\",\"receiptNumber\":\"K1-T1-000079\",\"lines\":[{\"saleLine\":1,\"quantity\":\"1\"}],"
            + "\"method\":\"CASH\",\"reason\":\"test\",\"at\":\""
            + Instant.now()
            + "\",\"approvingManagerId\":\"%s\",\"approvingManagerPin\":\"9999\"}";
    UUID refundId = UUID.randomUUID();
    Map<String, String> refundHeaders = new HashMap<>(headers);
    refundHeaders.put("Idempotency-Key", refundId.toString());
    check(
        "POST",
        "/v1/refunds",
        cloud.send(
            "POST",
            "/v1/refunds",
            String.format(refund, refundId, sale.id(), cloud.demo.managerId()),
            refundHeaders));
    check(
        "POST",
        "/v1/refunds",
        cloud.send(
            "POST",
            "/v1/refunds",
            String.format(refund, refundId, sale.id(), cloud.demo.managerId()),
            refundHeaders));
    check("POST", "/v1/refunds", cloud.send("POST", "/v1/refunds", "{}", refundHeaders));
    UUID shift = UUID.randomUUID();
    Map<String, String> shiftHeaders = new HashMap<>(headers);
    shiftHeaders.put("Idempotency-Key", shift.toString());
    check(
        "POST",
        "/v1/shifts",
        cloud.send(
            "POST",
            "/v1/shifts",
            "{\"id\":\""
                + shift
                + "\",\"openingFloat\":100,\"at\":\""
                + Instant.now().minusSeconds(60)
                + "\"}",
            shiftHeaders));
    check(
        "POST",
        "/v1/shifts/{id}/cash-movements",
        cloud.send(
            "POST",
            "/v1/shifts/" + shift + "/cash-movements",
            "{\"id\":\""
                + shift
                + "\",\"type\":\"IN\",\"amount\":5,\"reason\":\"x\",\"at\":\""
                + Instant.now()
                + "\"}",
            shiftHeaders));
    check(
        "GET",
        "/v1/shifts/{id}/report",
        cloud.send("GET", "/v1/shifts/" + shift + "/report", null, headers));
    check(
        "POST",
        "/v1/shifts/{id}/close",
        cloud.send(
            "POST",
            "/v1/shifts/" + shift + "/close",
            "{\"counted\":105,\"blind\":false,\"at\":\"" + Instant.now() + "\"}",
            headers));
    check(
        "GET",
        "/v1/shifts/{id}/report",
        cloud.send("GET", "/v1/shifts/" + UUID.randomUUID() + "/report", null, headers));
    check(
        "DELETE",
        "/v1/sessions/current",
        cloud.send("DELETE", "/v1/sessions/current", null, headers));
    check(
        "DELETE",
        "/v1/sessions/current",
        cloud.send("DELETE", "/v1/sessions/current", null, headers));
  }

  @Test
  void floorResponsesMatchTheirSchemas() {
    TestCloud.Reply enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\""
                + cloud
                    .services
                    .admin()
                    .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "H9", "Host")
                    .enrollmentCode()
                + "\"}",
            Map.of());
    String auth = "Bearer " + enrolled.json().get("credential").asText();
    Map<String, String> manager = cloud.signedIn(auth, cloud.demo.managerId(), "9999");
    Map<String, String> cashier = cloud.signedIn(auth, cloud.demo.cashierId(), "1111");
    Map<String, String> technician = cloud.signedIn(auth, cloud.demo.technicianId(), "7777");
    UUID area = UUID.randomUUID();
    check(
        "PUT",
        "/v1/floor/areas/{id}",
        cloud.send("PUT", "/v1/floor/areas/" + area, "{\"name\":\"C\",\"position\":9}", manager));
    check(
        "PUT",
        "/v1/floor/areas/{id}",
        cloud.send(
            "PUT",
            "/v1/floor/areas/" + area,
            "{\"name\":\"C\",\"position\":9,\"version\":1}",
            manager));
    check(
        "PUT",
        "/v1/floor/areas/{id}",
        cloud.send("PUT", "/v1/floor/areas/" + area, "{\"name\":\"C\",\"position\":9}", cashier));
    UUID table = UUID.randomUUID();
    UUID spare = UUID.randomUUID();
    String tableBody =
        "{\"areaId\":\""
            + area
            + "\",\"name\":\"%s\",\"seats\":4,\"shape\":\"ROUND\",\"x\":1,\"y\":1,"
            + "\"width\":50,\"height\":50}";
    check(
        "PUT",
        "/v1/floor/tables/{id}",
        cloud.send("PUT", "/v1/floor/tables/" + table, String.format(tableBody, "C1"), manager));
    check(
        "PUT",
        "/v1/floor/tables/{id}",
        cloud.send("PUT", "/v1/floor/tables/" + spare, String.format(tableBody, "C2"), manager));
    check(
        "PUT",
        "/v1/floor/tables/{id}",
        cloud.send("PUT", "/v1/floor/tables/" + table, "{\"seats\":4}", manager));
    UUID party = UUID.randomUUID();
    TestCloud.Reply added =
        cloud.post(
            manager,
            "/v1/waitlist",
            party.toString(),
            "{\"id\":\"" + party + "\",\"name\":\"Гість\",\"size\":2}");
    check("POST", "/v1/waitlist", added);
    check(
        "POST",
        "/v1/waitlist/{id}/status",
        cloud.send(
            "POST",
            "/v1/waitlist/" + party + "/status",
            "{\"status\":\"NOTIFIED\",\"version\":1}",
            manager));
    UUID checkId = UUID.randomUUID();
    check(
        "POST",
        "/v1/floor/tables/{id}/seat",
        cloud.send(
            "POST",
            "/v1/floor/tables/" + table + "/seat",
            "{\"checkId\":\""
                + checkId
                + "\",\"guests\":2,\"partyId\":\""
                + party
                + "\",\"version\":1}",
            manager));
    check(
        "POST",
        "/v1/floor/tables/{id}/seat",
        cloud.send(
            "POST",
            "/v1/floor/tables/" + table + "/seat",
            "{\"checkId\":\"" + UUID.randomUUID() + "\",\"guests\":2,\"version\":1}",
            manager));
    UUID line = UUID.randomUUID();
    String lineBody = "{\"id\":\"%s\",\"itemId\":\"%s\",\"quantity\":\"1\",\"seat\":%d}";
    check(
        "POST",
        "/v1/checks/{id}/lines",
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/lines",
            String.format(lineBody, line, "bread", 1),
            cashier));
    TestCloud.Reply two =
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/lines",
            String.format(lineBody, UUID.randomUUID(), "milk", 2),
            cashier);
    check("POST", "/v1/checks/{id}/lines", two);
    check(
        "POST",
        "/v1/checks/{id}/lines",
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/lines",
            String.format(lineBody, UUID.randomUUID(), "nothing", 1),
            cashier));
    UUID split = UUID.randomUUID();
    TestCloud.Reply splitReply =
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/split",
            "{\"mode\":\"SEAT\",\"seat\":2,\"newCheckId\":\""
                + split
                + "\",\"version\":"
                + two.json().get("version")
                + "}",
            cashier);
    check("POST", "/v1/checks/{id}/split", splitReply);
    check(
        "POST",
        "/v1/checks/{id}/move",
        cloud.send(
            "POST",
            "/v1/checks/" + split + "/move",
            "{\"tableId\":\"" + spare + "\",\"version\":1,\"tableVersion\":1}",
            manager));
    JsonNode rest = splitReply.json().get("check");
    check(
        "POST",
        "/v1/checks/{id}/merge",
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/merge",
            "{\"checkId\":\""
                + split
                + "\",\"version\":"
                + rest.get("version")
                + ",\"otherVersion\":2}",
            manager));
    check(
        "POST",
        "/v1/checks/{id}/merge",
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/merge",
            "{\"checkId\":\"" + checkId + "\",\"version\":1,\"otherVersion\":1}",
            manager));
    check(
        "DELETE",
        "/v1/checks/{id}/lines/{line}",
        cloud.send("DELETE", "/v1/checks/" + checkId + "/lines/" + line, null, cashier));
    check(
        "DELETE",
        "/v1/checks/{id}/lines/{line}",
        cloud.send("DELETE", "/v1/checks/" + checkId + "/lines/" + line, null, cashier));
    check("GET", "/v1/floor", cloud.send("GET", "/v1/floor", null, cashier));
    check("GET", "/v1/floor", cloud.send("GET", "/v1/floor", null, technician));
    long version =
        cloud
            .send("GET", "/v1/floor", null, cashier)
            .json()
            .get("checks")
            .findParents("id")
            .stream()
            .filter(c -> c.get("id").asText().equals(checkId.toString()))
            .findFirst()
            .orElseThrow()
            .get("version")
            .asLong();
    check(
        "POST",
        "/v1/checks/{id}/prebill",
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/prebill",
            "{\"version\":" + version + "}",
            cashier));
    check(
        "POST",
        "/v1/checks/{id}/settle",
        cloud.send(
            "POST",
            "/v1/checks/" + checkId + "/settle",
            "{\"saleId\":\"" + UUID.randomUUID() + "\"}",
            cashier));
    check(
        "POST",
        "/v1/checks/{id}/settle",
        cloud.send(
            "POST",
            "/v1/checks/" + UUID.randomUUID() + "/settle",
            "{\"saleId\":\"" + UUID.randomUUID() + "\"}",
            cashier));
    check(
        "POST",
        "/v1/floor/tables/{id}/clear",
        cloud.send("POST", "/v1/floor/tables/" + table + "/clear", "{\"version\":1}", manager));
    check(
        "DELETE",
        "/v1/floor/tables/{id}",
        cloud.send("DELETE", "/v1/floor/tables/" + table + "?version=1", null, manager));
    check("GET", "/v1/floor/events", cloud.send("GET", "/v1/floor/events", null, cashier));
    check(
        "GET",
        "/v1/floor/events",
        cloud.send("GET", "/v1/floor/events", null, Map.of("Accept", "text/event-stream")));
    Map<String, String> terminalOnly = Map.of("Authorization", auth);
    check(
        "GET",
        "/v1/terminal/devices",
        cloud.send("GET", "/v1/terminal/devices", null, terminalOnly));
    String devices = "{\"settings\":{\"printer-uri\":\"sim:printer\"}}";
    check(
        "PUT",
        "/v1/terminal/devices",
        cloud.send("PUT", "/v1/terminal/devices", devices, technician));
    check(
        "PUT",
        "/v1/terminal/devices",
        cloud.send("PUT", "/v1/terminal/devices", devices, technician));
    check(
        "PUT", "/v1/terminal/devices", cloud.send("PUT", "/v1/terminal/devices", devices, cashier));
    check(
        "GET",
        "/v1/terminal/devices",
        cloud.send("GET", "/v1/terminal/devices", null, terminalOnly));
  }

  @Test
  void stockResponsesMatchTheirSchemas() {
    TestCloud.Enrolled till = cloud.enrollTerminal("T8", "stock");
    Map<String, String> manager =
        new HashMap<>(cloud.signedIn(till.authorization(), cloud.demo.managerId(), "9999"));
    String stock = "/v1/stores/" + cloud.demo.storeId() + "/stock";
    String counted = "{\"itemId\":\"apples\",\"reason\":\"COUNT\",\"counted\":\"2,5\"}";
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) { // 201, then 200
      check(
          "POST",
          "/v1/stores/{id}/stock/adjustments",
          cloud.post(manager, stock + "/adjustments", key, counted));
    }
    for (String refused :
        List.of(
            counted.replace("COUNT", "THEFT"),
            "{\"itemId\":\"apples\",\"reason\":\"THEFT\",\"change\":\"1\"}",
            "{\"itemId\":\"apples\"}",
            "{\"itemId\":1}")) {
      check(
          "POST",
          "/v1/stores/{id}/stock/adjustments",
          cloud.post(manager, stock + "/adjustments", key, refused));
    }
    check("GET", "/v1/stores/{id}/stock", cloud.send("GET", stock + "?limit=3", null, manager));
    check("GET", "/v1/stores/{id}/stock", cloud.send("GET", stock + "?limit=x", null, manager));
    check(
        "GET",
        "/v1/stores/{id}/stock",
        cloud.send("GET", "/v1/stores/" + UUID.randomUUID() + "/stock", null, manager));
    check(
        "GET",
        "/v1/stores/{id}/stock/{itemId}/movements",
        cloud.send("GET", stock + "/apples/movements", null, manager));
    check(
        "GET",
        "/v1/stores/{id}/stock/{itemId}/movements",
        cloud.send("GET", stock + "/nope/movements", null, manager));
    manager.remove("Kasa-Session");
    check("GET", "/v1/stores/{id}/stock", cloud.send("GET", stock, null, manager));
  }

  @Test
  void paymentResponsesMatchTheirSchemas() {
    TestCloud.Enrolled till = cloud.enrollTerminal("T9", "payments");
    Map<String, String> cashier =
        cloud.signedIn(till.authorization(), cloud.demo.cashierId(), "1111");
    Map<String, String> manager =
        cloud.signedIn(till.authorization(), cloud.demo.managerId(), "9999");
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), "T9", 1, "tok_decline");
    SaleRequest offline =
        new SaleRequest(
            r.id(),
            r.receiptNumber(),
            r.currency(),
            r.openedAt(),
            r.paidAt(),
            r.lines(),
            r.orderDiscount(),
            r.tenders(),
            r.totals(),
            true,
            null);
    check(
        "POST",
        "/v1/sales",
        cloud.post(cashier, "/v1/sales", offline.id().toString(), Sales.json(offline)));
    String declined = "/v1/offline-cards/declined";
    check("GET", declined, cloud.send("GET", declined, null, manager));
    check("GET", declined, cloud.send("GET", declined, null, cashier));
    check("GET", declined, cloud.send("GET", declined, null, Map.of()));
  }

  /** Validates a reply against the documented response of its operation and status. */
  private static void check(String method, String path, TestCloud.Reply reply) {
    JsonNode response =
        doc.at(
            "/paths/"
                + path.replace("/", "~1")
                + "/"
                + method.toLowerCase(Locale.ROOT)
                + "/responses/"
                + reply.status());
    assertThat(response.isMissingNode())
        .as(
            "%s %s answered %d, which is not documented: %s",
            method, path, reply.status(), reply.body())
        .isFalse();
    JsonNode content = response.get("content");
    if (content == null) {
      assertThat(reply.body()).isEmpty();
      return;
    }
    String mediaType = reply.contentType().split(";")[0].trim();
    JsonNode media = content.get(mediaType);
    assertThat(media)
        .as(
            "%s %s %d answered %s, documented %s",
            method, path, reply.status(), mediaType, content.fieldNames())
        .isNotNull();
    if (!mediaType.contains("json")) {
      return;
    }
    ObjectNode schema = TestCloud.JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.setAll((ObjectNode) media.get("schema"));
    schema.set("components", doc.get("components"));
    Schema validator =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema.toString(), InputFormat.JSON);
    List<Error> errors = validator.validate(reply.body(), InputFormat.JSON);
    assertThat(errors).as("%s %s %d: %s", method, path, reply.status(), reply.body()).isEmpty();
  }
}
