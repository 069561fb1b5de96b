package io.kasa.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.KitchenOrders;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import io.kasa.service.bench.HistorySeed;
import io.kasa.service.floor.KitchenScreen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Day 365 is as fast as day 1 on the service (issue 24): every query of the till's daily paths —
 * sign-in, sales delivered (and delivered again), look-ups for returns, refunds, post-voids, shifts
 * and their reports, catalogue and configuration sync, stock — reaches the tables that grow without
 * bound through an index, never by reading them whole.
 *
 * <p>The test runs the real service with sequential scans priced out of reach ({@code
 * enable_seqscan = off} for the database: the planner still takes one where no index can answer),
 * then reads PostgreSQL's own count of sequential scans per table. A query added without its index
 * fails here, on a database of any size.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotPathsUseIndexesTest {

  /**
   * Tables that grow with the business: sales, their parts, journals and ledgers, the catalogue.
   */
  private static final Set<String> GROWING =
      Set.of(
          "sale",
          "sale_hour",
          "sale_line",
          "sale_tax",
          "tender",
          "refund",
          "refund_line",
          "refund_payout",
          "shift",
          "cash_movement",
          "stock_movement",
          "audit_log",
          "approval",
          "catalog_change",
          "item",
          "barcode",
          "employee_session",
          "dining_check",
          "check_line",
          "floor_event",
          "kitchen_send",
          "kitchen_bump",
          "waitlist_party");

  /**
   * The demo terminal's history before the test: a year of sales (with their lines, taxes, tenders,
   * stock moves, refunds), a shift a day, a catalogue with its changes. A path that reads a table
   * through only the leading columns of an index (the organisation's, or the terminal's) reads
   * hundreds of these rows; one that uses the right index reads a handful.
   */
  private static final int HISTORY_SALES = 6_000;

  private static final int HISTORY_DAYS = 300;

  /** Index entries a daily path may read from one growing table, all paths together. */
  private static final long FEW = 60;

  /**
   * Read whole by design: the first catalogue sync pages through every change. And, not yet fixed:
   * an item's stock movements page (a running balance over the item's whole ledger) joins the
   * organisation's refunds by a hash join that reads them all (ADR 0038, "Left open").
   */
  private static final Set<String> PAGED = Set.of("catalog_change", "item", "barcode", "refund");

  /** The test's own receipt numbers come after the history's (sales and refunds). */
  private static final long SEQUENCE = 100_000;

  private static TestCloud cloud;
  private static HistorySeed.Target history;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static Map<String, String> host;
  private static String terminal;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    UUID demoTerminal = cloud.demo.terminal().terminalId();
    history =
        new HistorySeed.Target(
            cloud.demo.organisationId(),
            cloud.demo.storeId(),
            "K1",
            List.of(demoTerminal),
            List.of("T1"),
            cloud.demo.cashierId(),
            cloud.demo.managerId(),
            HISTORY_SALES,
            300,
            HISTORY_DAYS);
    HistorySeed.seed(cloud.database.dataSource(), history, "{}", 1);
    cloud
        .database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "do $$ begin execute format('alter database %I set enable_seqscan = off',"
                        + " current_database()); end $$"));
    // Connections made from here on plan as on a database too big to read whole.
    evictConnections();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    host = cloud.signedIn(terminal, cloud.demo.hostId(), "5555");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  @Order(1)
  void theTillsDailyPathsReadGrowingTablesOnlyThroughIndexes() throws Exception {
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();

    UUID shift = UUID.randomUUID();
    Instant opened = Instant.now().minusSeconds(90);
    String open = "{\"id\":\"" + shift + "\",\"openingFloat\":50000,\"at\":\"" + opened + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    UUID in = UUID.randomUUID();
    String movement =
        "{\"id\":\""
            + in
            + "\",\"type\":\"IN\",\"amount\":10000,\"reason\":\"change\",\"at\":\""
            + Instant.now()
            + "\"}";
    assertThat(
            cloud
                .post(cashier, "/v1/shifts/" + shift + "/cash-movements", in.toString(), movement)
                .status())
        .isEqualTo(204);

    SaleRequest first = sell(1);
    SaleRequest second = sell(2);
    assertThat(cloud.post(cashier, "/v1/sales", first.id().toString(), Sales.json(first)).status())
        .as("delivered again")
        .isEqualTo(200);
    ok(cloud.send("GET", "/v1/sales?receipt=" + first.receiptNumber(), null, manager));
    ok(cloud.send("GET", "/v1/sales/" + first.id(), null, manager));
    ok(cloud.send("GET", "/v1/sales/" + first.id() + "/return", null, manager));
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            first.id(),
            Sales.receipt(SEQUENCE + 3),
            List.of(new RefundLineDto(2, "1")),
            "CASH",
            "Не підійшло",
            Instant.now(),
            null,
            null);
    String refundJson = TestCloud.JSON.writeValueAsString(refund);
    assertThat(cloud.post(manager, "/v1/refunds", refund.id().toString(), refundJson).status())
        .isEqualTo(201);
    assertThat(
            cloud
                .post(manager, "/v1/sales/" + second.id() + "/void", null, "{\"reason\":\"двічі\"}")
                .status())
        .isEqualTo(200);

    Map<String, String> terminalOnly = Map.of("Authorization", terminal);
    ok(cloud.send("GET", "/v1/catalog/changes", null, terminalOnly));
    ok(cloud.send("GET", "/v1/terminal/config", null, terminalOnly));
    String store = cloud.demo.storeId().toString();
    ok(cloud.send("GET", "/v1/stores/" + store + "/stock?item=bread", null, manager));
    ok(cloud.send("GET", "/v1/stores/" + store + "/stock/bread/movements", null, manager));
    ok(cloud.send("GET", "/v1/shifts/" + shift + "/report", null, cashier));
    String close = "{\"counted\":69000,\"blind\":false,\"at\":\"" + Instant.now() + "\"}";
    ok(cloud.post(manager, "/v1/shifts/" + shift + "/close", null, close));

    // The host stand: a party waits, is seated, orders, gets a pre-bill, pays, and the table
    // clears.
    String party = waiting("Коваленко");
    var free = cloud.send("GET", "/v1/floor", null, host).json().get("tables").get(0);
    UUID check = UUID.randomUUID();
    ok(
        cloud.send(
            "POST",
            "/v1/floor/tables/" + free.get("id").asText() + "/seat",
            "{\"checkId\":\""
                + check
                + "\",\"guests\":2,\"version\":"
                + free.get("version")
                + ",\"partyId\":\""
                + party
                + "\"}",
            host));
    for (String[] line : new String[][] {{"bread", "2"}, {"aspirin", "1"}}) {
      ok(
          cloud.send(
              "POST",
              "/v1/checks/" + check + "/lines",
              "{\"id\":\""
                  + UUID.randomUUID()
                  + "\",\"itemId\":\""
                  + line[0]
                  + "\",\"quantity\":\""
                  + line[1]
                  + "\",\"seat\":1}",
              host));
    }
    long version =
        cloud
            .send("GET", "/v1/floor", null, host)
            .json()
            .get("checks")
            .get(0)
            .get("version")
            .asLong();
    ok(
        cloud.send(
            "POST", "/v1/checks/" + check + "/prebill", "{\"version\":" + version + "}", host));
    SaleRequest paid = sell(4);
    ok(
        cloud.send(
            "POST",
            "/v1/checks/" + check + "/settle",
            "{\"saleId\":\"" + paid.id() + "\"}",
            cashier));

    // A connection's counts reach the statistics when it ends: end them all.
    evictConnections();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Long> scanned = growingScannedSince(before);
              // Proof the counts arrived: the sales just written were read through an index.
              assertThat(indexScans("sale")).isPositive();
              assertThat(scanned).as("sequential scans of growing tables").isEmpty();
            });
    // And no index scan read the terminal's or the organisation's history: each path found its
    // rows by an index that names them, not by the leading columns of another.
    Map<String, Long> read = new TreeMap<>();
    indexEntriesRead()
        .forEach(
            (table, n) -> {
              long more = n - readBefore.getOrDefault(table, 0L);
              if (GROWING.contains(table) && !PAGED.contains(table)) {
                read.put(table, more);
              }
            });
    assertThat(read.get("sale")).as("the history's sales are there to be read").isPositive();
    assertThat(read)
        .as(
            "index entries read per growing table, with %,d sales of history (per index: %s)",
            HISTORY_SALES, since(perIndexBefore, perIndex()))
        .allSatisfy((table, n) -> assertThat(n).as(table).isLessThan(FEW));

    // And the watch sees a scan when one happens: a search no index can answer.
    long seen = seqScans().getOrDefault("audit_log", 0L);
    cloud
        .database
        .jdbi()
        .useHandle(
            h ->
                h.createQuery("select count(*) from audit_log where detail::text like '%nie%'")
                    .mapTo(Long.class)
                    .one());
    evictConnections();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> seqScans().getOrDefault("audit_log", 0L) > seen);
  }

  /** Rows a page of the back office's journal holds in this test. */
  private static final int JOURNAL_PAGE = 10;

  /**
   * The back office's sales journal (issue 22): each filter, a later page from its cursor and a
   * sale's receipt read a page's worth of the year's sales through an index, never the history.
   * After the till's paths, whose counts have all arrived by then.
   */
  @Test
  @Order(2)
  void theSalesJournalReadsAPageNotTheHistory() throws Exception {
    String email = "journal@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(
            cloud.demo.organisationId(), email, "accountant", List.of(), "correct horse battery");
    TestCloud.Reply signedIn =
        cloud.send(
            "POST",
            "/v1/office/sessions",
            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}",
            Map.of());
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
    Map<String, String> office =
        Map.of("Authorization", "Bearer " + signedIn.json().get("token").asText());
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();

    String page = "/v1/office/sales?limit=" + JOURNAL_PAGE;
    var newest = cloud.send("GET", page, null, office);
    ok(newest);
    assertThat(newest.json().get("sales").size()).isEqualTo(JOURNAL_PAGE);
    String day = java.time.LocalDate.now().minusDays(HISTORY_DAYS / 2).toString();
    List<String> queries =
        List.of(
            "&cursor=" + newest.json().get("next").asText(),
            "&store=" + cloud.demo.storeId(),
            "&terminal=" + cloud.demo.terminal().terminalId(),
            "&employee=" + cloud.demo.cashierId(),
            "&from=" + day + "&to=" + day,
            "&min=1&max=100000000",
            "&receipt=" + newest.json().get("sales").get(3).get("receiptNumber").asText());
    for (String q : queries) {
      var r = cloud.send("GET", page + q, null, office);
      ok(r);
      assertThat(r.json().get("sales").size()).as(q).isPositive();
    }
    String sale = newest.json().get("sales").get(0).get("id").asText();
    ok(cloud.send("GET", "/v1/office/sales/" + sale, null, office));

    evictConnections();
    long requests = queries.size() + 2;
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Long> scanned = growingScannedSince(before);
              assertThat(indexEntriesRead().get("sale") - readBefore.getOrDefault("sale", 0L))
                  .as("the journal's counts arrived")
                  .isGreaterThanOrEqualTo(JOURNAL_PAGE);
              assertThat(scanned).as("sequential scans of growing tables").isEmpty();
            });
    long read = indexEntriesRead().get("sale") - readBefore.getOrDefault("sale", 0L);
    assertThat(read)
        .as(
            "sales read by %d journal requests of %d rows, with %,d sales of history (per index:"
                + " %s)",
            requests, JOURNAL_PAGE, HISTORY_SALES, since(perIndexBefore, perIndex()))
        .isLessThan(requests * (JOURNAL_PAGE + 1) * 2);
  }

  /**
   * The back office's Today (ADR 0042) reads the day's rows, and last week's day, through the
   * tills' indexes: never a sequential scan of a growing table, and far fewer index entries than
   * the history holds. The first read rolls up the closed hours of both days into {@code sale_hour}
   * (V50) and the second reads them back by its key; the sale statement and the post-void of the
   * other tests delete a roll-up by that key too (sale_hour is one of the growing tables).
   */
  @Test
  @Order(3)
  void theBackOfficesTodayReadsOnlyItsDays() {
    String email = "today-hot@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), "correct horse battery");
    TestCloud.Reply session =
        cloud.send(
            "POST",
            "/v1/office/sessions",
            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}",
            Map.of());
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    Map<String, String> owner =
        Map.of("Authorization", "Bearer " + session.json().get("token").asText());
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    ok(cloud.send("GET", "/v1/office/today", null, owner));
    ok(cloud.send("GET", "/v1/office/today?store=" + cloud.demo.storeId(), null, owner));
    evictConnections();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Long> scanned = growingScannedSince(before);
              assertThat(scanned).as("sequential scans of growing tables by Today").isEmpty();
            });
    Map<String, Long> read = new TreeMap<>();
    indexEntriesRead()
        .forEach(
            (table, n) -> {
              if (GROWING.contains(table)) {
                read.put(table, n - readBefore.getOrDefault(table, 0L));
              }
            });
    // Two reads of two days each, a few times over: a small part of the history's sales.
    assertThat(read)
        .as("index entries Today read per growing table, with %,d sales of history", HISTORY_SALES)
        .allSatisfy((table, n) -> assertThat(n).as(table).isLessThan(HISTORY_SALES / 10));
  }

  /** Entries of audit history the Audit screen's test adds (ADR 0048). */
  private static final int AUDIT_HISTORY = 30_000;

  /**
   * The back office's Audit screen (ADR 0048): with a long audit history, each filter, a later page
   * from its cursor and a scoped account's log read about a page's worth of entries through an
   * index (a kind's or a scoped account's: a page per action or per till), never the history.
   */
  @Test
  @Order(4)
  void theAuditLogReadsAPageNotTheHistory() {
    UUID org = cloud.demo.organisationId();
    String email = "audit-hot@kolosok.example";
    cloud.services.officeAccounts().create(org, email, "owner", List.of(), "correct horse battery");
    String scopedEmail = "audit-scoped@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(
            org, scopedEmail, "accountant", List.of(cloud.demo.storeId()), "correct horse battery");
    UUID account =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id from office_account where email = :e")
                        .bind("e", email)
                        .mapTo(UUID.class)
                        .one());
    // A year of entries: till actions of the demo till's cashier and manager, and, one in ten,
    // the office account's changes.
    cloud
        .database
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate(
                      "insert into audit_log (organisation_id, at, terminal_id, employee_id,"
                          + " office_account_id, action, detail)"
                          + " select :org, now() - g * interval '15 minutes',"
                          + " case when g % 10 = 0 then null else :terminal end,"
                          + " case when g % 10 = 0 then null when g % 3 = 0 then :cashier"
                          + " else :manager end,"
                          + " case when g % 10 = 0 then :account end,"
                          + " case when g % 10 = 0 then 'office.staff.changed' else (array['SIGNED_IN',"
                          + " 'CASH_NO_SALE', 'SALE_VOIDED', 'PIN_FAILED', 'REFUND', 'SHIFT_OPENED'])"
                          + "[1 + g % 6] end, 'history ' || g"
                          + " from generate_series(1, :n) g")
                  .bind("org", org)
                  .bind("terminal", cloud.demo.terminal().terminalId())
                  .bind("cashier", cloud.demo.cashierId())
                  .bind("manager", cloud.demo.managerId())
                  .bind("account", account)
                  .bind("n", AUDIT_HISTORY)
                  .execute();
              h.execute("analyze audit_log");
            });
    Map<String, String> owner = officeBearer(email);
    Map<String, String> scoped = officeBearer(scopedEmail);
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();

    String page = "/v1/office/audit?limit=" + JOURNAL_PAGE;
    var newest = cloud.send("GET", page, null, owner);
    ok(newest);
    assertThat(newest.json().get("entries").size()).isEqualTo(JOURNAL_PAGE);
    String day = java.time.LocalDate.now().minusDays(100).toString();
    List<String> queries =
        List.of(
            "&cursor=" + newest.json().get("next").asText(),
            "&store=" + cloud.demo.storeId(),
            "&terminal=" + cloud.demo.terminal().terminalId(),
            "&employee=" + cloud.demo.cashierId(),
            "&account=" + account,
            "&kind=no-sales",
            "&kind=voids",
            "&from=" + day + "&to=" + day);
    for (String q : queries) {
      var r = cloud.send("GET", page + q, null, owner);
      ok(r);
      assertThat(r.json().get("entries").size()).as(q).isEqualTo(JOURNAL_PAGE);
    }
    for (String q : List.of("", "&kind=voids")) {
      var r = cloud.send("GET", page + q, null, scoped);
      ok(r);
      assertThat(r.json().get("entries").size()).as("scoped " + q).isEqualTo(JOURNAL_PAGE);
    }

    evictConnections();
    long requests = queries.size() + 3;
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Long> scanned = growingScannedSince(before);
              assertThat(
                      indexEntriesRead().get("audit_log")
                          - readBefore.getOrDefault("audit_log", 0L))
                  .as("the log's counts arrived")
                  .isGreaterThanOrEqualTo(requests * JOURNAL_PAGE);
              assertThat(scanned).as("sequential scans of growing tables").isEmpty();
            });
    long read = indexEntriesRead().get("audit_log") - readBefore.getOrDefault("audit_log", 0L);
    assertThat(read)
        .as(
            "entries read by %d audit requests of %d rows, with %,d entries of history (per index:"
                + " %s)",
            requests, JOURNAL_PAGE, AUDIT_HISTORY, since(perIndexBefore, perIndex()))
        .isLessThan(requests * (JOURNAL_PAGE + 1) * 2);
  }

  private static Map<String, String> officeBearer(String email) {
    TestCloud.Reply session =
        cloud.send(
            "POST",
            "/v1/office/sessions",
            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}",
            Map.of());
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    return Map.of("Authorization", "Bearer " + session.json().get("token").asText());
  }

  /**
   * The back office's Shifts screen (ADR 0049) reads a page of shifts from the end of an index,
   * whichever filter, and one shift's figures through its till's and its own indexes: never a
   * sequential scan of a growing table, and a page's worth of shifts, not the history's.
   */
  @Test
  @Order(5)
  void theShiftsScreenReadsAPageNotTheHistory() throws Exception {
    String email = "shifts-hot@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(
            cloud.demo.organisationId(), email, "accountant", List.of(), "correct horse battery");
    TestCloud.Reply session =
        cloud.send(
            "POST",
            "/v1/office/sessions",
            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}",
            Map.of());
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    Map<String, String> office =
        Map.of("Authorization", "Bearer " + session.json().get("token").asText());
    // A shift closed at the till (its Z report kept) and an open one after it (its row adds up
    // its X figures), beside the history's.
    UUID closed = shift();
    ok(
        cloud.post(
            manager,
            "/v1/shifts/" + closed + "/close",
            null,
            "{\"counted\":0,\"blind\":false,\"at\":\"" + java.time.Instant.now() + "\"}"));
    UUID open = shift();
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();

    String page = "/v1/office/shifts?limit=" + JOURNAL_PAGE;
    var newest = cloud.send("GET", page, null, office);
    ok(newest);
    assertThat(newest.json().get("shifts").size()).isEqualTo(JOURNAL_PAGE);
    assertThat(newest.json().get("shifts").get(0).get("id").asText()).isEqualTo(open.toString());
    String day = java.time.LocalDate.now().minusDays(HISTORY_DAYS / 2).toString();
    List<String> queries =
        List.of(
            "&cursor=" + newest.json().get("next").asText(),
            "&store=" + cloud.demo.storeId(),
            "&terminal=" + cloud.demo.terminal().terminalId(),
            "&state=closed",
            "&state=open",
            "&from=" + day + "&to=" + day);
    for (String q : queries) {
      var r = cloud.send("GET", page + q, null, office);
      ok(r);
      assertThat(r.json().get("shifts").size()).as(q).isPositive();
    }
    assertThat(newest.json().get("shifts").get(1).get("id").asText()).isEqualTo(closed.toString());
    ok(cloud.send("GET", "/v1/office/shifts/" + closed, null, office));
    ok(cloud.send("GET", "/v1/office/shifts/" + open, null, office));

    evictConnections();
    long requests = queries.size() + 3;
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Long> scanned = growingScannedSince(before);
              assertThat(indexEntriesRead().get("shift") - readBefore.getOrDefault("shift", 0L))
                  .as("the list's counts arrived")
                  .isGreaterThanOrEqualTo(JOURNAL_PAGE);
              assertThat(scanned).as("sequential scans of growing tables").isEmpty();
            });
    long read = indexEntriesRead().get("shift") - readBefore.getOrDefault("shift", 0L);
    assertThat(read)
        .as(
            "shifts read by %d requests of %d rows, with %d shifts of history (per index: %s)",
            requests, JOURNAL_PAGE, HISTORY_DAYS, since(perIndexBefore, perIndex()))
        .isLessThan(requests * (JOURNAL_PAGE + 1) * 2);
  }

  /**
   * The back office's Stock screen (ADR 0050): the levels page, its search, its low filter and a
   * later page, and an item's movements with who made each, read the ledger through its store-and-
   * item index and the reorder levels through their key: never a sequential scan of a growing
   * table. An item's movements join their sales and refunds by key, reading a page's worth of them,
   * not the organisation's.
   */
  /** An item of the history's catalogue, sold through the year. */
  private static final String HISTORY_ITEM = "g0000001";

  @Test
  @Order(6)
  void theStockScreenReadsThroughIndexes() throws Exception {
    String email = "stock-hot@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), "correct horse battery");
    Map<String, String> owner = new java.util.HashMap<>(officeBearer(email));
    String store = cloud.demo.storeId().toString();
    TestCloud.Reply level =
        cloud.send(
            "PUT",
            "/v1/office/stock/" + store + "/items/" + HISTORY_ITEM + "/reorder-level",
            "{\"level\":\"1000000\"}",
            owner);
    ok(level);
    assertThat(level.json().get("state").asText()).isIn("LOW", "OUT", "NEGATIVE");
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();

    String levels = "/v1/office/stock?store=" + store + "&limit=" + JOURNAL_PAGE;
    var first = cloud.send("GET", levels, null, owner);
    ok(first);
    assertThat(first.json().get("levels").size()).isEqualTo(JOURNAL_PAGE);
    var low = cloud.send("GET", levels + "&low=true", null, owner);
    ok(low);
    assertThat(low.json().get("levels").get(0).get("itemId").asText()).isEqualTo(HISTORY_ITEM);
    List<String> queries =
        List.of(
            "&after=" + first.json().get("next").asText(),
            "&q=bread",
            "&q=4820000191357",
            "&q=%D0%A5%D0%BB%D1%96%D0%B1",
            "&low=true&q=" + HISTORY_ITEM);
    for (String q : queries) {
      var r = cloud.send("GET", levels + q, null, owner);
      ok(r);
      assertThat(r.json().get("levels").size()).as(q).isPositive();
    }
    Map<String, Long> readMoves = indexEntriesRead();
    String moves =
        "/v1/office/stock/" + store + "/items/" + HISTORY_ITEM + "/movements?limit=" + JOURNAL_PAGE;
    var newest = cloud.send("GET", moves, null, owner);
    ok(newest);
    assertThat(newest.json().get("movements").size()).isEqualTo(JOURNAL_PAGE);
    ok(cloud.send("GET", moves + "&before=" + newest.json().get("next").asText(), null, owner));

    evictConnections();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Long> scanned = growingScannedSince(before);
              assertThat(
                      indexEntriesRead().get("stock_movement")
                          - readBefore.getOrDefault("stock_movement", 0L))
                  .as("the screen's counts arrived")
                  .isGreaterThanOrEqualTo(JOURNAL_PAGE);
              assertThat(scanned)
                  .as(
                      "sequential scans of growing tables by the Stock screen (per index: %s)",
                      since(perIndexBefore, perIndex()))
                  .isEmpty();
            });
    Map<String, Long> after = indexEntriesRead();
    for (String table : List.of("sale", "refund")) {
      assertThat(after.getOrDefault(table, 0L) - readMoves.getOrDefault(table, 0L))
          .as(
              "%s rows two pages of movements read, with %,d sales of history",
              table, HISTORY_SALES)
          .isLessThanOrEqualTo(2L * JOURNAL_PAGE * 2);
    }
  }

  /** A party of two added to the waitlist by the host (which quotes its wait); its id. */
  private static String waiting(String name) {
    String party = UUID.randomUUID().toString();
    ok(
        cloud.post(
            host,
            "/v1/waitlist",
            party,
            "{\"id\":\"" + party + "\",\"name\":\"" + name + "\",\"size\":2}"));
    return party;
  }

  /** Opens a shift on the demo till now. */
  private static UUID shift() {
    UUID id = UUID.randomUUID();
    TestCloud.Reply r =
        cloud.post(
            cashier,
            "/v1/shifts",
            id.toString(),
            "{\"id\":\""
                + id
                + "\",\"openingFloat\":0,\"at\":\""
                + java.time.Instant.now()
                + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  private static SaleRequest sell(long sequence) {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), SEQUENCE + sequence, "tok_approve");
    TestCloud.Reply r = cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return sale;
  }

  /**
   * The customer's receipt page and its JSON (ADR 0041) read one sale's rows by its token through
   * indexes: its lines, taxes, tenders and refunds, its items by key, never the history.
   */
  @Test
  @Order(7)
  void theCustomersReceiptReadsOneSale() throws Exception {
    List<String> tokens =
        List.of(
            HistorySeed.token(history, 0),
            HistorySeed.token(history, HISTORY_SALES / 2),
            HistorySeed.token(history, HISTORY_SALES - 1));
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();
    for (String token : tokens) {
      var page = cloud.send("GET", "/r/" + token, null, Map.of());
      ok(page);
      assertThat(page.body()).contains("<html");
      var json = cloud.send("GET", "/v1/receipts/" + token, null, Map.of());
      ok(json);
      assertThat(json.json().get("token").asText()).isEqualTo(token);
      assertThat(json.json().get("lines").size()).isPositive();
    }
    evictConnections();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(indexEntriesRead().get("sale") - readBefore.getOrDefault("sale", 0L))
                  .as("the receipts' counts arrived")
                  .isGreaterThanOrEqualTo(tokens.size() * 2L);
              assertThat(growingScannedSince(before))
                  .as("sequential scans of growing tables")
                  .isEmpty();
            });
    Map<String, Long> read = indexEntriesRead();
    for (String table : List.of("sale", "sale_line", "sale_tax", "tender", "refund", "item")) {
      assertThat(read.getOrDefault(table, 0L) - readBefore.getOrDefault(table, 0L))
          .as(
              "%s rows read by %d receipts with %,d sales of history (per index: %s)",
              table, tokens.size() * 2, HISTORY_SALES, since(perIndexBefore, perIndex()))
          .isLessThan(tokens.size() * 2L * 20);
    }
  }

  /** Kitchen tickets a store sent, bumped and left behind before the test: weeks of a kitchen. */
  private static final int KITCHEN_HISTORY = 20_000;

  /**
   * The kitchen (issue 23) on a store with weeks of bumped tickets behind it: a check sent to two
   * stations, the kitchen screen read, a line and a ticket bumped and recalled, and a waitlist
   * quote that asks which tables the kitchen is done with read today's tickets and bumps through
   * indexes, never the kitchen's history.
   */
  @Test
  @Order(8)
  void theKitchenReadsTodaysTicketsNotItsHistory() throws Exception {
    UUID org = cloud.demo.organisationId();
    UUID store = cloud.demo.storeId();
    UUID area = UUID.randomUUID();
    ok(
        cloud.send(
            "PUT", "/v1/floor/areas/" + area, "{\"name\":\"Кухня\",\"position\":9}", manager));
    KitchenOrders orders = new KitchenOrders(cloud, area, host, manager);
    KitchenScreen screen = cloud.services.app().screens().kitchen();
    // History: orders sent and bumped whole, moved back a day, and copied back over the weeks
    // before it (tickets, their sends and their bumps), as a kitchen's log and bumps pile up.
    for (int i = 0; i < 3; i++) {
      KitchenOrders.Sent old = orders.order("Іст" + i, 1);
      assertThat(screen.bump(org, store, old.hotTicket(), null, cloud.demo.managerId())).isTrue();
      assertThat(screen.bump(org, store, old.barTicket(), null, cloud.demo.managerId())).isTrue();
    }
    cloud
        .database
        .jdbi()
        .useHandle(
            h -> {
              h.execute("update floor_event set at = at - interval '1 day'");
              h.execute("update kitchen_send set sent_at = sent_at - interval '1 day'");
              h.execute("update kitchen_bump set bumped_at = bumped_at - interval '1 day'");
              int copies = KITCHEN_HISTORY / 6;
              h.createUpdate(
                      "insert into kitchen_bump (organisation_id, store_id, ticket_id, line_id,"
                          + " station_id, bumped_at, bumped_by) select organisation_id, store_id,"
                          + " gen_random_uuid(), line_id, station_id,"
                          + " bumped_at - make_interval(hours => g), bumped_by"
                          + " from kitchen_bump, generate_series(1, :copies) g order by g desc")
                  .bind("copies", copies)
                  .execute();
              h.createUpdate(
                      "insert into floor_event (organisation_id, store_id, id, at, body)"
                          + " select e.organisation_id, e.store_id, s.last_event + row_number()"
                          + " over (order by g, e.id), e.at - make_interval(hours => g), e.body"
                          + " from floor_event e join floor_stream s on s.organisation_id ="
                          + " e.organisation_id and s.store_id = e.store_id,"
                          + " generate_series(1, :copies) g"
                          + " where e.body->>'kind' = 'KITCHEN_TICKET'")
                  .bind("copies", copies)
                  .execute();
              h.execute(
                  "update floor_stream s set last_event = (select max(id) from floor_event e"
                      + " where e.organisation_id = s.organisation_id and e.store_id = s.store_id)");
              h.execute("analyze kitchen_bump");
              h.execute("analyze floor_event");
            });
    String kitchen = cloud.officeCookie(cloud.officeAccount(org, "kitchen", List.of()));
    evictConnections();
    Map<String, Long> before = seqScans();
    Map<String, Long> readBefore = indexEntriesRead();
    Map<String, Long> perIndexBefore = perIndex();

    KitchenOrders.Sent now = orders.order("Сьогодні", 2);
    for (String station : List.of("hot", "bar")) {
      var page =
          cloud.officePage("/office/kitchen?store=" + store + "&station=" + station, kitchen);
      assertThat(page.statusCode()).isEqualTo(200);
      UUID ticket = "hot".equals(station) ? now.hotTicket() : now.barTicket();
      assertThat(page.body()).contains("data-ticket=\"" + ticket + "\"");
    }
    assertThat(screen.board(org, store, "hot").orElseThrow().cards()).hasSize(1);
    assertThat(screen.bump(org, store, now.hotTicket(), now.soup(), cloud.demo.managerId()))
        .isTrue();
    assertThat(screen.bump(org, store, now.barTicket(), null, cloud.demo.managerId())).isTrue();
    assertThat(screen.recall(org, store, now.barTicket())).isTrue();
    assertThat(screen.bump(org, store, now.barTicket(), null, cloud.demo.managerId())).isTrue();
    assertThat(screen.bump(org, store, now.hotTicket(), null, cloud.demo.managerId())).isTrue();
    waiting("Мельник");

    evictConnections();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(
                      indexEntriesRead().getOrDefault("kitchen_bump", 0L)
                          - readBefore.getOrDefault("kitchen_bump", 0L))
                  .as("the kitchen's counts arrived")
                  .isPositive();
              assertThat(growingScannedSince(before))
                  .as(
                      "sequential scans of growing tables by the kitchen (per index: %s)",
                      since(perIndexBefore, perIndex()))
                  .isEmpty();
            });
    Map<String, Long> read = indexEntriesRead();
    for (String table : List.of("kitchen_bump", "kitchen_send", "floor_event")) {
      assertThat(read.getOrDefault(table, 0L) - readBefore.getOrDefault(table, 0L))
          .as(
              "%s rows read by the kitchen's paths with %,d tickets of history (per index: %s)",
              table, KITCHEN_HISTORY, since(perIndexBefore, perIndex()))
          .isLessThan(KITCHEN_HISTORY / 10);
    }
  }

  /**
   * Closes the pool's connections as they come back: the next ones plan afresh (with the database's
   * settings) and report their statistics.
   */
  private static void evictConnections() {
    ((HikariDataSource) cloud.database.dataSource()).getHikariPoolMXBean().softEvictConnections();
  }

  /** The growing tables scanned sequentially since {@code before} (from {@link #seqScans}). */
  private static Map<String, Long> growingScannedSince(Map<String, Long> before) {
    Map<String, Long> scanned = new TreeMap<>();
    seqScans()
        .forEach(
            (table, n) -> {
              long more = n - before.getOrDefault(table, 0L);
              if (more > 0 && GROWING.contains(table)) {
                scanned.put(table, more);
              }
            });
    return scanned;
  }

  private static void ok(TestCloud.Reply r) {
    assertThat(r.status()).as(r.body()).isBetween(200, 204);
  }

  private static Map<String, Long> seqScans() {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h -> {
              Map<String, Long> out = new TreeMap<>();
              h.createQuery("select relname, seq_scan from pg_stat_user_tables")
                  .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                  .forEach(e -> out.put(e.getKey(), e.getValue()));
              return out;
            });
  }

  /** What each index read between two counts, where it read anything. */
  private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> out = new TreeMap<>();
    after.forEach(
        (index, n) -> {
          long more = n - before.getOrDefault(index, 0L);
          if (more > 0) {
            out.put(index, more);
          }
        });
    return out;
  }

  /** Index entries read so far per index, for a failure's message. */
  private static Map<String, Long> perIndex() {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h -> {
              Map<String, Long> out = new TreeMap<>();
              h.createQuery(
                      "select indexrelname, idx_tup_read from pg_stat_user_indexes"
                          + " where idx_tup_read > 0")
                  .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                  .forEach(e -> out.put(e.getKey(), e.getValue()));
              return out;
            });
  }

  /** Index entries returned by scans of each table's indexes, summed per table. */
  private static Map<String, Long> indexEntriesRead() {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h -> {
              Map<String, Long> out = new TreeMap<>();
              h.createQuery(
                      "select relname, sum(idx_tup_read)::bigint from pg_stat_user_indexes"
                          + " group by relname")
                  .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                  .forEach(e -> out.put(e.getKey(), e.getValue()));
              return out;
            });
  }

  private static long indexScans(String table) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select coalesce(idx_scan, 0) from pg_stat_user_tables where relname = :t")
                    .bind("t", table)
                    .mapTo(Long.class)
                    .one());
  }
}
