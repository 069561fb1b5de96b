package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.ReceiptTokens;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer's receipt by its token (ADR 0041), against the real service and PostgreSQL: the
 * token a till sends is stored with the sale and opens the receipt as printed, with its refunds, in
 * the store's language, as JSON and as a PDF; unknown tokens are one answer, malformed ones
 * another.
 */
class ReceiptPagesApiTest {

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

  /** Bread and aspirin paid on the bank's own terminal with card …4417, carrying {@code token}. */
  private static SaleRequest sale(String token) {
    UUID id = UUID.randomUUID();
    return new SaleRequest(
        id,
        Sales.receipt(sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(
            new SaleLineDto(1, "bread", "2", 3100, null, null, false, 6200),
            new SaleLineDto(2, "aspirin", "1", 9640, null, null, false, 9640)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "EXTERNAL_CARD", 15840, null, "123ABC", "4417")),
        new TotalsDto(15840, 0, 1664, 15840, 0, 0),
        false,
        null,
        token);
  }

  private static TestCloud.Reply submit(SaleRequest sale) {
    return cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
  }

  private static String storedToken(UUID sale) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select receipt_token from sale where id = :id")
                    .bind("id", sale)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void theTokenIsStoredWithTheSaleAndOpensTheReceiptAsPrinted() {
    String token = ReceiptTokens.next();
    SaleRequest sale = sale(token);
    TestCloud.Reply recorded = submit(sale);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(storedToken(sale.id())).isEqualTo(token);

    TestCloud.Reply r = cloud.send("GET", "/v1/receipts/" + token, null, Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode receipt = r.json();
    assertThat(receipt.get("receiptNumber").asText()).isEqualTo(sale.receiptNumber());
    assertThat(receipt.get("locale").asText()).isEqualTo("uk-UA");
    assertThat(receipt.get("store").get("name").asText()).isEqualTo("Маркет «Колосок»");
    assertThat(receipt.get("store").get("header").toString())
        .contains("ТОВ «Колосок-Маркет»", "43151207");
    assertThat(receipt.get("lines")).hasSize(2);
    assertThat(receipt.get("lines").get(0).get("name").asText()).isEqualTo("Хліб житній");
    assertThat(receipt.get("lines").get(0).get("amount").asLong()).isEqualTo(6200);
    assertThat(receipt.get("totals").get("total").asLong()).isEqualTo(15840);
    assertThat(receipt.get("totals").get("tax").asLong()).isEqualTo(1664);
    assertThat(receipt.get("taxes")).hasSize(2);
    assertThat(receipt.get("payments").get(0).get("card").asText()).isEqualTo("**** 4417");
    assertThat(r.body()).doesNotContain(cloud.demo.cashierId().toString());
    // The receipt as the till prints it, in the store's language, its page's address under it.
    String printed = receipt.get("printed").toString();
    assertThat(printed).contains("СУМА", "158,40", "**** 4417", sale.receiptNumber());
    assertThat(r.body()).doesNotContain("https://r.kasa.example/r/" + sale.receiptNumber());
    assertThat(printed).contains("https://r.kasa.example/r/" + token);
    assertThat(receipt.get("refunds")).isEmpty();

    TestCloud.Reply page = cloud.send("GET", "/r/" + token, null, Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("<html lang=\"uk\"", "Маркет «Колосок»", "ТОВ «Колосок-Маркет»", "43151207")
        .contains("Хліб житній", "Аспірин", "158,40", "**** 4417", sale.receiptNumber())
        .contains("Податки", "20 %", "Картка (термінал банку)", token + ".pdf")
        .doesNotContain("<script", "style=", "<style");
  }

  @Test
  void thePageIsStrictAndPrivate() {
    String token = ReceiptTokens.next();
    assertThat(submit(sale(token)).status()).isEqualTo(201);
    HttpResponse<String> page = get("/r/" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().map()).doesNotContainKey("set-cookie");
    // Its stylesheet is the back office's, served from the jar.
    String css = page.body().replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1");
    assertThat(get(css).statusCode()).isEqualTo(200);
  }

  @Test
  void aReceiptNotThereYetHasAFriendlyPage() {
    HttpResponse<String> unknown = get("/r/" + ReceiptTokens.next(), "en-GB");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("This receipt is not available yet", "<html lang=\"en\"");
    HttpResponse<String> inUkrainian = get("/r/" + ReceiptTokens.next(), "uk");
    assertThat(inUkrainian.body()).contains("Цей чек ще недоступний");
    HttpResponse<String> malformed = get("/r/K1-T1-000001", "en");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("This is not a receipt");
  }

  /** A GET over real HTTP. */
  private static HttpResponse<String> get(String path, String... language) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(cloud.uri(path));
      if (language.length > 0) {
        b.header("Accept-Language", language[0]);
      }
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void aRefundShowsOnTheSalesReceiptOnceMade() throws Exception {
    String token = ReceiptTokens.next();
    SaleRequest sale = sale(token);
    assertThat(submit(sale).status()).isEqualTo(201);
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            sale.id(),
            Sales.receipt(9000 + sequence++),
            List.of(new RefundLineDto(1, "1")),
            "CASH",
            "Не підійшло",
            Instant.now(),
            null,
            null);
    TestCloud.Reply refunded =
        cloud.post(
            manager,
            "/v1/refunds",
            refund.id().toString(),
            TestCloud.JSON.writeValueAsString(refund));
    assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);

    JsonNode receipt = cloud.send("GET", "/v1/receipts/" + token, null, Map.of()).json();
    assertThat(receipt.get("state").asText()).isEqualTo("PARTLY_REFUNDED");
    assertThat(receipt.get("refunds")).hasSize(1);
    JsonNode shown = receipt.get("refunds").get(0);
    assertThat(shown.get("receiptNumber").asText()).isEqualTo(refund.receiptNumber());
    assertThat(shown.get("total").asLong()).isEqualTo(3100);
    assertThat(shown.get("lines").get(0).get("name").asText()).isEqualTo("Хліб житній");
    assertThat(cloud.send("GET", "/r/" + token, null, Map.of()).body())
        .contains("Повернення", refund.receiptNumber(), "31,00");
  }

  @Test
  void aPostVoidShowsOnTheReceiptOnceMade() {
    // A sale is voided within its open shift: one opened before the sale was paid.
    UUID shift = UUID.randomUUID();
    String open =
        "{\"id\":\""
            + shift
            + "\",\"openingFloat\":0,\"at\":\""
            + Instant.now().minusSeconds(90)
            + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    String token = ReceiptTokens.next();
    SaleRequest sale = sale(token);
    assertThat(submit(sale).status()).isEqualTo(201);
    TestCloud.Reply voided =
        cloud.post(manager, "/v1/sales/" + sale.id() + "/void", null, "{\"reason\":\"twice\"}");
    assertThat(voided.status()).as(voided.body()).isEqualTo(200);
    JsonNode receipt = cloud.send("GET", "/v1/receipts/" + token, null, Map.of()).json();
    assertThat(receipt.get("state").asText()).isEqualTo("VOIDED");
    assertThat(receipt.get("voidedAt").isNull()).isFalse();
    assertThat(cloud.send("GET", "/r/" + token, null, Map.of()).body())
        .contains("Магазин скасував цей продаж");
    String close = "{\"counted\":0,\"blind\":false,\"at\":\"" + Instant.now() + "\"}";
    assertThat(cloud.post(manager, "/v1/shifts/" + shift + "/close", null, close).status())
        .isEqualTo(200);
  }

  @Test
  void theReceiptIsInTheStoresLanguage() {
    String token = ReceiptTokens.next();
    assertThat(submit(sale(token)).status()).isEqualTo(201);
    cloud
        .services
        .admin()
        .configureStore(cloud.demo.organisationId(), cloud.demo.storeId(), "en-GB", null, null);
    try {
      JsonNode receipt = cloud.send("GET", "/v1/receipts/" + token, null, Map.of()).json();
      assertThat(receipt.get("locale").asText()).isEqualTo("en-GB");
      assertThat(receipt.get("printed").toString()).contains("TOTAL").doesNotContain("СУМА");
      // The page speaks the store's language, whatever the browser's.
      HttpResponse<String> page = get("/r/" + token, "uk");
      assertThat(page.body())
          .contains("<html lang=\"en\"", "Taxes", "Card (bank terminal)", "Download PDF");
    } finally {
      cloud
          .services
          .admin()
          .configureStore(cloud.demo.organisationId(), cloud.demo.storeId(), "uk-UA", null, null);
    }
  }

  @Test
  void unknownTokensAreOneAnswerAndMalformedOnesAreBadRequests() {
    TestCloud.Reply one = cloud.send("GET", "/v1/receipts/" + ReceiptTokens.next(), null, Map.of());
    TestCloud.Reply other =
        cloud.send("GET", "/v1/receipts/" + ReceiptTokens.next(), null, Map.of());
    assertThat(one.status()).isEqualTo(404);
    assertThat(one.contentType()).startsWith("application/problem+json");
    assertThat(other.body()).isEqualTo(one.body());
    // A sale's receipt number is no key to its receipt.
    SaleRequest sale = sale(ReceiptTokens.next());
    assertThat(submit(sale).status()).isEqualTo(201);
    TestCloud.Reply byNumber =
        cloud.send("GET", "/v1/receipts/" + sale.receiptNumber(), null, Map.of());
    assertThat(byNumber.status()).isEqualTo(400);
    TestCloud.Reply malformed = cloud.send("GET", "/v1/receipts/short", null, Map.of());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aSaleFromATillOlderThanTokensIsRecordedWithoutOneAndATakenTokenIsRefused() {
    SaleRequest old = sale(null);
    assertThat(submit(old).status()).isEqualTo(201);
    assertThat(storedToken(old.id())).isNull();

    String token = ReceiptTokens.next();
    assertThat(submit(sale(token)).status()).isEqualTo(201);
    TestCloud.Reply again = submit(sale(token));
    assertThat(again.status()).as(again.body()).isEqualTo(409);

    SaleRequest bad = sale("not a token!");
    TestCloud.Reply refused = submit(bad);
    assertThat(refused.status()).isIn(400, 422);
    assertThat(refused.body()).contains("receiptToken");
  }

  @Test
  void theReturnsLookUpFindsTheSaleByItsToken() {
    String token = ReceiptTokens.next();
    SaleRequest sale = sale(token);
    assertThat(submit(sale).status()).isEqualTo(201);
    TestCloud.Reply found = cloud.send("GET", "/v1/sales?token=" + token, null, cashier);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.json().get("id").asText()).isEqualTo(sale.id().toString());
    assertThat(cloud.send("GET", "/v1/sales?token=" + token, null, Map.of()).status())
        .isEqualTo(401);
    assertThat(cloud.send("GET", "/v1/sales", null, cashier).status()).isEqualTo(400);
  }

  @Test
  void thePdfIsTheReceiptAsPrinted() throws Exception {
    String token = ReceiptTokens.next();
    SaleRequest sale = sale(token);
    assertThat(submit(sale).status()).isEqualTo(201);
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(cloud.uri("/r/" + token + ".pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Хліб житній", "СУМА", sale.receiptNumber());
      assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
    }
    HttpResponse<String> none =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(cloud.uri("/r/" + ReceiptTokens.next() + ".pdf")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(404);
  }
}
