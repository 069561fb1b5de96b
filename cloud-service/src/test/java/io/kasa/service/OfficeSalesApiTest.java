package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.admin.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's sales journal through its documented routes (issue 22): newest first, every
 * filter, keyset paging that neither skips nor repeats, a sale's receipt with its refund and
 * post-void and its PDF, and scoping — another organisation's sale, store, till or employee and a
 * store outside the account's are not found; a filter that does not read is a 400 naming it.
 */
class OfficeSalesApiTest {

  private static TestCloud cloud;
  private static Map<String, String> owner;
  private static final List<SaleRequest> SOLD = new ArrayList<>();
  private static String token;
  private static DemoData.Seeded other;
  private static UUID otherSale;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    JournalSeed seeded = JournalSeed.seed(cloud, 5, 0, 0, 1);
    SOLD.addAll(seeded.sold());
    token = seeded.token();
    owner =
        cloud.officeBearer(cloud.officeAccount(cloud.demo.organisationId(), "owner", List.of()));

    other = DemoData.seed(cloud.services.admin());
    String terminalB =
        "Bearer "
            + cloud
                .send(
                    "POST",
                    "/v1/terminals/enroll",
                    "{\"code\":\"" + other.terminal().enrollmentCode() + "\"}",
                    Map.of())
                .json()
                .get("credential")
                .asText();
    Map<String, String> cashierB = cloud.signedIn(terminalB, other.cashierId(), "1111");
    SaleRequest b = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
    assertThat(cloud.post(cashierB, "/v1/sales", b.id().toString(), Sales.json(b)).status())
        .isEqualTo(201);
    otherSale = b.id();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply get(String path, Map<String, String> who) {
    return cloud.send("GET", path, null, who);
  }

  private static List<String> receipts(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("sales").forEach(s -> out.add(s.get("receiptNumber").asText()));
    return out;
  }

  private static List<String> newestFirst() {
    List<String> out = new ArrayList<>();
    for (int i = SOLD.size() - 1; i >= 0; i--) {
      out.add(SOLD.get(i).receiptNumber());
    }
    return out;
  }

  @Test
  void theJournalIsNewestFirstAndTheCursorPagesWithoutSkipsOrRepeats() {
    TestCloud.Reply all = get("/v1/office/sales", owner);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(receipts(all.json())).isEqualTo(newestFirst());
    assertThat(all.json().get("next").isNull()).isTrue();
    JsonNode first = all.json().get("sales").get(4);
    assertThat(first.get("id").asText()).isEqualTo(SOLD.get(0).id().toString());
    assertThat(first.get("state").asText()).isEqualTo("PARTLY_REFUNDED");
    assertThat(first.get("refunded").asLong()).isPositive();
    assertThat(first.get("total").asLong()).isEqualTo(15840);
    assertThat(first.get("store").get("name").asText()).isEqualTo("Маркет «Колосок»");
    assertThat(first.get("employee").get("id").asText())
        .isEqualTo(cloud.demo.cashierId().toString());
    assertThat(all.json().get("sales").get(3).get("state").asText()).isEqualTo("VOIDED");

    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      TestCloud.Reply r =
          get("/v1/office/sales?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), owner);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("sales").size()).isLessThanOrEqualTo(2);
      paged.addAll(receipts(r.json()));
      cursor = r.json().get("next").isNull() ? null : r.json().get("next").asText();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(paged).isEqualTo(newestFirst());
  }

  @Test
  void everyFilterNarrowsTheJournal() {
    String oneReceipt = "K1-T1-1";
    TestCloud.Reply byNumber = get("/v1/office/sales?receipt=" + oneReceipt, owner);
    assertThat(byNumber.status()).as(byNumber.body()).isEqualTo(200);
    assertThat(receipts(byNumber.json())).containsExactly(SOLD.get(0).receiptNumber());
    assertThat(receipts(get("/v1/office/sales?receipt=K1-T9-1", owner).json())).isEmpty();

    String store = cloud.demo.storeId().toString();
    String terminal = cloud.demo.terminal().terminalId().toString();
    assertThat(receipts(get("/v1/office/sales?store=" + store, owner).json()))
        .isEqualTo(newestFirst());
    assertThat(receipts(get("/v1/office/sales?terminal=" + terminal, owner).json()))
        .isEqualTo(newestFirst());
    assertThat(receipts(get("/v1/office/sales?employee=" + cloud.demo.cashierId(), owner).json()))
        .isEqualTo(newestFirst());
    assertThat(receipts(get("/v1/office/sales?employee=" + cloud.demo.managerId(), owner).json()))
        .isEmpty();
    assertThat(receipts(get("/v1/office/sales?min=15840&max=15840", owner).json()))
        .isEqualTo(newestFirst());
    assertThat(receipts(get("/v1/office/sales?min=15841", owner).json())).isEmpty();
    assertThat(receipts(get("/v1/office/sales?max=15839", owner).json())).isEmpty();
    LocalDate today = LocalDate.now(ZoneId.systemDefault());
    assertThat(
            receipts(
                get(
                        "/v1/office/sales?from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                        owner)
                    .json()))
        .isEqualTo(newestFirst());
    assertThat(receipts(get("/v1/office/sales?from=" + today.plusDays(2), owner).json())).isEmpty();
    assertThat(receipts(get("/v1/office/sales?to=" + today.minusDays(2), owner).json())).isEmpty();
    // Filters combine.
    assertThat(
            receipts(
                get("/v1/office/sales?receipt=K1-T1-000002&store=" + store + "&min=1", owner)
                    .json()))
        .containsExactly(SOLD.get(1).receiptNumber());
  }

  @Test
  void aFilterThatDoesNotReadIsA400NamingIt() {
    Map<String, String> cases =
        Map.of(
            "from=2026-13-45", "from",
            "to=yesterday", "to",
            "min=abc", "min",
            "max=-5", "max",
            "store=nope", "store",
            "receipt=12345", "receipt",
            "cursor=bm90LWEtY3Vyc29y", "cursor",
            "cursor=$$$", "cursor",
            "limit=0", "limit",
            "limit=201", "limit");
    cases.forEach(
        (query, name) -> {
          TestCloud.Reply r = get("/v1/office/sales?" + query, owner);
          assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(400);
          assertThat(r.contentType()).startsWith("application/problem+json");
          assertThat(r.json().get("detail").asText()).as(query).contains(name);
        });
  }

  @Test
  void aSaleIsItsReceiptAsPrintedWithItsRefundPostVoidAndPdf() {
    SaleRequest refunded = SOLD.get(0);
    TestCloud.Reply r = get("/v1/office/sales/" + refunded.id(), owner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode sale = r.json();
    assertThat(sale.get("sale").get("receiptNumber").asText()).isEqualTo(refunded.receiptNumber());
    assertThat(sale.get("receipt").get("store").get("header").toString())
        .contains("ТОВ «Колосок-Маркет»", "43151207");
    assertThat(sale.get("receipt").get("taxes")).hasSize(2);
    assertThat(sale.get("receipt").get("payments").get(0).get("card").asText())
        .isEqualTo("**** 4417");
    assertThat(sale.get("receipt").get("refunds")).hasSize(1);
    assertThat(sale.get("receipt").get("refunds").get(0).get("receiptNumber").asText())
        .isEqualTo(Sales.receipt(100));
    assertThat(sale.get("customerPage").asText()).isEqualTo("/r/" + token);
    assertThat(sale.get("pdf").asText()).isEqualTo("/v1/office/sales/" + refunded.id() + "/pdf");

    TestCloud.Reply pdf = get(sale.get("pdf").asText(), owner);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF");

    JsonNode voided = get("/v1/office/sales/" + SOLD.get(1).id(), owner).json();
    assertThat(voided.get("sale").get("state").asText()).isEqualTo("VOIDED");
    assertThat(voided.get("receipt").get("voidedAt").isNull()).isFalse();
    assertThat(voided.get("customerPage").isNull()).isTrue();
  }

  @Test
  void onlyTheAccountsOrganisationAndStoresAndOnlySignedIn() {
    assertThat(get("/v1/office/sales", Map.of()).status()).isEqualTo(401);
    TestCloud.Reply unsigned = get("/v1/office/sales/" + SOLD.get(0).id(), Map.of());
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.contentType()).startsWith("application/problem+json");
    assertThat(get("/v1/office/sales/" + SOLD.get(0).id() + "/pdf", Map.of()).status())
        .isEqualTo(401);
    assertThat(get("/v1/office/sales", Map.of("Authorization", "Bearer not-a-session")).status())
        .isEqualTo(401);

    // Another organisation's sale, store, till and cashier are not found.
    assertThat(get("/v1/office/sales/" + otherSale, owner).status()).isEqualTo(404);
    assertThat(get("/v1/office/sales/" + otherSale + "/pdf", owner).status()).isEqualTo(404);
    for (String q :
        List.of(
            "store=" + other.storeId(),
            "terminal=" + other.terminal().terminalId(),
            "employee=" + other.cashierId())) {
      TestCloud.Reply r = get("/v1/office/sales?" + q, owner);
      assertThat(r.status()).as(q).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(get("/v1/office/sales/" + UUID.randomUUID(), owner).status()).isEqualTo(404);
    assertThat(get("/v1/office/sales/not-an-id", owner).status()).isEqualTo(404);
    // And the other organisation's accountant sees its own sale only.
    Map<String, String> accountantB =
        cloud.officeBearer(cloud.officeAccount(other.organisationId(), "accountant", List.of()));
    assertThat(get("/v1/office/sales/" + otherSale, accountantB).status()).isEqualTo(200);
    assertThat(get("/v1/office/sales/" + SOLD.get(0).id(), accountantB).status()).isEqualTo(404);
    assertThat(receipts(get("/v1/office/sales", accountantB).json())).hasSize(1);

    // An account of another store of the organisation sees none of the demo store's sales.
    UUID elsewhere =
        cloud
            .services
            .admin()
            .createStore(
                cloud.demo.organisationId(),
                "K9",
                "Інший магазин",
                "UAH",
                "INCLUSIVE",
                "PER_LINE",
                1,
                BigDecimal.ZERO);
    Map<String, String> scoped =
        cloud.officeBearer(
            cloud.officeAccount(cloud.demo.organisationId(), "manager", List.of(elsewhere)));
    TestCloud.Reply mine = get("/v1/office/sales", scoped);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().get("sales")).isEmpty();
    assertThat(get("/v1/office/sales/" + SOLD.get(0).id(), scoped).status()).isEqualTo(404);
    assertThat(get("/v1/office/sales/" + SOLD.get(0).id() + "/pdf", scoped).status())
        .isEqualTo(404);
    assertThat(get("/v1/office/sales?store=" + cloud.demo.storeId(), scoped).status())
        .isEqualTo(404);
    assertThat(get("/v1/office/sales?store=" + elsewhere, scoped).status()).isEqualTo(200);
  }

  @Test
  void thePagesAndThePdfAskASignedInAccount() {
    for (String path :
        List.of(
            "/office/sales",
            "/office/sales/" + SOLD.get(0).id(),
            "/office/sales/" + SOLD.get(0).id() + "/pdf")) {
      TestCloud.Reply r = get(path, Map.of());
      assertThat(r.status()).as(path).isEqualTo(303);
      assertThat(r.contentType()).as(path).doesNotStartWith("application/pdf");
    }
  }
}
