package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sales against the real service and PostgreSQL. */
class SalesApiTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply submit(SaleRequest r) {
    Map<String, String> headers = new java.util.HashMap<>(cashier);
    headers.put("Idempotency-Key", r.id().toString());
    return cloud.send("POST", "/v1/sales", Sales.json(r), headers);
  }

  private static synchronized long next() {
    return sequence++;
  }

  @Test
  void aSaleIsRecomputedRecordedAndReturnedOnce() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    long stockBefore = stock("bread");
    TestCloud.Reply first = submit(sale);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("totals").get("tax").asLong()).isEqualTo(1664);
    assertThat(first.json().get("tenders").get(0).get("status").asText()).isEqualTo("APPROVED");
    assertThat(stock("bread")).isEqualTo(stockBefore - 2);

    TestCloud.Reply again = submit(sale);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());

    TestCloud.Reply byId = cloud.send("GET", "/v1/sales/" + sale.id(), null, cashier);
    assertThat(byId.body()).isEqualTo(first.body());
    TestCloud.Reply byReceipt =
        cloud.send("GET", "/v1/sales?receipt=" + sale.receiptNumber(), null, cashier);
    assertThat(byReceipt.body()).isEqualTo(first.body());
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflict() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    assertThat(submit(sale).status()).isEqualTo(201);
    SaleRequest changed =
        new SaleRequest(
            sale.id(),
            sale.receiptNumber(),
            sale.currency(),
            sale.openedAt(),
            sale.paidAt(),
            sale.lines(),
            sale.orderDiscount(),
            sale.tenders(),
            sale.totals(),
            true,
            null);
    TestCloud.Reply reply = submit(changed);
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aRepeatGetsItsFirstAnswerEvenAfterTheCatalogueChanged() {
    Sales.priceSetAnHourAgo(cloud, "bread");
    SaleRequest sale = Sales.openedNow(UUID.randomUUID(), next());
    TestCloud.Reply first = submit(sale);
    assertThat(first.status()).isEqualTo(201);
    cloud.execute("update item set price = 3200 where id = 'bread'");
    try {
      // A new sale at bread's old price is refused now; this one is recorded, so the terminal's
      // retry gets the answer it missed.
      assertThat(submit(Sales.openedNow(UUID.randomUUID(), next())).status()).isEqualTo(422);
      TestCloud.Reply again = submit(sale);
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json()).isEqualTo(first.json());
      SaleRequest other =
          withLine(sale, new SaleLineDto(1, "bread", "2", 3000, null, null, false, 6000));
      assertThat(submit(other).status()).isEqualTo(409);
    } finally {
      cloud.execute("update item set price = 3100 where id = 'bread'");
    }
  }

  @Test
  void disagreeingTotalsAreRefusedNamingTheLineAndNothingIsWritten() {
    SaleRequest good = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    List<SaleLineDto> lines = new ArrayList<>(good.lines());
    lines.set(1, new SaleLineDto(2, "aspirin", "1", 9640, null, null, false, 9600));
    SaleRequest bad =
        new SaleRequest(
            good.id(),
            good.receiptNumber(),
            "UAH",
            good.openedAt(),
            good.paidAt(),
            lines,
            null,
            good.tenders(),
            good.totals(),
            false,
            null);
    long sales = cloud.count("sale");
    TestCloud.Reply reply = submit(bad);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("errors").get(0).get("pointer").asText())
        .isEqualTo("/lines/1/amount");
    assertThat(reply.json().get("detail").asText()).contains("Line 2");
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  @Test
  void unknownItemsAndCatalogPriceChangesAreRefused() {
    // Bread's price was last set an hour ago and the sale opened now: a price other than the
    // catalogue's is refused. (A sale opened before a price change, or within the clock skew
    // after it, keeps the price it started with; the fixture's fixed date cannot say which.)
    Sales.priceSetAnHourAgo(cloud, "bread");
    SaleRequest good = Sales.openedNow(UUID.randomUUID(), next());
    SaleRequest unknown =
        withLine(good, new SaleLineDto(1, "caviar", "2", 3100, null, null, false, 6200));
    assertThat(submit(unknown).json().get("errors").get(0).get("pointer").asText())
        .isEqualTo("/lines/0/itemId");
    SaleRequest cheaper =
        withLine(good, new SaleLineDto(1, "bread", "2", 3000, null, null, false, 6000));
    TestCloud.Reply reply = submit(cheaper);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("errors").get(0).get("pointer").asText())
        .isEqualTo("/lines/0/unitPrice");
  }

  @Test
  void offlineSalesKeepTheTerminalsPricesAndAreFlagged() {
    SaleRequest good = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    // The terminal still had the old bread price, 30.00: 60.00 + 96.40 = 156.40.
    SaleRequest offline =
        new SaleRequest(
            good.id(),
            good.receiptNumber(),
            "UAH",
            good.openedAt(),
            good.paidAt(),
            List.of(
                new SaleLineDto(1, "bread", "2", 3000, null, null, false, 6000),
                good.lines().get(1)),
            null,
            good.tenders(),
            new TotalsDto(15640, 0, 1631, 15640, 0, 4360),
            true,
            null);
    TestCloud.Reply reply = submit(offline);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().get("offline").asBoolean()).isTrue();
    // Its card, taken offline, is authorised now that the sale is delivered (ADR 0031).
    assertThat(reply.json().get("tenders").get(0).get("status").asText()).isEqualTo("APPROVED");
  }

  @Test
  void aVoidedLineIsKeptOnRecordAndAudited() {
    long voids = cloud.audited("LINE_VOIDED");
    UUID id = UUID.randomUUID();
    SaleRequest sale =
        new SaleRequest(
            id,
            Sales.receipt(next()),
            "UAH",
            Instant.now().minusSeconds(120),
            Instant.now().minusSeconds(60),
            List.of(
                new SaleLineDto(1, "bread", "2", 3100, null, null, true, 0),
                new SaleLineDto(2, "aspirin", "1", 9640, null, null, false, 9640)),
            null,
            List.of(new TenderDto(UUID.randomUUID(), "CASH", 10000, null, null)),
            new TotalsDto(9640, 0, 631, 9640, 0, 360),
            false,
            null);
    TestCloud.Reply reply = submit(sale);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(cloud.audited("LINE_VOIDED")).isEqualTo(voids + 1);
  }

  private static TestCloud.Reply authoriseCard(
      UUID tender, UUID sale, long amount, String token, Map<String, String> headers)
      throws Exception {
    return cloud.send(
        "POST",
        "/v1/card-authorisations",
        TestCloud.JSON.writeValueAsString(
            new io.kasa.api.sales.CardAuthorisationRequest(tender, sale, amount, token)),
        headers);
  }

  @Test
  void aCardAuthorisedWhileTheCustomerWaitsIsTheSameAuthorisationInTheSale() throws Exception {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    var card = sale.tenders().get(0);
    TestCloud.Reply approved = authoriseCard(card.id(), sale.id(), 10000, "tok_approve", cashier);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
    String code = approved.json().get("authorisation").asText();
    assertThat(code).matches("T\\d{6}");
    // Asked again (a retry), the same answer.
    assertThat(authoriseCard(card.id(), sale.id(), 10000, "tok_approve", cashier).body())
        .isEqualTo(approved.body());
    TestCloud.Reply recorded = submit(sale);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("tenders").get(0).get("authorisation").asText()).isEqualTo(code);

    TestCloud.Reply declined =
        authoriseCard(UUID.randomUUID(), UUID.randomUUID(), 500, "tok_decline", cashier);
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
    assertThat(declined.json().get("reason").asText()).isEqualTo("insufficient funds");
    TestCloud.Reply noAnswer =
        authoriseCard(UUID.randomUUID(), UUID.randomUUID(), 500, "tok_timeout", cashier);
    assertThat(noAnswer.status()).isEqualTo(504);
    assertThat(noAnswer.json().get("detail").asText()).contains("nothing was charged");
    TestCloud.Reply zero =
        authoriseCard(UUID.randomUUID(), UUID.randomUUID(), 0, "tok_approve", cashier);
    assertThat(zero.status()).isEqualTo(422);
    assertThat(zero.body()).contains("/amount");
    assertThat(
            authoriseCard(UUID.randomUUID(), UUID.randomUUID(), 500, "tok_approve", Map.of())
                .status())
        .isEqualTo(401);
  }

  @Test
  void declinedAndTimedOutCardsRecordNothing() {
    long sales = cloud.count("sale");
    TestCloud.Reply declined =
        submit(Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_decline"));
    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.json().get("detail").asText()).contains("insufficient funds");
    TestCloud.Reply timeout =
        submit(Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_timeout"));
    assertThat(timeout.status()).isEqualTo(504);
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  @Test
  void fiftyParallelSubmissionsOfOneKeyCreateExactlyOneSale() throws Exception {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    long sales = cloud.count("sale");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<TestCloud.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        replies.add(pool.submit(() -> submit(sale)));
      }
      int created = 0;
      String body = null;
      for (Future<TestCloud.Reply> f : replies) {
        TestCloud.Reply r = f.get();
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        created += r.status() == 201 ? 1 : 0;
        body = body == null ? r.body() : body;
        assertThat(r.body()).isEqualTo(body);
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(cloud.count("sale")).isEqualTo(sales + 1);
    long tenders =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from tender where sale_id = :id")
                        .bind("id", sale.id())
                        .mapTo(Long.class)
                        .one());
    assertThat(tenders).isEqualTo(2);
  }

  @Test
  void salesSubmittedTogetherAreEachRecordedWithOnlyTheirOwnRows() throws Exception {
    // Sales arriving together share one statement (group commit, ADR 0015). Two of them reuse one
    // tender id: whichever comes second is refused, alone, and the others are all recorded.
    List<SaleRequest> sales = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sales.add(Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve"));
    }
    SaleRequest first = sales.get(0);
    SaleRequest sameTenders =
        new SaleRequest(
            UUID.randomUUID(),
            Sales.receipt(next()),
            first.currency(),
            first.openedAt(),
            first.paidAt(),
            first.lines(),
            null,
            first.tenders(),
            first.totals(),
            false,
            null);
    sales.add(sameTenders);
    ExecutorService pool = Executors.newFixedThreadPool(sales.size());
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<TestCloud.Reply>> replies = new ArrayList<>();
      for (SaleRequest sale : sales) {
        replies.add(pool.submit(() -> submit(sale)));
      }
      for (Future<TestCloud.Reply> f : replies) {
        TestCloud.Reply r = f.get();
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        statuses.add(r.status());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses.subList(1, 40)).containsOnly(201);
    assertThat(List.of(statuses.get(0), statuses.get(40))).containsExactlyInAnyOrder(201, 409);
    for (int i = 0; i < sales.size(); i++) {
      UUID id = sales.get(i).id();
      boolean recorded = statuses.get(i) == 201;
      Map<String, Object> rows =
          cloud
              .database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select (select count(*) from sale where id = :id) as sales,"
                                  + " (select count(*) from sale_line where sale_id = :id) as lines,"
                                  + " (select count(*) from sale_tax where sale_id = :id) as taxes,"
                                  + " (select count(*) from tender where sale_id = :id) as tenders,"
                                  + " (select count(*) from stock_movement where sale_id = :id) as moves")
                          .bind("id", id)
                          .mapToMap()
                          .one());
      assertThat(rows)
          .as("sale %d", i)
          .containsExactlyInAnyOrderEntriesOf(
              recorded
                  ? Map.of("sales", 1L, "lines", 2L, "taxes", 2L, "tenders", 2L, "moves", 2L)
                  : Map.of("sales", 0L, "lines", 0L, "taxes", 0L, "tenders", 0L, "moves", 0L));
    }
  }

  @Test
  void timesOutsideTheCalendarAndNulCharactersAreRefusedAndNothingIsWritten() {
    SaleRequest good = Sales.breadAndAspirin(UUID.randomUUID(), next(), "tok_approve");
    String json = Sales.json(good);
    String opened = "\"openedAt\":\"" + good.openedAt() + "\"";
    String card = "\"cardToken\":\"tok_approve\"";
    String bread = "\"itemId\":\"bread\"";
    assertThat(json).contains(opened, card, bread);
    long sales = cloud.count("sale");
    for (String hostile :
        List.of(
            json.replace(opened, "\"openedAt\":\"+10000-01-01T00:00:00Z\""),
            json.replace(opened, "\"openedAt\":\"0000-01-01T00:00:00Z\""),
            json.replace(opened, "\"openedAt\":\"-0001-01-01T00:00:00Z\""),
            json.replace(card, card + ",\"reference\":\"a\\u0000b\""),
            json.replace(bread, "\"itemId\":\"bre\\u0000ad\""))) {
      Map<String, String> headers = new java.util.HashMap<>(cashier);
      headers.put("Idempotency-Key", good.id().toString());
      TestCloud.Reply reply = cloud.send("POST", "/v1/sales", hostile, headers);
      assertThat(reply.status()).as(hostile + " -> " + reply.body()).isBetween(400, 499);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  private static SaleRequest withLine(SaleRequest r, SaleLineDto first) {
    List<SaleLineDto> lines = new ArrayList<>(r.lines());
    lines.set(0, first);
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        lines,
        r.orderDiscount(),
        r.tenders(),
        r.totals(),
        r.offline(),
        r.approvalId());
  }

  private static long stock(String item) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select stock from item_stock where item_id = :id")
                    .bind("id", item)
                    .mapTo(java.math.BigDecimal.class)
                    .one())
        .longValue();
  }
}
