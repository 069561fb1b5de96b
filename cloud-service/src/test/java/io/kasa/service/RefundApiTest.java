package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refunds: manager-only, never more than sold, exactly once, money back the way it came. */
class RefundApiTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static int receipts = 100;

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

  private static SaleRequest sale() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), receipts++, "tok_approve");
    Map<String, String> h = new HashMap<>(cashier);
    h.put("Idempotency-Key", sale.id().toString());
    assertThat(cloud.send("POST", "/v1/sales", Sales.json(sale), h).status()).isEqualTo(201);
    return sale;
  }

  private static RefundRequestDto refund(
      SaleRequest sale, String method, String managerId, String pin, RefundLineDto... lines) {
    return new RefundRequestDto(
        UUID.randomUUID(),
        sale.id(),
        Sales.receipt(receipts++),
        List.of(lines),
        method,
        "Не підійшло",
        Instant.now(),
        managerId,
        pin);
  }

  private static TestCloud.Reply submit(Map<String, String> who, RefundRequestDto r) {
    Map<String, String> h = new HashMap<>(who);
    h.put("Idempotency-Key", r.id().toString());
    try {
      return cloud.send("POST", "/v1/refunds", TestCloud.JSON.writeValueAsString(r), h);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCashierNeedsAManager() {
    SaleRequest sale = sale();
    assertThat(
            submit(cashier, refund(sale, "CASH", null, null, new RefundLineDto(1, "1"))).status())
        .isEqualTo(403);
    assertThat(
            submit(
                    cashier,
                    refund(
                        sale,
                        "CASH",
                        cloud.demo.managerId().toString(),
                        "0000",
                        new RefundLineDto(1, "1")))
                .status())
        .isEqualTo(401);
    TestCloud.Reply approved =
        submit(
            cashier,
            refund(
                sale,
                "CASH",
                cloud.demo.managerId().toString(),
                "9999",
                new RefundLineDto(1, "1")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(201);
    long overrides =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from audit_log where action = 'OVERRIDE_REFUND' and employee_id = :m")
                        .bind("m", cloud.demo.managerId())
                        .mapTo(Long.class)
                        .one());
    assertThat(overrides).isEqualTo(1);
    String stored =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select request::text from refund where id = :id")
                        .bind("id", UUID.fromString(approved.json().get("id").asText()))
                        .mapTo(String.class)
                        .one());
    assertThat(stored).doesNotContain("9999");
  }

  @Test
  void partialRefundsNeverExceedWhatWasSoldAndMoneyGoesBackToTheCardFirst() {
    SaleRequest sale = sale();
    TestCloud.Reply first =
        submit(manager, refund(sale, "ORIGINAL_TENDERS", null, null, new RefundLineDto(1, "1")));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("total").asLong()).isEqualTo(3100);
    assertThat(first.json().get("payouts").get(0).get("type").asText()).isEqualTo("CARD");
    assertThat(first.json().get("saleState").asText()).isEqualTo("PARTLY_REFUNDED");

    TestCloud.Reply tooMuch =
        submit(manager, refund(sale, "CASH", null, null, new RefundLineDto(1, "2")));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().get("detail").asText()).contains("only 1 of 2");

    TestCloud.Reply rest =
        submit(
            manager,
            refund(
                sale,
                "ORIGINAL_TENDERS",
                null,
                null,
                new RefundLineDto(1, "1"),
                new RefundLineDto(2, "1")));
    assertThat(rest.status()).isEqualTo(201);
    assertThat(rest.json().get("saleState").asText()).isEqualTo("FULLY_REFUNDED");
    long back = first.json().get("total").asLong() + rest.json().get("total").asLong();
    assertThat(back).isEqualTo(15840);
    assertThat(
            cloud.send("GET", "/v1/sales/" + sale.id(), null, cashier).json().get("state").asText())
        .isEqualTo("FULLY_REFUNDED");
  }

  @Test
  void aRateChangedSinceTheSaleDoesNotChangeTheRefund() {
    SaleRequest sale = sale();
    Runnable restore = () -> setRate("VAT20", "20");
    setRate("VAT20", "25");
    try {
      TestCloud.Reply reply =
          submit(manager, refund(sale, "CASH", null, null, new RefundLineDto(1, "1")));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      // One loaf, 31.00 with 20 % VAT inclusive: 5.17 of tax (at 25 % it would be 6.20).
      assertThat(reply.json().get("total").asLong()).isEqualTo(3100);
      assertThat(reply.json().get("tax").asLong()).isEqualTo(517);
    } finally {
      restore.run();
    }
  }

  private static void setRate(String taxClass, String rate) {
    cloud.execute("update tax_class set rate = cast(? as numeric) where code = ?", rate, taxClass);
  }

  @Test
  void anyRegisterGetsTheSaleAndItsRefundsForAReturnWithoutCardTokens() throws Exception {
    SaleRequest sale = sale();
    RefundRequestDto first =
        refund(sale, "CASH", cloud.demo.managerId().toString(), "9999", new RefundLineDto(1, "1"));
    assertThat(submit(cashier, first).status()).isEqualTo(201);
    TestCloud.Reply reply = cloud.send("GET", "/v1/sales/" + sale.id() + "/return", null, cashier);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var found = TestCloud.JSON.readValue(reply.body(), io.kasa.api.sales.SaleForReturn.class);
    assertThat(found.sale().lines()).isEqualTo(sale.lines());
    assertThat(found.sale().receiptNumber()).isEqualTo(sale.receiptNumber());
    assertThat(found.sale().tenders()).allMatch(t -> t.cardToken() == null);
    assertThat(found.refunds()).hasSize(1);
    assertThat(found.refunds().get(0).id()).isEqualTo(first.id());
    assertThat(found.refunds().get(0).approvingManagerPin()).isNull();
    assertThat(reply.body()).doesNotContain("tok_approve", "9999");
    assertThat(
            cloud.send("GET", "/v1/sales/" + UUID.randomUUID() + "/return", null, cashier).status())
        .isEqualTo(404);
    assertThat(cloud.send("GET", "/v1/sales/" + sale.id() + "/return", null, Map.of()).status())
        .isEqualTo(401);
  }

  @Test
  void aRefundIsRecordedOnce() {
    SaleRequest sale = sale();
    RefundRequestDto r = refund(sale, "CASH", null, null, new RefundLineDto(2, "1"));
    TestCloud.Reply first = submit(manager, r);
    TestCloud.Reply again = submit(manager, r);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    long refunds =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from refund where sale_id = :s")
                        .bind("s", sale.id())
                        .mapTo(Long.class)
                        .one());
    assertThat(refunds).isEqualTo(1);
  }
}
