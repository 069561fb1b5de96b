package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.service.http.ApiException;
import io.kasa.service.sales.TestPaymentProcessor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tips (ADR 0054) against the real service: a card charged the sale and its tip, a cash tip left in
 * the drawer, both on the shift report per employee and never in the sale's totals; the store's
 * rules checked, refunds that keep the tip and post-voids that give it back.
 */
class TipsApiTest {

  private static final TestPaymentProcessor PROCESSOR = new TestPaymentProcessor();
  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static UUID shift;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(PROCESSOR);
    terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    shift = UUID.randomUUID();
    String open =
        "{\"id\":\""
            + shift
            + "\",\"openingFloat\":50000,\"at\":\""
            + Instant.now().minusSeconds(90)
            + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    tips(true, List.of(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("15")), "100");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static void tips(boolean on, List<BigDecimal> presets, String max) {
    cloud
        .services
        .admin()
        .stores()
        .setTips(
            cloud.demo.organisationId(), cloud.demo.storeId(), on, presets, new BigDecimal(max));
    cloud.awaitHeard();
  }

  /**
   * Bread and aspirin, 158.40: 100.00 by card with {@code cardTip} on top, the rest in cash; with
   * {@code cashTip} the customer leaves the change (41.60) as a tip instead of taking it.
   */
  private static SaleRequest sale(long cardTip, boolean cashTip, boolean offline) {
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, "tok_approve");
    TenderDto card = r.tenders().get(0);
    TenderDto cash = r.tenders().get(1);
    TotalsDto t = r.totals();
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        r.lines(),
        r.orderDiscount(),
        List.of(
            new TenderDto(
                card.id(),
                "CARD",
                card.amount(),
                card.cardToken(),
                offline ? "OFFLINE" : null,
                null,
                cardTip),
            cashTip ? new TenderDto(cash.id(), "CASH", 5840, null, null, null, 4160L) : cash),
        cashTip
            ? new TotalsDto(t.subtotal(), t.discounts(), t.tax(), t.total(), t.cashRounding(), 0)
            : t,
        offline,
        null);
  }

  private static TestCloud.Reply deliver(SaleRequest sale) {
    return cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
  }

  private static JsonNode report() {
    TestCloud.Reply r = cloud.send("GET", "/v1/shifts/" + shift + "/report", null, cashier);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long tipsOf(JsonNode report, String kind) {
    long sum = 0;
    for (JsonNode t : report.get("tips")) {
      if (t.get("employeeId").asText().equals(cloud.demo.cashierId().toString())) {
        sum += t.get(kind).asLong();
      }
    }
    return sum;
  }

  @Test
  void theTipRulesReachTheTillsInTheirConfiguration() {
    TestCloud.Reply r =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", terminal));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode tips = r.json().get("store").get("tips");
    assertThat(tips.get("enabled").asBoolean()).isTrue();
    assertThat(tips.get("presets").toString()).isEqualTo("[\"5\",\"10\",\"15\"]");
    assertThat(tips.get("maxPercent").asText()).isEqualTo("100");
  }

  @Test
  void aTipOnACardIsChargedWithTheSaleAndLeavesItsTotalsAndTaxAlone() {
    SaleRequest sale = sale(1000, false, false);

    TestCloud.Reply r = deliver(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode card = r.json().get("tenders").get(0);
    assertThat(card.get("status").asText()).isEqualTo("APPROVED");
    assertThat(card.get("amount").asLong()).isEqualTo(10000);
    assertThat(card.get("tip").asLong()).isEqualTo(1000);
    assertThat(r.json().get("totals").get("total").asLong()).isEqualTo(15840);
    assertThat(r.json().get("totals").get("tax").asLong()).isEqualTo(1664);
    assertThat(PROCESSOR.calls("AUTHORISE", sale.tenders().get(0).id()))
        .singleElement()
        .satisfies(c -> assertThat(c.amount().minor()).isEqualTo(11000));
    String tipSums =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select tip_sums::text from sale where organisation_id = :o and id = :id")
                        .bind("o", cloud.demo.organisationId())
                        .bind("id", sale.id())
                        .mapTo(String.class)
                        .one());
    assertThat(tipSums).isEqualTo("{\"CARD\": 1000}");
  }

  @Test
  void theShiftReportShowsEachEmployeesTipsAndCountsCashTipsInTheDrawer() {
    JsonNode before = report();

    assertThat(deliver(sale(1584, false, false)).status()).isEqualTo(201);
    assertThat(deliver(sale(0, true, false)).status()).isEqualTo(201);

    JsonNode after = report();
    assertThat(tipsOf(after, "card") - tipsOf(before, "card")).isEqualTo(1584);
    assertThat(tipsOf(after, "cash") - tipsOf(before, "cash")).isEqualTo(4160);
    // The tips are not takings: two sales of 158.40, 100.00 of each by card.
    assertThat(after.get("salesTotal").asLong() - before.get("salesTotal").asLong())
        .isEqualTo(2 * 15840);
    assertThat(
            after.get("byTender").path("CARD").asLong()
                - before.get("byTender").path("CARD").asLong())
        .isEqualTo(2 * 10000);
    // Cash: 58.40 of the first sale (100.00 less 41.60 change), 58.40 of the second and its
    // 41.60 tip, which stayed in the drawer.
    assertThat(after.get("cashExpected").asLong() - before.get("cashExpected").asLong())
        .isEqualTo(5840 + 5840 + 4160);
  }

  @Test
  void tipsAreRefusedOnTendersThatCannotCarryThemAndWhenNegative() {
    SaleRequest sale = sale(0, false, false);
    TenderDto cash = sale.tenders().get(1);
    SaleRequest other =
        withTenders(
            sale,
            List.of(
                sale.tenders().get(0),
                new TenderDto(cash.id(), "OTHER", 5840, null, "V-1", null, 100L)),
            new TotalsDto(15840, 0, 1664, 15840, 0, 0));
    TestCloud.Reply r = deliver(other);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("/tenders/1/tip");

    SaleRequest negative = sale(-1, false, false);
    TestCloud.Reply n = deliver(negative);
    assertThat(n.status()).as(n.body()).isEqualTo(422);
    assertThat(n.body()).contains("/tenders/0/tip");
  }

  @Test
  void aTipAboveTheStoresMaximumIsRefusedNamingItsTender() {
    // 100.01 on a card paying 100.00: above the 100 % maximum.
    SaleRequest sale = sale(10001, false, false);

    TestCloud.Reply r = deliver(sale);

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("type").asText()).endsWith("tip-refused");
    assertThat(r.body()).contains("/tenders/0/tip");
    assertThat(PROCESSOR.calls("AUTHORISE", sale.tenders().get(0).id())).isEmpty();
  }

  @Test
  void aTipWhileTipsAreOffIsRefusedOnlineAndAuditedOffline() {
    tips(false, List.of(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("15")), "100");
    try {
      TestCloud.Reply online = deliver(sale(500, false, false));
      assertThat(online.status()).as(online.body()).isEqualTo(422);
      assertThat(online.body()).contains("/tenders/0/tip");

      long audited = cloud.audited("TIP_OUTSIDE_RULES");
      SaleRequest offline = sale(500, false, true);
      TestCloud.Reply r = deliver(offline);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(cloud.audited("TIP_OUTSIDE_RULES")).isEqualTo(audited + 1);
      // An offline card is charged its tip too when its sale is delivered.
      assertThat(PROCESSOR.calls("AUTHORISE", offline.tenders().get(0).id()))
          .singleElement()
          .satisfies(c -> assertThat(c.amount().minor()).isEqualTo(10500));
    } finally {
      tips(true, List.of(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("15")), "100");
    }
  }

  @Test
  void aPostVoidGivesTheWholeChargeBackTipIncluded() {
    SaleRequest sale = sale(1500, false, false);
    assertThat(deliver(sale).status()).isEqualTo(201);

    TestCloud.Reply r =
        cloud.post(
            manager, "/v1/sales/" + sale.id() + "/void", null, "{\"reason\":\"rang up twice\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(PROCESSOR.calls("REVERSE", sale.tenders().get(0).id()))
        .singleElement()
        .satisfies(c -> assertThat(c.amount().minor()).isEqualTo(11500));
  }

  @Test
  void aRefundOfItemsPaysBackTheItemsAndKeepsTheTip() {
    SaleRequest sale = sale(1000, false, false);
    assertThat(deliver(sale).status()).isEqualTo(201);
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\""
            + id
            + "\",\"saleId\":\""
            + sale.id()
            + "\",\"receiptNumber\":\""
            + Sales.receipt(7000 + sequence++)
            + "\",\"lines\":[{\"saleLine\":1,\"quantity\":\"2\"},{\"saleLine\":2,\"quantity\":\"1\"}],"
            + "\"method\":\"ORIGINAL_TENDERS\",\"reason\":\"wrong order\",\"at\":\""
            + Instant.now()
            + "\"}";

    TestCloud.Reply r = cloud.post(manager, "/v1/refunds", id.toString(), body);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    // Everything bought comes back: 100.00 to the card (what it paid for the goods), 58.40 in
    // cash; the 10.00 tip stays with the staff.
    assertThat(PROCESSOR.calls("REFUND", sale.tenders().get(0).id()))
        .singleElement()
        .satisfies(c -> assertThat(c.amount().minor()).isEqualTo(10000));
  }

  @Test
  void theStoresTipRulesAreCheckedWholeBeforeTheyAreWritten() {
    assertThatThrownBy(
            () ->
                cloud
                    .services
                    .admin()
                    .stores()
                    .setTips(
                        cloud.demo.organisationId(),
                        cloud.demo.storeId(),
                        null,
                        List.of(new BigDecimal("20")),
                        new BigDecimal("15")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getMessage()).contains("at most the largest tip"));
  }

  private static SaleRequest withTenders(SaleRequest r, List<TenderDto> tenders, TotalsDto t) {
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        r.lines(),
        r.orderDiscount(),
        tenders,
        t,
        r.offline(),
        null);
  }
}
