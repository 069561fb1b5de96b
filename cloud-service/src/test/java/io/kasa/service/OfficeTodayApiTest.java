package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.service.admin.AdminService;
import io.kasa.service.sales.TestPaymentProcessor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/office/today} (ADR 0042) over sales posted through the real sales API on a fixed
 * clock: today in the store's time zone (Kyiv, UTC+2 in March) against the same weekday a week
 * earlier up to the same time of day; refunds; the parts; scoping by the account's stores and the
 * chosen store; another organisation's sales never counted; an accountant reads; what tills say of
 * their unsent entries and when they fall silent.
 */
class OfficeTodayApiTest {

  /** Wednesday 10 March 2027, 14:00 in Kyiv. */
  private static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

  private static MutableClock clock;
  private static TestCloud cloud;
  private static String demoTill;
  private static Map<String, String> cashier;
  private static UUID kiosk;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    // Tills enrolled a week and a day back: sales before enrolment are refused.
    clock = new MutableClock(NOW.minus(Duration.ofDays(8)));
    cloud = new TestCloud(new TestPaymentProcessor(), clock);
    demoTill = cloud.enrollDemoTerminal();
    UUID org = cloud.demo.organisationId();
    AdminService admin = cloud.services.admin();
    // A second store of the organisation, with its own till.
    kiosk =
        admin.createStore(
            org, "K2", "Кіоск на вокзалі", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    AdminService.NewTerminal t = admin.createTerminal(org, kiosk, "T1", "Каса кіоску");
    TestCloud.Reply enrolled =
        cloud.send(
            "POST", "/v1/terminals/enroll", "{\"code\":\"" + t.enrollmentCode() + "\"}", Map.of());
    String kioskTill = "Bearer " + enrolled.json().get("credential").asText();
    clock.advance(Duration.ofDays(8));
    cashier = cloud.signedIn(demoTill, cloud.demo.cashierId(), "1111");
    Map<String, String> manager = cloud.signedIn(demoTill, cloud.demo.managerId(), "9999");

    // Today: 13:30 and 11:10 in Kyiv; yesterday; a week ago before 14:00 and after it.
    SaleRequest first = sell(cashier, "K1", "T1", Instant.parse("2027-03-10T11:30:00Z"));
    sell(cashier, "K1", "T1", Instant.parse("2027-03-10T09:10:00Z"));
    sell(cashier, "K1", "T1", Instant.parse("2027-03-09T12:00:00Z"));
    sell(cashier, "K1", "T1", Instant.parse("2027-03-03T10:00:00Z"));
    sell(cashier, "K1", "T1", Instant.parse("2027-03-03T13:00:00Z"));
    // Before local midnight (22:30 UTC is 00:30 in Kyiv on the 10th): today.
    sell(cashier, "K1", "T1", Instant.parse("2027-03-09T22:30:00Z"));

    // One bread of the first sale back in cash.
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            first.id(),
            new ReceiptNumber("K1", "T1", sequence++).toString(),
            List.of(new RefundLineDto(1, "1")),
            "CASH",
            "Не підійшло",
            NOW,
            null,
            null);
    Map<String, String> h = new HashMap<>(manager);
    h.put("Idempotency-Key", refund.id().toString());
    TestCloud.Reply r =
        cloud.send("POST", "/v1/refunds", TestCloud.JSON.writeValueAsString(refund), h);
    assertThat(r.status()).as(r.body()).isEqualTo(201);

    // The kiosk's one sale today.
    sell(
        cloud.signedIn(kioskTill, cloud.demo.cashierId(), "1111"),
        "K2",
        "T1",
        Instant.parse("2027-03-10T08:00:00Z"));

    // Another organisation's sale today, on its own till.
    UUID other = admin.createOrganisation("Інша мережа");
    UUID otherStore =
        admin.createStore(other, "X1", "Чужий", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    AdminService.NewTerminal otherTill = admin.createTerminal(other, otherStore, "T1", "Чужа");
    UUID employee =
        admin.createEmployee(other, "Чужий касир", io.kasa.service.auth.Role.CASHIER, "2468");
    cloud.execute(
        "insert into sale (organisation_id, id, store_id, terminal_id, employee_id, receipt_number,"
            + " currency, state, offline, opened_at, paid_at, subtotal, discounts, tax, total,"
            + " cash_rounding, change_given, request_hash, response, voided_lines, tender_sums,"
            + " tax_sums) values (?, ?, ?, ?, ?, 'X1-T1-000001', 'UAH', 'PAID', false, ?, ?, 99900,"
            + " 0, 0, 99900, 0, 0, '\\x00', '{}', 0, '{}', '[]')",
        other,
        UUID.randomUUID(),
        otherStore,
        otherTill.terminalId(),
        employee,
        java.time.OffsetDateTime.parse("2027-03-10T10:00:00Z"),
        java.time.OffsetDateTime.parse("2027-03-10T10:00:00Z"));
    otherStoreId = otherStore;
  }

  private static UUID otherStoreId;

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** 2 bread + 1 aspirin, 158.40, paid at {@code paid} by card and cash (change 41.60). */
  private static SaleRequest sell(
      Map<String, String> who, String store, String terminal, Instant paid) {
    long n = sequence++;
    SaleRequest b = Sales.breadAndAspirin(UUID.randomUUID(), terminal, n, "tok_approve");
    SaleRequest r =
        new SaleRequest(
            b.id(),
            new ReceiptNumber(store, terminal, n).toString(),
            b.currency(),
            paid.minusSeconds(60),
            paid,
            b.lines(),
            b.orderDiscount(),
            b.tenders(),
            b.totals(),
            b.offline(),
            b.approvalId());
    Map<String, String> h = new HashMap<>(who);
    h.put("Idempotency-Key", r.id().toString());
    TestCloud.Reply reply = cloud.send("POST", "/v1/sales", Sales.json(r), h);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return r;
  }

  private static Map<String, String> bearer(String role, List<UUID> stores) {
    return cloud.officeBearer(cloud.officeAccount(cloud.demo.organisationId(), role, stores));
  }

  private static JsonNode today(Map<String, String> who, String query) {
    TestCloud.Reply r = cloud.send("GET", "/v1/office/today" + query, null, who);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long share(JsonNode list, String id) {
    for (JsonNode s : list) {
      if (s.get("id").asText().equals(id)) {
        return s.get("amount").asLong();
      }
    }
    return -1;
  }

  @Test
  void theDemoStoresDayAgainstTheSameDayLastWeek() {
    JsonNode t = today(bearer("owner", List.of()), "?store=" + cloud.demo.storeId());
    assertThat(t.get("store").asText()).isEqualTo(cloud.demo.storeId().toString());
    assertThat(t.get("currency").asText()).isEqualTo("UAH");
    // Three sales since midnight in Kyiv; yesterday's and last week's are not today's.
    assertThat(t.get("sales").get("today").asLong()).isEqualTo(3 * 15840);
    assertThat(t.get("transactions").get("today").asLong()).isEqualTo(3);
    assertThat(t.get("averageTicket").get("today").asLong()).isEqualTo(15840);
    // Last Wednesday up to 14:00 in Kyiv: the 12:00 sale, not the 15:00 one.
    assertThat(t.get("sales").get("lastWeek").asLong()).isEqualTo(15840);
    assertThat(t.get("transactions").get("lastWeek").asLong()).isEqualTo(1);
    assertThat(t.get("sales").get("change").asInt()).isEqualTo(200);
    assertThat(t.get("refunds").get("today").asLong()).isEqualTo(3100);
    assertThat(t.get("refunds").get("lastWeek").asLong()).isZero();
    assertThat(t.get("refunds").get("change").isNull()).isTrue();

    // By local hour: 00:30, 11:10 and 13:30 today; last week's whole day, 12:00 and 15:00.
    JsonNode hours = t.get("byHour");
    assertThat(hours).hasSize(24);
    assertThat(hours.get(0).get("today").asLong()).isEqualTo(15840);
    assertThat(hours.get(11).get("today").asLong()).isEqualTo(15840);
    assertThat(hours.get(13).get("today").asLong()).isEqualTo(15840);
    assertThat(hours.get(12).get("lastWeek").asLong()).isEqualTo(15840);
    assertThat(hours.get(15).get("lastWeek").asLong()).isEqualTo(15840);
    assertThat(hours.get(14).get("today").asLong()).isZero();

    assertThat(share(t.get("byPayment"), "CARD")).isEqualTo(3 * 10000);
    assertThat(share(t.get("byPayment"), "CASH")).isEqualTo(3 * (10000 - 4160));
    assertThat(share(t.get("byEmployee"), cloud.demo.cashierId().toString())).isEqualTo(3 * 15840);
    assertThat(t.get("byEmployee").get(0).get("name").asText()).isNotBlank();
    assertThat(t.get("byTerminal")).hasSize(1);
    assertThat(t.get("byTerminal").get(0).get("name").asText()).startsWith("T1 · ");
    // Bread: 2 per sale; aspirin 1 per sale but more money.
    assertThat(t.get("topByQuantity").get(0).get("id").asText()).isEqualTo("bread");
    assertThat(t.get("topByQuantity").get(0).get("quantity").asText()).isEqualTo("6");
    assertThat(t.get("topByAmount").get(0).get("id").asText()).isEqualTo("aspirin");
    assertThat(t.get("topByAmount").get(0).get("amount").asLong()).isEqualTo(3 * 9640);
  }

  @Test
  void allStoresAddUpAndAnotherOrganisationsSalesNeverCount() {
    JsonNode t = today(bearer("owner", List.of()), "");
    assertThat(t.get("store").isNull()).isTrue();
    assertThat(t.get("stores")).hasSize(2);
    assertThat(t.get("sales").get("today").asLong()).isEqualTo(4 * 15840);
    assertThat(share(t.get("byStore"), kiosk.toString())).isEqualTo(15840);
    assertThat(share(t.get("byStore"), cloud.demo.storeId().toString())).isEqualTo(3 * 15840);
    assertThat(t.get("byTerminal")).hasSize(2);
    assertThat(t.toString()).doesNotContain("Чужий", "99900");
    // Another organisation's store is not found, nor is a store of ours out of scope.
    TestCloud.Reply other =
        cloud.send(
            "GET", "/v1/office/today?store=" + otherStoreId, null, bearer("owner", List.of()));
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anAccountSeesOnlyItsStores() {
    Map<String, String> kioskOnly = bearer("manager", List.of(kiosk));
    JsonNode t = today(kioskOnly, "");
    assertThat(t.get("stores")).hasSize(1);
    assertThat(t.get("sales").get("today").asLong()).isEqualTo(15840);
    assertThat(t.get("tills")).hasSize(1);
    TestCloud.Reply hidden =
        cloud.send("GET", "/v1/office/today?store=" + cloud.demo.storeId(), null, kioskOnly);
    assertThat(hidden.status()).isEqualTo(404);
  }

  @Test
  void anAccountantReadsAndStrangersDoNot() {
    assertThat(today(bearer("accountant", List.of()), "").get("transactions").get("today").asLong())
        .isEqualTo(4);
    TestCloud.Reply none = cloud.send("GET", "/v1/office/today", null, Map.of());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    TestCloud.Reply wrong =
        cloud.send(
            "GET", "/v1/office/today", null, Map.of("Authorization", "Bearer not-a-session"));
    assertThat(wrong.status()).isEqualTo(401);
    TestCloud.Reply bad =
        cloud.send("GET", "/v1/office/today?store=not-a-uuid", null, bearer("owner", List.of()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
  }

  @Test
  void tillsSayWhatTheyHaveNotSentAndFallSilent() {
    Map<String, String> owner = bearer("owner", List.of());
    // The demo till says it holds 3 entries unsent (on any request with its credential).
    TestCloud.Reply config =
        cloud.send(
            "GET",
            "/v1/terminal/config",
            null,
            Map.of("Authorization", demoTill, "Kasa-Unsent", "3"));
    assertThat(config.status()).isEqualTo(200);
    JsonNode till = till(today(owner, "?store=" + cloud.demo.storeId()));
    assertThat(till.get("unsent").asInt()).isEqualTo(3);
    assertThat(till.get("behind").asBoolean()).isTrue();
    assertThat(till.get("silent").asBoolean()).isFalse();
    assertThat(Instant.parse(till.get("lastContact").asText())).isEqualTo(clock.instant());

    cloud.send(
        "GET", "/v1/terminal/config", null, Map.of("Authorization", demoTill, "Kasa-Unsent", "0"));
    JsonNode caughtUp = today(owner, "?store=" + cloud.demo.storeId());
    assertThat(till(caughtUp).get("behind").asBoolean()).isFalse();
    assertThat(caughtUp.get("incomplete").asBoolean()).isFalse();

    // Eleven minutes without a word: silent, and the figures may be missing sales.
    clock.advance(Duration.ofMinutes(11));
    try {
      JsonNode later = today(owner, "?store=" + cloud.demo.storeId());
      assertThat(till(later).get("silent").asBoolean()).isTrue();
      assertThat(later.get("incomplete").asBoolean()).isTrue();
    } finally {
      cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", demoTill));
    }
  }

  private static JsonNode till(JsonNode today) {
    for (JsonNode t : today.get("tills")) {
      if (t.get("id").asText().equals(cloud.demo.terminal().terminalId().toString())) {
        return t;
      }
    }
    throw new AssertionError("no demo till in " + today.get("tills"));
  }
}
