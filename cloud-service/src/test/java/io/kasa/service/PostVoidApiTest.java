package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Voiding paid sales: a manager's decision, within the open shift, exactly once. */
class PostVoidApiTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static UUID openShift() {
    UUID shift = UUID.randomUUID();
    // Opened before the sales that follow, which are paid a minute before they are made.
    String open =
        "{\"id\":\""
            + shift
            + "\",\"openingFloat\":0,\"at\":\""
            + Instant.now().minusSeconds(90)
            + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    return shift;
  }

  private static void closeShift(UUID shift) {
    String close = "{\"counted\":0,\"blind\":false,\"at\":\"" + Instant.now() + "\"}";
    assertThat(cloud.post(manager, "/v1/shifts/" + shift + "/close", null, close).status())
        .isEqualTo(200);
  }

  /** Bread and aspirin, 158.40: 100.00 by card, the rest in cash. */
  private static SaleRequest sell() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 1000 + sequence++, "tok_approve");
    TestCloud.Reply r = cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return sale;
  }

  private static TestCloud.Reply voidSale(
      Map<String, String> who, SaleRequest sale, String managerId, String pin) {
    String body =
        "{\"reason\":\"rang up twice\""
            + (managerId == null
                ? ""
                : ",\"approvingManagerId\":\""
                    + managerId
                    + "\",\"approvingManagerPin\":\""
                    + pin
                    + "\"")
            + "}";
    return cloud.post(who, "/v1/sales/" + sale.id() + "/void", null, body);
  }

  private static long stock(String item) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select stock from item_stock where item_id = :i")
                    .bind("i", item)
                    .mapTo(java.math.BigDecimal.class)
                    .one()
                    .longValue());
  }

  @Test
  void aManagerVoidsAPaidSaleCardsReversedStockBackLeftOutOfTheShift() {
    UUID shift = openShift();
    try {
      SaleRequest kept = sell();
      long bread = stock("bread");
      SaleRequest wrong = sell();
      assertThat(stock("bread")).isEqualTo(bread - 2);

      // Reports are by terminal and hours; the other test's sales may share them.
      JsonNode before = report(shift);
      assertThat(voidSale(cashier, wrong, null, null).status()).isEqualTo(403);
      assertThat(voidSale(cashier, wrong, cloud.demo.managerId().toString(), "0000").status())
          .isEqualTo(401);
      long voids = cloud.audited("SALE_VOIDED");
      TestCloud.Reply voided = voidSale(cashier, wrong, cloud.demo.managerId().toString(), "9999");
      assertThat(voided.status()).as(voided.body()).isEqualTo(200);
      assertThat(voided.json().get("state").asText()).isEqualTo("VOIDED");
      assertThat(voided.json().get("tenders").get(0).get("status").asText()).isEqualTo("REVERSED");
      assertThat(voided.json().get("tenders").get(1).get("status").asText()).isEqualTo("ACCEPTED");
      assertThat(stock("bread")).isEqualTo(bread);
      assertThat(cloud.audited("SALE_VOIDED")).isEqualTo(voids + 1);

      // Exactly once: again answers the same and changes nothing.
      TestCloud.Reply again = voidSale(manager, wrong, null, null);
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(voided.body());
      assertThat(stock("bread")).isEqualTo(bread);
      assertThat(cloud.audited("SALE_VOIDED")).isEqualTo(voids + 1);
      assertThat(cloud.send("GET", "/v1/sales/" + wrong.id(), null, cashier).body())
          .isEqualTo(voided.body());
      // The terminal resending the sale learns it is voided; nothing is recorded again.
      assertThat(
              cloud
                  .post(cashier, "/v1/sales", wrong.id().toString(), Sales.json(wrong))
                  .json()
                  .get("state")
                  .asText())
          .isEqualTo("VOIDED");

      assertThat(refund(wrong).status()).isEqualTo(409);

      JsonNode after = report(shift);
      assertThat(change(before, after, "sales")).isEqualTo(-1);
      assertThat(change(before, after, "salesTotal")).isEqualTo(-15840);
      assertThat(change(before, after, "voidedSales")).isEqualTo(1);
      assertThat(change(before, after, "voidedSalesTotal")).isEqualTo(15840);
      assertThat(change(before.get("byTender"), after.get("byTender"), "CARD")).isEqualTo(-10000);
      assertThat(change(before, after, "cashExpected")).isEqualTo(-5840);
      assertThat(cloud.send("GET", "/v1/sales/" + kept.id(), null, cashier).json().get("state"))
          .hasToString("\"PAID\"");
    } finally {
      closeShift(shift);
    }
  }

  @Test
  void aRefundedSaleOrOneWhoseShiftClosedIsRefundedNotVoided() {
    UUID shift = openShift();
    SaleRequest refunded = sell();
    SaleRequest later = sell();
    assertThat(refund(refunded).status()).isEqualTo(201);
    TestCloud.Reply refusal = voidSale(manager, refunded, null, null);
    assertThat(refusal.status()).isEqualTo(409);
    assertThat(refusal.json().get("detail").asText()).contains("refunds");
    closeShift(shift);

    TestCloud.Reply closed = voidSale(manager, later, null, null);
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.json().get("detail").asText()).contains("closed");
    assertThat(voidSale(manager, later, null, null).status()).isEqualTo(409);
    assertThat(
            cloud
                .post(
                    manager, "/v1/sales/" + UUID.randomUUID() + "/void", null, "{\"reason\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(cloud.post(manager, "/v1/sales/" + later.id() + "/void", null, "{}").status())
        .isEqualTo(422);
  }

  private static JsonNode report(UUID shift) {
    return cloud.send("GET", "/v1/shifts/" + shift + "/report", null, cashier).json();
  }

  private static long change(JsonNode before, JsonNode after, String field) {
    return after.get(field).asLong() - before.get(field).asLong();
  }

  private static TestCloud.Reply refund(SaleRequest sale) {
    RefundRequestDto r =
        new RefundRequestDto(
            UUID.randomUUID(),
            sale.id(),
            Sales.receipt(5000 + sequence++),
            List.of(new RefundLineDto(1, "1")),
            "CASH",
            "returned",
            Instant.now(),
            null,
            null);
    try {
      return cloud.post(
          manager, "/v1/refunds", r.id().toString(), TestCloud.JSON.writeValueAsString(r));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
