package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests a hostile tester sent, refused as the API document says: no scalar becomes text, no
 * odd spelling of a quantity gets through and is echoed back, and what the document allows (a whole
 * number written 3100.0, a time with an offset) is taken.
 */
class StrictInputTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static String terminal;
  private static long sequence = 9000;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void aBooleanOrANumberIsNotTakenForTheDetailOfAnAuditEvent() {
    long before = cloud.count("audit_log");
    for (String detail : List.of("true", "42", "1.5", "{}", "[\"x\"]")) {
      UUID id = UUID.randomUUID();
      TestCloud.Reply r =
          cloud.post(
              Map.of("Authorization", terminal),
              "/v1/audit-events",
              id.toString(),
              "{\"id\":\"%s\",\"action\":\"RECEIPT_REPRINT\",\"at\":\"%s\",\"detail\":%s}"
                  .formatted(id, Instant.now(), detail));
      assertThat(r.status()).as(detail).isEqualTo(400);
      assertThat(r.json().get("type").asText()).endsWith("/malformed");
      assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/detail");
    }
    assertThat(cloud.count("audit_log")).isEqualTo(before);
  }

  @Test
  void aBooleanIsNotTakenForTheReasonOfACashMovement() {
    Map<String, String> manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    UUID shift = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    manager,
                    "/v1/shifts",
                    shift.toString(),
                    "{\"id\":\"%s\",\"openingFloat\":0,\"at\":\"%s\"}"
                        .formatted(shift, Instant.now()))
                .status())
        .isEqualTo(201);
    UUID movement = UUID.randomUUID();
    TestCloud.Reply r =
        cloud.post(
            manager,
            "/v1/shifts/" + shift + "/cash-movements",
            movement.toString(),
            "{\"id\":\"%s\",\"type\":\"IN\",\"amount\":100,\"reason\":false,\"at\":\"%s\"}"
                .formatted(movement, Instant.now()));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("/reason");
    assertThat(cloud.count("cash_movement")).isZero();
  }

  @Test
  void quantitiesSpelledOtherwiseThanTheDocumentSaysAreRefusedAndNothingIsRecorded() {
    long sales = cloud.count("sale");
    for (String quantity : List.of("1E0", " 1", "1 ", "+1", "１", "1\n", "0x1", "1.0000", "-1")) {
      TestCloud.Reply r = submit(sale(quantity));
      assertThat(r.status()).as("quantity %s", quantity).isEqualTo(422);
      assertThat(r.json().get("type").asText()).endsWith("/contract");
      assertThat(r.json().get("errors").get(0).get("pointer").asText())
          .isEqualTo("/lines/1/quantity");
    }
    assertThat(cloud.count("sale")).isEqualTo(sales);
    TestCloud.Reply plain = submit(sale("1"));
    assertThat(plain.status()).as(plain.body()).isEqualTo(201);
  }

  @Test
  void textIsNotTakenForANumberNorANumberForAFlag() {
    for (String[] swap :
        List.of(
            new String[] {"\"unitPrice\":3100", "\"unitPrice\":\"3100\""},
            new String[] {"\"voided\":false", "\"voided\":0"},
            new String[] {"\"offline\":false", "\"offline\":\"false\""},
            new String[] {"\"number\":1", "\"number\":true"})) {
      String body = Sales.json(sale("1")).replaceFirst(swap[0], swap[1]);
      TestCloud.Reply r = submit(body);
      assertThat(r.status()).as(swap[1]).isEqualTo(400);
      assertThat(r.json().get("type").asText()).endsWith("/malformed");
    }
  }

  @Test
  void aFieldGivenTwiceIsMalformed() {
    String body =
        Sales.json(sale("1"))
            .replaceFirst("\"currency\":\"UAH\"", "\"currency\":\"UAH\",\"currency\":\"USD\"");
    TestCloud.Reply r = submit(body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).contains("currency");
  }

  @Test
  void anIdInAnotherSpellingOfSixteenBytesIsNotAUuid() {
    SaleRequest sale = sale("1");
    String body = Sales.json(sale).replace(sale.id().toString(), "AAAAAAAAAAAAAAAAAAAAAA==");
    TestCloud.Reply r = submit(body, sale.id().toString());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/id");
  }

  @Test
  void whatTheDocumentAllowsIsTakenInAnyOfItsSpellings() throws Exception {
    SaleRequest sale = sale("1");
    ObjectNode body = (ObjectNode) TestCloud.JSON.readTree(Sales.json(sale));
    JsonNode line = body.get("lines").get(0);
    ((ObjectNode) line).put("unitPrice", new java.math.BigDecimal("3100.00"));
    ((ObjectNode) line).put("amount", new java.math.BigDecimal("6.2e3"));
    // Opened a minute ago, written with a lower-case t and another offset; paid a minute later.
    java.time.Instant opened =
        java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    body.put(
        "openedAt", opened.atOffset(java.time.ZoneOffset.ofHours(2)).toString().replace('T', 't'));
    body.put("paidAt", opened.plusSeconds(60).toString().replace("Z", ".000000000001z"));
    TestCloud.Reply r = submit(body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode recorded =
        cloud.send("GET", "/v1/sales/" + sale.id() + "/return", null, cashier).json().get("sale");
    assertThat(recorded.get("openedAt").asText()).isEqualTo(opened.toString());
    assertThat(recorded.get("lines").get(0).get("unitPrice").asLong()).isEqualTo(3100);
  }

  /** Two loaves and aspirin, the aspirin's quantity written as given. */
  private static SaleRequest sale(String aspirin) {
    SaleRequest s = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, "tok_approve");
    return new SaleRequest(
        s.id(),
        s.receiptNumber(),
        s.currency(),
        s.openedAt(),
        s.paidAt(),
        List.of(
            s.lines().get(0),
            new SaleLineDto(2, "aspirin", aspirin, 9640, null, null, false, 9640)),
        s.orderDiscount(),
        s.tenders(),
        s.totals(),
        s.offline(),
        s.approvalId());
  }

  private static TestCloud.Reply submit(SaleRequest sale) {
    return submit(Sales.json(sale));
  }

  private static TestCloud.Reply submit(String body) {
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
    assertThat(id.find()).as(body).isTrue();
    return submit(body, id.group(1));
  }

  private static TestCloud.Reply submit(String body, String key) {
    return cloud.post(cashier, "/v1/sales", key, body);
  }
}
