package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.SaleRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route keyed by an id the terminal chose answers a repeat of the same request as the first
 * time, and refuses (409) a repeat that says something else under the same id: the terminal's retry
 * is safe, and a second, different request never passes for the first.
 */
class RepeatsTest {

  private static TestCloud cloud;
  private static String code;
  private static Map<String, String> manager;
  private static Map<String, String> host;
  private static String terminal;
  private static UUID shift;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    code = "R1";
    terminal = cloud.enrollTerminal(code, "Repeats").authorization();
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    host = cloud.signedIn(terminal, cloud.demo.hostId(), "5555");
    shift = UUID.randomUUID();
    String open = "{\"id\":\"%s\",\"openingFloat\":1000,\"at\":\"%s\"}";
    assertThat(post(manager, "/v1/shifts", shift, open.formatted(shift, NOW.minusSeconds(600))))
        .isEqualTo(201);
    assertThat(post(manager, "/v1/shifts", shift, open.formatted(shift, NOW.minusSeconds(600))))
        .as("the same shift again")
        .isEqualTo(200);
    assertThat(post(manager, "/v1/shifts", shift, open.formatted(shift, NOW.minusSeconds(599))))
        .as("opened at another time")
        .isEqualTo(409);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void anAuditEventRepeatedWithAnotherDetailOrActionIsAConflict() {
    UUID id = UUID.randomUUID();
    String event = "{\"id\":\"%s\",\"action\":\"%s\",\"at\":\"%s\",\"detail\":%s}";
    Map<String, String> t = Map.of("Authorization", terminal);
    Instant at = NOW.plusNanos(123_456_789);
    assertThat(
            post(t, "/v1/audit-events", id, event.formatted(id, "RECEIPT_REPRINT", at, "\"K1\"")))
        .isEqualTo(201);
    assertThat(
            post(t, "/v1/audit-events", id, event.formatted(id, "RECEIPT_REPRINT", at, "\"K1\"")))
        .as("the same event again, its time finer than the database keeps")
        .isEqualTo(200);
    assertThat(
            post(t, "/v1/audit-events", id, event.formatted(id, "RECEIPT_REPRINT", at, "\"K2\"")))
        .isEqualTo(409);
    assertThat(post(t, "/v1/audit-events", id, event.formatted(id, "RECEIPT_REPRINT", at, "null")))
        .isEqualTo(409);
    assertThat(post(t, "/v1/audit-events", id, event.formatted(id, "KIOSK_EXIT", at, "\"K1\"")))
        .isEqualTo(409);
    assertThat(
            post(t, "/v1/audit-events", id, event.formatted(id, "RECEIPT_REPRINT", NOW, "\"K1\"")))
        .isEqualTo(409);
  }

  @Test
  void aCashMovementRepeatedWithAnotherAmountOrReasonIsAConflict() {
    UUID id = UUID.randomUUID();
    String path = "/v1/shifts/" + shift + "/cash-movements";
    String movement =
        "{\"id\":\"%s\",\"type\":\"IN\",\"amount\":%d,\"reason\":\"%s\",\"at\":\"%s\"}";
    assertThat(post(manager, path, id, movement.formatted(id, 500, "change", NOW))).isEqualTo(204);
    assertThat(post(manager, path, id, movement.formatted(id, 500, "change", NOW))).isEqualTo(204);
    assertThat(post(manager, path, id, movement.formatted(id, 900, "change", NOW))).isEqualTo(409);
    assertThat(post(manager, path, id, movement.formatted(id, 500, "float", NOW))).isEqualTo(409);
    assertThat(cloud.count("cash_movement")).isEqualTo(1);
  }

  @Test
  void aVoidRepeatedForAnotherReasonIsAConflict() {
    SaleRequest sale = sell();
    String path = "/v1/sales/" + sale.id() + "/void";
    assertThat(post(manager, path, null, "{\"reason\":\"rang up twice\"}")).isEqualTo(200);
    assertThat(post(manager, path, null, "{\"reason\":\"rang up twice\"}")).isEqualTo(200);
    assertThat(post(manager, path, null, "{\"reason\":\"customer changed mind\"}")).isEqualTo(409);
  }

  @Test
  void aSaleRepeatedWithOtherContentsIsAConflict() {
    SaleRequest sale = sell();
    assertThat(post(manager, "/v1/sales", sale.id(), Sales.json(sale))).isEqualTo(200);
    String other = Sales.json(sale).replace("\"tok_approve\"", "\"tok_approve_other\"");
    assertThat(post(manager, "/v1/sales", sale.id(), other)).isEqualTo(409);
  }

  @Test
  void aRefundRepeatedWithOtherLinesIsAConflict() {
    SaleRequest sale = sell();
    UUID id = UUID.randomUUID();
    String refund =
        "{\"id\":\"%s\",\"saleId\":\"%s\",\"receiptNumber\":\"%s\",\"lines\":[{\"saleLine\":%d,"
            + "\"quantity\":\"1\"}],\"method\":\"CASH\",\"reason\":\"broken\",\"at\":\"%s\"}";
    long number = sequence++;
    assertThat(
            post(
                manager,
                "/v1/refunds",
                id,
                refund.formatted(id, sale.id(), Sales.receipt(code, number), 1, NOW)))
        .isEqualTo(201);
    assertThat(
            post(
                manager,
                "/v1/refunds",
                id,
                refund.formatted(id, sale.id(), Sales.receipt(code, number), 1, NOW)))
        .isEqualTo(200);
    assertThat(
            post(
                manager,
                "/v1/refunds",
                id,
                refund.formatted(id, sale.id(), Sales.receipt(code, number), 2, NOW)))
        .isEqualTo(409);
  }

  @Test
  void seatingALineOnACheckAndSplittingRepeatedWithOtherDetailsAreConflicts() {
    UUID table = table("Q1");
    UUID check = UUID.randomUUID();
    String seat = "{\"checkId\":\"%s\",\"guests\":%d,\"version\":%d}";
    long version = floorTable(table).get("version").asLong();
    String path = "/v1/floor/tables/" + table + "/seat";
    assertThat(post(host, path, null, seat.formatted(check, 2, version))).isEqualTo(201);
    assertThat(post(host, path, null, seat.formatted(check, 2, version))).isEqualTo(200);
    assertThat(post(host, path, null, seat.formatted(check, 5, version))).isEqualTo(409);

    UUID line = UUID.randomUUID();
    String lines = "/v1/checks/" + check + "/lines";
    String add = "{\"id\":\"%s\",\"itemId\":\"%s\",\"quantity\":\"%s\",\"seat\":%d}";
    assertThat(post(host, lines, null, add.formatted(line, "bread", "2", 1))).isEqualTo(201);
    assertThat(post(host, lines, null, add.formatted(line, "bread", "2.000", 1)))
        .as("the same quantity written otherwise")
        .isEqualTo(200);
    assertThat(post(host, lines, null, add.formatted(line, "bread", "3", 1))).isEqualTo(409);
    assertThat(post(host, lines, null, add.formatted(line, "milk", "2", 1))).isEqualTo(409);
    assertThat(post(host, lines, null, add.formatted(line, "bread", "2", 2))).isEqualTo(409);
    assertThat(post(host, lines, null, add.formatted(UUID.randomUUID(), "milk", "1", 2)))
        .isEqualTo(201);

    long checkVersion = check(check).get("version").asLong();
    UUID split = UUID.randomUUID();
    String body = "{\"mode\":\"SEAT\",\"seat\":%d,\"newCheckId\":\"%s\",\"version\":%d}";
    String splitPath = "/v1/checks/" + check + "/split";
    assertThat(post(host, splitPath, null, body.formatted(2, split, checkVersion))).isEqualTo(200);
    assertThat(post(host, splitPath, null, body.formatted(2, split, checkVersion)))
        .as("the same split again")
        .isEqualTo(200);
    assertThat(post(host, splitPath, null, body.formatted(1, split, checkVersion))).isEqualTo(409);
  }

  @Test
  void aPartyRepeatedWithAnotherReservationIsAConflict() {
    UUID party = UUID.randomUUID();
    String add = "{\"id\":\"%s\",\"name\":\"Бондар\",\"size\":4,\"reservedFor\":\"%s\"}";
    Instant at = NOW.plusSeconds(7200).plusNanos(1_500);
    assertThat(post(host, "/v1/waitlist", party, add.formatted(party, at))).isEqualTo(201);
    assertThat(post(host, "/v1/waitlist", party, add.formatted(party, at))).isEqualTo(200);
    assertThat(post(host, "/v1/waitlist", party, add.formatted(party, at.plusSeconds(1800))))
        .isEqualTo(409);
  }

  @Test
  void aShiftClosedAgainWithAnotherCountOrTimeIsAConflict() {
    String other = cloud.enrollTerminal("R2", "Closing").authorization();
    Map<String, String> boss = cloud.signedIn(other, cloud.demo.managerId(), "9999");
    UUID id = UUID.randomUUID();
    assertThat(
            post(
                boss,
                "/v1/shifts",
                id,
                "{\"id\":\"%s\",\"openingFloat\":0,\"at\":\"%s\"}"
                    .formatted(id, NOW.minusSeconds(60))))
        .isEqualTo(201);
    String close = "{\"counted\":%d,\"blind\":%s,\"at\":\"%s\"}";
    String path = "/v1/shifts/" + id + "/close";
    assertThat(post(boss, path, null, close.formatted(0, "true", NOW))).isEqualTo(200);
    assertThat(post(boss, path, null, close.formatted(0, "true", NOW))).isEqualTo(200);
    assertThat(post(boss, path, null, close.formatted(0, "false", NOW))).isEqualTo(409);
    assertThat(post(boss, path, null, close.formatted(0, "true", NOW.plusSeconds(1))))
        .isEqualTo(409);
    assertThat(post(boss, path, null, close.formatted(5, "true", NOW))).isEqualTo(409);
  }

  @Test
  void aDeviceBackupRepeatedWithOtherSettingsIsAConflict() {
    Map<String, String> technician = cloud.signedIn(terminal, cloud.demo.technicianId(), "7777");
    String backup = "{\"settings\":{\"printer-uri\":\"%s\"}}";
    TestCloud.Reply first =
        cloud.send("PUT", "/v1/terminal/devices", backup.formatted("sim:printer"), technician);
    assertThat(first.status()).isEqualTo(201);
    assertThat(
            cloud
                .send(
                    "PUT",
                    "/v1/terminal/devices",
                    backup.formatted("file:/dev/usb/lp0"),
                    technician)
                .status())
        .isEqualTo(409);
  }

  @Test
  void aCardTenderAuthorisedAgainForAnotherAmountOrCardIsAConflictAndSoIsItsSale() {
    UUID tender = UUID.randomUUID();
    UUID saleId = UUID.randomUUID();
    String ask = "{\"tenderId\":\"%s\",\"saleId\":\"%s\",\"amount\":%d,\"cardToken\":\"%s\"}";
    TestCloud.Reply first =
        cloud.post(
            manager,
            "/v1/card-authorisations",
            null,
            ask.formatted(tender, saleId, 10000, "tok_approve"));
    assertThat(first.status()).isEqualTo(200);
    TestCloud.Reply again =
        cloud.post(
            manager,
            "/v1/card-authorisations",
            null,
            ask.formatted(tender, saleId, 10000, "tok_approve"));
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(
            post(
                manager,
                "/v1/card-authorisations",
                null,
                ask.formatted(tender, saleId, 12000, "tok_approve")))
        .isEqualTo(409);
    assertThat(
            post(
                manager,
                "/v1/card-authorisations",
                null,
                ask.formatted(tender, saleId, 10000, "tok_approve_2")))
        .isEqualTo(409);
    SaleRequest s = Sales.breadAndAspirin(saleId, 1, "tok_approve");
    SaleRequest sale =
        new SaleRequest(
            saleId,
            Sales.receipt(code, sequence++),
            s.currency(),
            NOW.minusSeconds(30),
            NOW.minusSeconds(10),
            s.lines(),
            s.orderDiscount(),
            java.util.List.of(
                new io.kasa.api.sales.TenderDto(tender, "CARD", 12000, "tok_approve", null),
                new io.kasa.api.sales.TenderDto(UUID.randomUUID(), "CASH", 8000, null, null)),
            new io.kasa.api.sales.TotalsDto(15840, 0, 1664, 15840, 0, 4160),
            false,
            null);
    long sales = cloud.count("sale");
    assertThat(post(manager, "/v1/sales", saleId, Sales.json(sale))).isEqualTo(409);
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  /** A sale of this test's terminal, paid a moment ago within its open shift. */
  private static SaleRequest sell() {
    SaleRequest s = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
    SaleRequest sale =
        new SaleRequest(
            s.id(),
            Sales.receipt(code, sequence++),
            s.currency(),
            NOW.minusSeconds(30),
            NOW.minusSeconds(10),
            s.lines(),
            s.orderDiscount(),
            s.tenders(),
            s.totals(),
            s.offline(),
            s.approvalId());
    assertThat(post(manager, "/v1/sales", sale.id(), Sales.json(sale))).isEqualTo(201);
    return sale;
  }

  private static UUID table(String name) {
    UUID area = UUID.randomUUID();
    assertThat(
            cloud
                .send("PUT", "/v1/floor/areas/" + area, "{\"name\":\"Q\",\"position\":7}", manager)
                .status())
        .isEqualTo(201);
    UUID table = UUID.randomUUID();
    String body =
        "{\"areaId\":\"%s\",\"name\":\"%s\",\"seats\":6,\"shape\":\"ROUND\",\"x\":10,\"y\":10,"
            + "\"width\":50,\"height\":50}";
    assertThat(
            cloud
                .send("PUT", "/v1/floor/tables/" + table, body.formatted(area, name), manager)
                .status())
        .isEqualTo(201);
    return table;
  }

  private static JsonNode floorTable(UUID table) {
    return find(cloud.send("GET", "/v1/floor", null, host).json().get("tables"), table);
  }

  private static JsonNode check(UUID check) {
    return find(cloud.send("GET", "/v1/floor", null, host).json().get("checks"), check);
  }

  private static JsonNode find(JsonNode all, UUID id) {
    for (JsonNode n : all) {
      if (n.get("id").asText().equals(id.toString())) {
        return n;
      }
    }
    throw new AssertionError("No " + id + " in " + all);
  }

  private static int post(Map<String, String> who, String path, UUID key, String body) {
    TestCloud.Reply r = cloud.post(who, path, key == null ? null : key.toString(), body);
    if (r.status() >= 400) {
      assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
    }
    return r.status();
  }
}
