package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.service.sales.TestPaymentProcessor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cards reach the processor (ADR 0031): offline cards are authorised when their sale is delivered,
 * once; a declined one is recorded and listed for the store's managers; refunds and voids of cards
 * go to the processor, and its refusal records nothing.
 */
class CardPaymentsApiTest {

  private static final TestPaymentProcessor PROCESSOR = new TestPaymentProcessor();
  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static long sequence = 1;
  private static long refunds = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(PROCESSOR);
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    // Open before every sale that follows (each is paid a minute before it is sent).
    UUID shift = UUID.randomUUID();
    String open =
        "{\"id\":\""
            + shift
            + "\",\"openingFloat\":0,\"at\":\""
            + Instant.now().minusSeconds(90)
            + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** Bread and aspirin, 158.40: 100.00 by the card behind {@code token}, the rest in cash. */
  private static SaleRequest sale(String token, boolean offline) {
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, token);
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        r.lines(),
        r.orderDiscount(),
        r.tenders().stream()
            .map(
                t ->
                    offline && "CARD".equals(t.type())
                        ? new TenderDto(t.id(), t.type(), t.amount(), t.cardToken(), "OFFLINE")
                        : t)
            .toList(),
        r.totals(),
        offline,
        null);
  }

  private static UUID card(SaleRequest sale) {
    return sale.tenders().get(0).id();
  }

  private static TestCloud.Reply deliver(SaleRequest sale) {
    return cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
  }

  private static JsonNode cardResult(TestCloud.Reply reply) {
    return reply.json().get("tenders").get(0);
  }

  private static TestCloud.Reply refundAspirin(SaleRequest sale) {
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\""
            + id
            + "\",\"saleId\":\""
            + sale.id()
            + "\",\"receiptNumber\":\""
            + Sales.receipt(5000 + refunds++)
            + "\",\"lines\":[{\"saleLine\":2,\"quantity\":\"1\"}],"
            + "\"method\":\"ORIGINAL_TENDERS\",\"reason\":\"headache gone\",\"at\":\""
            + Instant.now()
            + "\"}";
    return cloud.post(manager, "/v1/refunds", id.toString(), body);
  }

  private static TestCloud.Reply voidSale(SaleRequest sale) {
    return cloud.post(
        manager, "/v1/sales/" + sale.id() + "/void", null, "{\"reason\":\"rang up twice\"}");
  }

  private static JsonNode declinedList(Map<String, String> who) {
    TestCloud.Reply r = cloud.send("GET", "/v1/offline-cards/declined", null, who);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("cards");
  }

  private static JsonNode declinedEntry(UUID tender) {
    for (JsonNode c : declinedList(manager)) {
      if (c.get("tenderId").asText().equals(tender.toString())) {
        return c;
      }
    }
    return null;
  }

  @Test
  void anOfflineCardIsAuthorisedWhenItsSaleIsDelivered() {
    SaleRequest sale = sale("tok_approve", true);

    TestCloud.Reply r = deliver(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(cardResult(r).get("status").asText()).isEqualTo("APPROVED");
    assertThat(cardResult(r).get("authorisation").asText()).matches("T\\d{6}");
    assertThat(PROCESSOR.calls("AUTHORISE", card(sale)))
        .singleElement()
        .satisfies(c -> assertThat(c.amount().minor()).isEqualTo(10000));
  }

  @Test
  void anOfflineSaleDeliveredAgainIsNotAuthorisedTwice() {
    SaleRequest sale = sale("tok_approve", true);

    TestCloud.Reply first = deliver(sale);
    TestCloud.Reply again = deliver(sale);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(PROCESSOR.calls("AUTHORISE", card(sale))).hasSize(1);
  }

  @Test
  void aDeclinedOfflineCardIsRecordedAndListedForTheStoresManagers() {
    SaleRequest sale = sale("tok_decline", true);
    long auditedBefore = cloud.audited("OFFLINE_CARD_DECLINED");

    TestCloud.Reply r = deliver(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(cardResult(r).get("status").asText()).isEqualTo("DECLINED");
    assertThat(cloud.send("GET", "/v1/sales/" + sale.id(), null, manager).status()).isEqualTo(200);
    JsonNode listed = declinedEntry(card(sale));
    assertThat(listed).isNotNull();
    assertThat(listed.get("saleId").asText()).isEqualTo(sale.id().toString());
    assertThat(listed.get("receiptNumber").asText()).isEqualTo(sale.receiptNumber());
    assertThat(listed.get("amount").asLong()).isEqualTo(10000);
    assertThat(listed.get("currency").asText()).isEqualTo("UAH");
    assertThat(Instant.parse(listed.get("paidAt").asText()))
        // PostgreSQL keeps microseconds, rounding the nanoseconds.
        .isCloseTo(
            sale.paidAt(),
            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
    assertThat(listed.get("employeeId").asText()).isEqualTo(cloud.demo.cashierId().toString());
    assertThat(listed.get("employeeName").asText()).isNotBlank();
    assertThat(listed.get("reason").asText()).isEqualTo("insufficient funds");
    assertThat(listed.get("whatToDo").asText())
        .contains(sale.receiptNumber(), "100.00 UAH", "settle");
    assertThat(cloud.audited("OFFLINE_CARD_DECLINED")).isEqualTo(auditedBefore + 1);
  }

  @Test
  void aSettledDeclinedCardLeavesTheList() {
    SaleRequest sale = sale("tok_decline", true);
    assertThat(deliver(sale).status()).isEqualTo(201);

    boolean settled =
        cloud
            .services
            .app()
            .sales()
            .declinedCards()
            .settle(cloud.demo.organisationId(), card(sale), "Андрій", "paid in cash");

    assertThat(settled).isTrue();
    assertThat(declinedEntry(card(sale))).isNull();
  }

  @Test
  void onlyManagersSeeDeclinedCards() {
    TestCloud.Reply r = cloud.send("GET", "/v1/offline-cards/declined", null, cashier);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aCardRefundReachesTheProcessorWithTheOriginalAuthorisation() {
    SaleRequest sale = sale("tok_approve", false);
    TestCloud.Reply sold = deliver(sale);
    assertThat(sold.status()).isEqualTo(201);

    TestCloud.Reply r = refundAspirin(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(PROCESSOR.calls("REFUND", card(sale)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.amount().minor()).isEqualTo(9640);
              assertThat(c.detail()).isEqualTo(cardResult(sold).get("authorisation").asText());
            });
  }

  @Test
  void aCardRefundTheProcessorRefusesRecordsNothing() {
    SaleRequest sale = sale(TestPaymentProcessor.NO_REFUND, false);
    assertThat(deliver(sale).status()).isEqualTo(201);
    long before = cloud.count("refund");

    TestCloud.Reply r = refundAspirin(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("/card-refund-refused");
    assertThat(cloud.count("refund")).isEqualTo(before);
    assertThat(
            cloud.send("GET", "/v1/sales/" + sale.id(), null, manager).json().get("state").asText())
        .isEqualTo("PAID");
  }

  @Test
  void aDeclinedOfflineCardIsNotRefundedToTheCard() {
    SaleRequest sale = sale("tok_decline", true);
    assertThat(deliver(sale).status()).isEqualTo(201);

    TestCloud.Reply r = refundAspirin(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("detail").asText()).contains("never charged", "CASH");
    assertThat(PROCESSOR.calls("REFUND", card(sale))).isEmpty();
  }

  @Test
  void aVoidReversesTheCardAtTheProcessor() {
    SaleRequest sale = sale("tok_approve", false);
    TestCloud.Reply sold = deliver(sale);

    TestCloud.Reply r = voidSale(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(cardResult(r).get("status").asText()).isEqualTo("REVERSED");
    assertThat(PROCESSOR.calls("REVERSE", card(sale)))
        .singleElement()
        .satisfies(
            c -> assertThat(c.detail()).isEqualTo(cardResult(sold).get("authorisation").asText()));
  }

  @Test
  void aVoidOfAnOfflineCardApprovedOnDeliveryReversesIt() {
    SaleRequest sale = sale("tok_approve", true);
    assertThat(deliver(sale).status()).isEqualTo(201);

    TestCloud.Reply r = voidSale(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(PROCESSOR.calls("REVERSE", card(sale))).hasSize(1);
  }

  @Test
  void aVoidTheProcessorRefusesLeavesTheSalePaid() {
    SaleRequest sale = sale(TestPaymentProcessor.NO_REFUND, false);
    assertThat(deliver(sale).status()).isEqualTo(201);

    TestCloud.Reply r = voidSale(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("/reversal-refused");
    assertThat(
            cloud.send("GET", "/v1/sales/" + sale.id(), null, manager).json().get("state").asText())
        .isEqualTo("PAID");
  }

  /** Bread and aspirin with 100.00 paid on the bank's own terminal, the rest in cash. */
  private static SaleRequest onBankTerminal(String code, String last4) {
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, null);
    TenderDto card = r.tenders().get(0);
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        r.lines(),
        r.orderDiscount(),
        java.util.List.of(
            new TenderDto(card.id(), "EXTERNAL_CARD", card.amount(), null, code, last4),
            r.tenders().get(1)),
        r.totals(),
        false,
        null);
  }

  @Test
  void aCardPaidOnABankTerminalIsRecordedWithItsCodeAndLastDigits() {
    SaleRequest sale = onBankTerminal("123ABC", "1234");

    TestCloud.Reply r = deliver(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(cardResult(r).get("type").asText()).isEqualTo("EXTERNAL_CARD");
    assertThat(cardResult(r).get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(cardResult(r).get("authorisation").asText()).isEqualTo("123ABC");
    assertThat(PROCESSOR.calls().stream().filter(c -> c.tenderId().equals(card(sale)))).isEmpty();
    String last4 =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select card_last4 from tender where id = :id")
                        .bind("id", card(sale))
                        .mapTo(String.class)
                        .one());
    assertThat(last4).isEqualTo("1234");
  }

  @Test
  void aBankTerminalCardWithoutASixCharacterCodeIsRefused() {
    TestCloud.Reply r = deliver(onBankTerminal("12AB", "1234"));

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("/tenders/0/reference", "six letters or digits");
  }

  @Test
  void aBankTerminalCardWithoutItsLastFourDigitsIsRefused() {
    SaleRequest missing = onBankTerminal("123ABC", null);
    SaleRequest letters = onBankTerminal("123ABC", "12a4");

    TestCloud.Reply withoutDigits = deliver(missing);
    TestCloud.Reply withLetters = deliver(letters);

    assertThat(withoutDigits.status()).as(withoutDigits.body()).isEqualTo(422);
    assertThat(withoutDigits.body()).contains("/tenders/0/cardLast4");
    assertThat(withLetters.status()).as(withLetters.body()).isEqualTo(422);
    assertThat(withLetters.body()).contains("/tenders/0/cardLast4");
    assertThat(cloud.send("GET", "/v1/sales/" + missing.id(), null, manager).status())
        .isEqualTo(404);
  }
}
