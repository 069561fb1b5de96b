package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.admin.DemoData;
import io.kasa.service.shifts.ShiftSheet;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's shifts through their documented routes (issue 22, ADR 0049): shifts opened,
 * moved and closed through the tills' own routes appear newest first with the very figures the
 * till's X and Z reports give; every filter; keyset paging; scoping to the account's organisation
 * and stores; 401, 400 naming the parameter, 404; the PDF carries the figures' words.
 */
class OfficeShiftsApiTest {

  private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
  private static TestCloud cloud;
  private static Map<String, String> owner;
  private static Map<String, String> cashier;
  private static UUID closed;
  private static UUID open;
  private static JsonNode zReport;
  private static UUID otherShift;
  private static DemoData.Seeded other;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    ShiftSeed seeded = ShiftSeed.seed(cloud);
    cashier = seeded.cashier();
    closed = seeded.closed();
    open = seeded.open();
    zReport = seeded.z();
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
    otherShift = UUID.randomUUID();
    ShiftSeed.open(
        cloud, cloud.signedIn(terminalB, other.cashierId(), "1111"), otherShift, 0, Instant.now());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static TestCloud.Reply get(String path, Map<String, String> who) {
    return cloud.send("GET", path, null, who);
  }

  private static List<String> ids(String path) {
    TestCloud.Reply r = get(path, owner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("shifts").forEach(s -> out.add(s.get("id").asText()));
    return out;
  }

  @Test
  void shiftsAreNewestFirstWithTheTillsOwnFigures() {
    TestCloud.Reply list = get("/v1/office/shifts", owner);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode shifts = list.json().get("shifts");
    assertThat(ids("/v1/office/shifts")).containsExactly(open.toString(), closed.toString());
    assertThat(list.json().get("next").isNull()).isTrue();

    JsonNode now = shifts.get(0);
    assertThat(now.get("state").asText()).isEqualTo("OPEN");
    assertThat(now.get("number").asText()).isEqualTo("K1-T1-0002");
    assertThat(now.get("closedAt").isNull()).isTrue();
    assertThat(now.get("overShort").isNull()).isTrue();
    assertThat(now.get("openedBy").get("id").asText()).isEqualTo(cloud.demo.cashierId().toString());

    JsonNode done = shifts.get(1);
    assertThat(done.get("state").asText()).isEqualTo("CLOSED");
    assertThat(done.get("number").asText()).isEqualTo(zReport.get("number").asText());
    assertThat(done.get("store").get("name").asText()).isEqualTo("Маркет «Колосок»");
    assertThat(done.get("timeZone").asText()).isEqualTo("Europe/Kyiv");
    assertThat(done.get("closedBy").get("id").asText())
        .isEqualTo(cloud.demo.managerId().toString());
    assertThat(done.get("sales").asLong()).isEqualTo(2);
    assertThat(done.get("salesTotal").asLong()).isEqualTo(zReport.get("salesTotal").asLong());
    assertThat(done.get("overShort").asLong()).isEqualTo(zReport.get("overShort").asLong());
    assertThat(done.get("overShort").asLong()).isNotZero();

    // One shift's page: the Z report the till got at its close, figure for figure.
    TestCloud.Reply one = get("/v1/office/shifts/" + closed, owner);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(one.json().get("report")).isEqualTo(zReport);
    assertThat(one.json().get("report").get("refunds").asLong()).isEqualTo(1);
    assertThat(one.json().get("report").get("noSales").asLong()).isEqualTo(1);
    assertThat(one.json().get("pdf").asText()).isEqualTo("/v1/office/shifts/" + closed + "/pdf");
    JsonNode moves = one.json().get("movements");
    assertThat(moves).hasSize(3);
    assertThat(moves.get(0).get("type").asText()).isEqualTo("IN");
    assertThat(moves.get(0).get("amount").asLong()).isEqualTo(10000);
    assertThat(moves.get(0).get("reason").asText()).isEqualTo("розмін");
    assertThat(moves.get(1).get("type").asText()).isEqualTo("OUT");
    assertThat(moves.get(2).get("type").asText()).isEqualTo("NO_SALE");
    assertThat(moves.get(2).get("employee").get("id").asText())
        .isEqualTo(cloud.demo.managerId().toString());

    // The open one: its X report, as the till's own report route adds it up.
    JsonNode x = get("/v1/office/shifts/" + open, owner).json();
    JsonNode tills = cloud.send("GET", "/v1/shifts/" + open + "/report", null, cashier).json();
    assertThat(x.get("report")).isEqualTo(tills);
    assertThat(x.get("report").get("kind").asText()).isEqualTo("X");
    assertThat(x.get("report").get("cashIn").asLong()).isEqualTo(5000);
    assertThat(x.get("shift").get("salesTotal").asLong())
        .isEqualTo(tills.get("salesTotal").asLong());
  }

  @Test
  void everyFilterNarrowsTheList() {
    String terminal = cloud.demo.terminal().terminalId().toString();
    assertThat(ids("/v1/office/shifts?state=open")).containsExactly(open.toString());
    assertThat(ids("/v1/office/shifts?state=closed")).containsExactly(closed.toString());
    assertThat(ids("/v1/office/shifts?store=" + cloud.demo.storeId())).hasSize(2);
    assertThat(ids("/v1/office/shifts?terminal=" + terminal + "&state=closed"))
        .containsExactly(closed.toString());
    // Days in the store's time zone.
    LocalDate day = Instant.parse(zReport.get("openedAt").asText()).atZone(KYIV).toLocalDate();
    assertThat(ids("/v1/office/shifts?from=" + day + "&to=" + day)).contains(closed.toString());
    assertThat(ids("/v1/office/shifts?from=" + day.plusDays(2))).isEmpty();
    assertThat(ids("/v1/office/shifts?to=" + day.minusDays(2))).isEmpty();
  }

  @Test
  void aStoresDaysAreCountedInItsOwnTimeZone() {
    // Kiritimati is fourteen hours ahead of UTC: its day begins when most of the world's has not.
    ZoneId far = ZoneId.of("Pacific/Kiritimati");
    cloud
        .database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "update store set time_zone = ? where id = ?",
                    far.getId(),
                    cloud.demo.storeId()));
    try {
      LocalDate there = Instant.parse(zReport.get("openedAt").asText()).atZone(far).toLocalDate();
      assertThat(ids("/v1/office/shifts?state=closed&from=" + there + "&to=" + there))
          .containsExactly(closed.toString());
      assertThat(ids("/v1/office/shifts?state=closed&to=" + there.minusDays(1))).isEmpty();
      assertThat(
              get("/v1/office/shifts/" + closed, owner)
                  .json()
                  .get("shift")
                  .get("timeZone")
                  .asText())
          .isEqualTo(far.getId());
    } finally {
      cloud
          .database
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "update store set time_zone = ? where id = ?",
                      KYIV.getId(),
                      cloud.demo.storeId()));
    }
  }

  @Test
  void theCursorPagesWithoutSkipsOrRepeats() {
    TestCloud.Reply first = get("/v1/office/shifts?limit=1", owner);
    assertThat(first.json().get("shifts").get(0).get("id").asText()).isEqualTo(open.toString());
    String next = first.json().get("next").asText();
    TestCloud.Reply second = get("/v1/office/shifts?limit=1&cursor=" + next, owner);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("shifts").get(0).get("id").asText()).isEqualTo(closed.toString());
    assertThat(second.json().get("next").isNull()).isTrue();
  }

  @Test
  void onlyTheAccountsOrganisationAndStores() {
    assertThat(ids("/v1/office/shifts")).doesNotContain(otherShift.toString());
    assertThat(get("/v1/office/shifts/" + otherShift, owner).status()).isEqualTo(404);
    assertThat(get("/v1/office/shifts/" + otherShift + "/pdf", owner).status()).isEqualTo(404);
    assertThat(get("/v1/office/shifts?store=" + other.storeId(), owner).status()).isEqualTo(404);
    assertThat(get("/v1/office/shifts?terminal=" + other.terminal().terminalId(), owner).status())
        .isEqualTo(404);
    // An account of one other store of the organisation sees none of this store's shifts.
    UUID elsewhere = UUID.randomUUID();
    cloud
        .database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into store (organisation_id, id, code, name, currency, tax_mode,"
                        + " tax_rounding, cash_increment)"
                        + " values (?, ?, 'K9', 'Інший магазин', 'UAH', 'INCLUSIVE', 'PER_LINE', 1)",
                    cloud.demo.organisationId(),
                    elsewhere));
    Map<String, String> narrow =
        cloud.officeBearer(
            cloud.officeAccount(cloud.demo.organisationId(), "manager", List.of(elsewhere)));
    TestCloud.Reply none = get("/v1/office/shifts", narrow);
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.json().get("shifts")).isEmpty();
    assertThat(get("/v1/office/shifts/" + closed, narrow).status()).isEqualTo(404);
    assertThat(get("/v1/office/shifts?store=" + cloud.demo.storeId(), narrow).status())
        .isEqualTo(404);
    // Every role reads: an accountant too.
    Map<String, String> accountant =
        cloud.officeBearer(
            cloud.officeAccount(cloud.demo.organisationId(), "accountant", List.of()));
    assertThat(get("/v1/office/shifts/" + closed, accountant).status()).isEqualTo(200);
  }

  @Test
  void badRequestsAreRefusedAndNamed() {
    assertThat(get("/v1/office/shifts", Map.of()).status()).isEqualTo(401);
    assertThat(get("/v1/office/shifts/" + closed, Map.of()).status()).isEqualTo(401);
    assertThat(get("/v1/office/shifts/" + closed + "/pdf", Map.of()).status()).isEqualTo(401);
    for (String[] bad :
        new String[][] {
          {"from=yesterday", "from"},
          {"to=2026-13-01", "to"},
          {"store=K1", "store"},
          {"terminal=T1", "terminal"},
          {"state=half", "state"},
          {"cursor=bm90LWEtY3Vyc29y", "cursor"},
          {"limit=0", "limit"},
          {"from=2026-12-05&to=2026-12-01", "to"}
        }) {
      TestCloud.Reply r = get("/v1/office/shifts?" + bad[0], owner);
      assertThat(r.status()).as(bad[0] + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(bad[0]).contains(bad[1]);
      assertThat(r.contentType()).contains("application/problem+json");
    }
    assertThat(get("/v1/office/shifts/" + UUID.randomUUID(), owner).status()).isEqualTo(404);
    assertThat(get("/v1/office/shifts/not-a-shift", owner).status()).isEqualTo(404);
  }

  @Test
  void thePdfCarriesTheFiguresInTheirWords() throws Exception {
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(cloud.uri("/v1/office/shifts/" + closed + "/pdf"))
                    .header("Authorization", owner.get("Authorization"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    Locale uk = Locale.forLanguageTag("uk");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              ShiftSheet.word("report.Z", uk),
              zReport.get("number").asText(),
              ShiftSheet.word("sales", uk) + " 2",
              ShiftSheet.word("overShort", uk),
              ShiftSheet.word("movements", uk),
              ShiftSheet.word("movement.IN", uk),
              "розмін",
              "постачальник",
              "розміняти купюру");
      // The figures as amounts: the sales total and the over/short with its sign.
      long os = zReport.get("overShort").asLong();
      assertThat(text)
          .contains(amount(zReport.get("salesTotal").asLong()))
          .contains((os < 0 ? "-" : "+") + amount(Math.abs(os)));
    }
  }

  /** An amount as the Ukrainian report prints it: 316,80. */
  private static String amount(long minor) {
    return String.format(Locale.ROOT, "%d,%02d", minor / 100, minor % 100);
  }
}
