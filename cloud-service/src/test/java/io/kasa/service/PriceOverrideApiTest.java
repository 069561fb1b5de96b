package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Price overrides against the store's limit (10 % in the demo store): a cashier may lower a price
 * that far alone; beyond it the service wants a manager, signed in or approving by PIN once.
 */
class PriceOverrideApiTest {

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> cashier;
  private static long sequence = 1;

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

  /** One loaf of bread (catalogue 31.00, VAT 20 % inclusive) at {@code price}, paid exactly. */
  private static SaleRequest bread(long price, boolean offline, UUID approval) {
    UUID id = UUID.randomUUID();
    long tax = Math.round(price * 20 / 120.0);
    return new SaleRequest(
        id,
        Sales.receipt(sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(new SaleLineDto(1, "bread", "1", price, "damaged packaging", null, false, price)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "CASH", price, null, null)),
        new TotalsDto(price, 0, tax, price, 0, 0),
        offline,
        approval);
  }

  private static TestCloud.Reply submit(SaleRequest r, Map<String, String> as) {
    Map<String, String> headers = new HashMap<>(as);
    headers.put("Idempotency-Key", r.id().toString());
    return cloud.send("POST", "/v1/sales", Sales.json(r), headers);
  }

  private static TestCloud.Reply approval(String pin) {
    return cloud.send(
        "POST",
        "/v1/approvals",
        "{\"action\":\"PRICE_OVERRIDE\",\"managerId\":\""
            + cloud.demo.managerId()
            + "\",\"pin\":\""
            + pin
            + "\"}",
        cashier);
  }

  private static String approvedBy(UUID sale) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select approved_by::text from sale where id = :id")
                    .bind("id", sale)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void aCashierMayLowerAPriceWithinTheLimitAloneAndItIsAudited() {
    long overrides = cloud.audited("PRICE_OVERRIDE");
    SaleRequest sale = bread(2950, false, null); // 4.8 % off
    TestCloud.Reply reply = submit(sale, cashier);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(approvedBy(sale.id())).isNull();
    assertThat(cloud.audited("PRICE_OVERRIDE")).isEqualTo(overrides + 1);
  }

  @Test
  void beyondTheLimitACashierAloneIsRefusedNamingTheLineAndNothingIsWritten() {
    long sales = cloud.count("sale");
    TestCloud.Reply reply = submit(bread(2700, false, null), cashier); // 12.9 % off
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("type").asText()).endsWith("manager-approval-required");
    assertThat(reply.json().get("errors").get(0).get("pointer").asText())
        .isEqualTo("/lines/0/unitPrice");
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  @Test
  void aManagersApprovalByPinIsSpentOnceAndRecorded() {
    TestCloud.Reply wrong = approval("0000");
    assertThat(wrong.status()).isEqualTo(401);

    TestCloud.Reply approved = approval("9999");
    assertThat(approved.status()).as(approved.body()).isEqualTo(201);
    UUID approvalId = UUID.fromString(approved.json().get("id").asText());
    long overrides = cloud.audited("PRICE_OVERRIDE");

    SaleRequest sale = bread(2500, false, approvalId);
    TestCloud.Reply reply = submit(sale, cashier);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(approvedBy(sale.id())).isEqualTo(cloud.demo.managerId().toString());
    assertThat(cloud.audited("PRICE_OVERRIDE")).isEqualTo(overrides + 1);
    // The same sale again replays its answer; the approval is not spent twice.
    assertThat(submit(sale, cashier).status()).isEqualTo(200);

    TestCloud.Reply reused = submit(bread(2500, false, approvalId), cashier);
    assertThat(reused.status()).isEqualTo(403);
    assertThat(reused.json().get("type").asText()).endsWith("approval-invalid");
  }

  @Test
  void aSignedInManagerNeedsNoApproval() {
    Map<String, String> manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    SaleRequest sale = bread(2000, false, null);
    TestCloud.Reply reply = submit(sale, manager);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(approvedBy(sale.id())).isEqualTo(cloud.demo.managerId().toString());
  }

  @Test
  void anOfflineSaleIsNeverRefusedButAnUnapprovedOverrideIsAudited() {
    long unapproved = cloud.audited("PRICE_OVERRIDE_UNAPPROVED");
    SaleRequest sale = bread(2000, true, null);
    TestCloud.Reply reply = submit(sale, cashier);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(cloud.audited("PRICE_OVERRIDE_UNAPPROVED")).isEqualTo(unapproved + 1);
  }
}
