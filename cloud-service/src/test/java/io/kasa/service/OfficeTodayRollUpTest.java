package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.receipt.ReceiptNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Today's hourly roll-ups (V50, ADR 0042 amended): the closed hours of today and of last week's day
 * are added up once and kept; the figures are the same as added up from the sale rows; a late
 * offline sale, a post-void of an earlier hour's sale and a sale in flight while an hour is rolled
 * up are never left out. On a fixed clock: Wednesday 10 March 2027, 14:30 in Kyiv (12:30 UTC).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeTodayRollUpTest {

  private static final Instant NOW = Instant.parse("2027-03-10T12:30:00Z");

  private static MutableClock clock;
  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static Map<String, String> owner;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    clock = new MutableClock(NOW.minus(Duration.ofDays(8)));
    cloud = new TestCloud(new io.kasa.service.sales.TestPaymentProcessor(), clock);
    String till = cloud.enrollDemoTerminal();
    clock.advance(Duration.ofDays(8));
    cashier = cloud.signedIn(till, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(till, cloud.demo.managerId(), "9999");
    owner =
        cloud.officeBearer(cloud.officeAccount(cloud.demo.organisationId(), "owner", List.of()));
    // A shift opened at 08:00 in Kyiv, so today's sales may be voided.
    UUID shift = UUID.randomUUID();
    String open = "{\"id\":\"" + shift + "\",\"openingFloat\":0,\"at\":\"2027-03-10T06:00:00Z\"}";
    TestCloud.Reply opened = cloud.post(cashier, "/v1/shifts", shift.toString(), open);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    // Today 09:10 and 11:30 in Kyiv (07:10 and 09:30 UTC), and 14:10 in the hour still open.
    sell(Instant.parse("2027-03-10T07:10:00Z"));
    sell(Instant.parse("2027-03-10T09:30:00Z"));
    sell(Instant.parse("2027-03-10T12:10:00Z"));
    // Last Wednesday: 10:00 and 13:30 (before 14:30), 16:00 (after).
    sell(Instant.parse("2027-03-03T08:00:00Z"));
    sell(Instant.parse("2027-03-03T11:30:00Z"));
    sell(Instant.parse("2027-03-03T14:00:00Z"));
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** 2 bread + 1 aspirin, 158.40, paid at {@code paid} by card and cash (change 41.60). */
  private static SaleRequest sell(Instant paid) {
    long n = sequence++;
    SaleRequest b = Sales.breadAndAspirin(UUID.randomUUID(), "T1", n, "tok_approve");
    SaleRequest r =
        new SaleRequest(
            b.id(),
            new ReceiptNumber("K1", "T1", n).toString(),
            b.currency(),
            paid.minusSeconds(60),
            paid,
            b.lines(),
            b.orderDiscount(),
            b.tenders(),
            b.totals(),
            b.offline(),
            b.approvalId());
    Map<String, String> h = new HashMap<>(cashier);
    h.put("Idempotency-Key", r.id().toString());
    TestCloud.Reply reply = cloud.send("POST", "/v1/sales", Sales.json(r), h);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return r;
  }

  private static JsonNode today() {
    TestCloud.Reply r =
        cloud.send("GET", "/v1/office/today?store=" + cloud.demo.storeId(), null, owner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** The figures without the moment they were read at and the tills' last words. */
  private static JsonNode figures(JsonNode today) {
    ObjectNode f = today.deepCopy();
    f.remove("now");
    f.remove("tills");
    f.remove("incomplete");
    return f;
  }

  /** The figures added up from the sale rows alone: every roll-up deleted first. */
  private static JsonNode fromTheRows() {
    cloud.execute("delete from sale_hour");
    return figures(today());
  }

  private static long rollUps(String from, String to) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from sale_hour where hour_start >= :from"
                            + " and hour_start < :to")
                    .bind("from", OffsetDateTime.parse(from))
                    .bind("to", OffsetDateTime.parse(to))
                    .mapTo(Long.class)
                    .one());
  }

  /** Up to when the roll-up of the hour starting at {@code hour} adds it up. */
  private static Instant covered(String hour) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select covered_to from sale_hour where hour_start = :h")
                    .bind("h", OffsetDateTime.parse(hour))
                    .mapTo(OffsetDateTime.class)
                    .one()
                    .toInstant());
  }

  private static long todayCount(JsonNode t) {
    return t.get("transactions").get("today").asLong();
  }

  @Test
  @Order(1)
  void closedHoursAreRolledUpOnceAndAddUpAsTheRowsDo() {
    JsonNode first = today();
    assertThat(todayCount(first)).isEqualTo(3);
    assertThat(first.get("sales").get("today").asLong()).isEqualTo(3 * 15840);
    assertThat(first.get("transactions").get("lastWeek").asLong()).isEqualTo(2);
    assertThat(first.get("byHour").get(9).get("today").asLong()).isEqualTo(15840);
    assertThat(first.get("byHour").get(14).get("today").asLong()).isEqualTo(15840);
    assertThat(first.get("byHour").get(16).get("lastWeek").asLong()).isEqualTo(15840);
    // Today's 14 closed hours (from midnight in Kyiv, 22:00 UTC) and last week's 24, kept; the
    // hour still open up to ten seconds ago.
    assertThat(rollUps("2027-03-09T22:00:00Z", "2027-03-10T12:00:00Z")).isEqualTo(14);
    assertThat(rollUps("2027-03-10T12:00:00Z", "2027-03-11T00:00:00Z")).isEqualTo(1);
    assertThat(covered("2027-03-10T12:00:00Z")).isEqualTo(NOW.minus(Duration.ofSeconds(10)));
    assertThat(rollUps("2027-03-02T22:00:00Z", "2027-03-03T22:00:00Z")).isEqualTo(24);
    // Read again from the roll-ups: the same figures, and the same as from the rows alone.
    JsonNode again = figures(today());
    assertThat(again).isEqualTo(figures(first));
    assertThat(fromTheRows()).isEqualTo(again);
  }

  @Test
  @Order(2)
  void aLateOfflineSaleInAnHourRolledUpCounts() {
    JsonNode before = today();
    // Delivered now, paid at 09:40 in Kyiv: an hour already rolled up; at 14:05, in the open
    // hour's roll-up so far. And one of last week's.
    sell(Instant.parse("2027-03-10T07:40:00Z"));
    sell(Instant.parse("2027-03-10T12:05:00Z"));
    sell(Instant.parse("2027-03-03T07:15:00Z"));
    JsonNode after = today();
    assertThat(todayCount(after)).isEqualTo(todayCount(before) + 2);
    assertThat(after.get("byHour").get(14).get("today").asLong())
        .isEqualTo(before.get("byHour").get(14).get("today").asLong() + 15840);
    assertThat(after.get("byHour").get(9).get("today").asLong())
        .isEqualTo(before.get("byHour").get(9).get("today").asLong() + 15840);
    assertThat(after.get("transactions").get("lastWeek").asLong())
        .isEqualTo(before.get("transactions").get("lastWeek").asLong() + 1);
    assertThat(after.get("byHour").get(9).get("lastWeek").asLong())
        .isEqualTo(before.get("byHour").get(9).get("lastWeek").asLong() + 15840);
    assertThat(fromTheRows()).isEqualTo(figures(after));
  }

  @Test
  @Order(3)
  void aPostVoidOfAnEarlierHoursSaleLeavesIt() {
    SaleRequest earlier = sell(Instant.parse("2027-03-10T08:05:00Z"));
    JsonNode before = today();
    TestCloud.Reply voided =
        cloud.post(
            manager, "/v1/sales/" + earlier.id() + "/void", null, "{\"reason\":\"rang up twice\"}");
    assertThat(voided.status()).as(voided.body()).isEqualTo(200);
    JsonNode after = today();
    assertThat(todayCount(after)).isEqualTo(todayCount(before) - 1);
    assertThat(after.get("byHour").get(10).get("today").asLong())
        .isEqualTo(before.get("byHour").get(10).get("today").asLong() - 15840);
    assertThat(fromTheRows()).isEqualTo(figures(after));
  }

  @Test
  @Order(4)
  void theOpenHourClosesIntoARollUpWithTheSameFigures() {
    JsonNode before = figures(today());
    assertThat(covered("2027-03-10T12:00:00Z")).isEqualTo(NOW.minus(Duration.ofSeconds(10)));
    // 15:31 in Kyiv: the 14:10 sale's hour has ended and is rolled up whole.
    clock.advance(Duration.ofMinutes(61));
    try {
      JsonNode later = today();
      assertThat(covered("2027-03-10T12:00:00Z")).isEqualTo(Instant.parse("2027-03-10T13:00:00Z"));
      assertThat(later.get("sales").get("today")).isEqualTo(before.get("sales").get("today"));
      assertThat(later.get("byHour").get(14).get("today"))
          .isEqualTo(before.get("byHour").get(14).get("today"));
      assertThat(later.get("topByQuantity")).isEqualTo(before.get("topByQuantity"));
      assertThat(later.get("topByAmount")).isEqualTo(before.get("topByAmount"));
      assertThat(later.get("byPayment")).isEqualTo(before.get("byPayment"));
      assertThat(fromTheRows()).isEqualTo(figures(later));
    } finally {
      clock.advance(Duration.ofMinutes(-61));
    }
  }

  /**
   * A sale statement still in flight when an hour is first read: the roll-up waits for it (the
   * writers hold the organisation's roll-up lock shared), so it is counted, not lost.
   */
  @Test
  @Order(5)
  void aSaleInFlightWhileAnHourIsRolledUpIsCounted() throws Exception {
    JsonNode before = figures(today());
    long count = before.get("transactions").get("today").asLong();
    cloud.execute("delete from sale_hour");
    UUID org = cloud.demo.organisationId();
    try (Connection c = cloud.database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock =
          c.prepareStatement("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))")) {
        lock.setString(1, org + "/sale-hour");
        lock.execute();
      }
      try (PreparedStatement copy =
          c.prepareStatement(
              "insert into sale (organisation_id, id, store_id, terminal_id, employee_id,"
                  + " receipt_number, currency, state, offline, opened_at, paid_at, subtotal,"
                  + " discounts, tax, total, cash_rounding, change_given, request_hash, response,"
                  + " voided_lines, tender_sums, tax_sums, item_sums) select organisation_id, ?,"
                  + " store_id, terminal_id, employee_id, 'K1-T1-999999', currency, state, true,"
                  + " opened_at, ?, subtotal, discounts, tax, total, cash_rounding, change_given,"
                  + " request_hash, response, voided_lines, tender_sums, tax_sums, item_sums"
                  + " from sale where organisation_id = ? and state = 'PAID' limit 1")) {
        copy.setObject(1, UUID.randomUUID());
        copy.setObject(2, OffsetDateTime.of(2027, 3, 10, 7, 50, 0, 0, ZoneOffset.UTC));
        copy.setObject(3, org);
        assertThat(copy.executeUpdate()).isEqualTo(1);
      }
      CompletableFuture<JsonNode> reading = CompletableFuture.supplyAsync(() -> today());
      // The read waits for the statement in flight...
      try {
        reading.get(1, TimeUnit.SECONDS);
        throw new AssertionError("Today read an hour while a sale in it was in flight");
      } catch (TimeoutException expected) {
        // ...until it commits.
      }
      c.commit();
      JsonNode after = reading.get(20, TimeUnit.SECONDS);
      assertThat(todayCount(after)).isEqualTo(count + 1);
      assertThat(fromTheRows()).isEqualTo(figures(after));
    }
  }
}
