package io.kasa.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.kasa.api.auth.PinHasher;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.CloudServices;
import io.kasa.service.admin.AdminService;
import io.kasa.service.admin.DemoData;
import io.kasa.service.db.Database;
import io.kasa.service.http.CloudApp;
import io.kasa.service.http.Json;
import io.kasa.service.sales.TestPaymentProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * One side of {@link ServiceScaleBench}: the service on its own embedded PostgreSQL, a store, and
 * one of its terminals enrolled over HTTP with a cashier and a manager signed in.
 */
final class ScaleSide implements AutoCloseable {

  static final Currency UAH = Currency.getInstance("UAH");

  /** What the large database holds, kept beside it so that a later run can reuse it. */
  private static final String SEEDED = "seeded.properties";

  /** What the seed writes, in versions: 2 gives every seeded sale its receipt token. */
  private static final String SEED_FORMAT = "2";

  private final Database db;
  private final CloudServices services;
  private final Javalin app;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final UUID org;
  private final UUID store;
  private final HistorySeed.Target history;
  private String terminal;
  private String cashier;
  private String manager;
  private UUID terminalId;
  private String prefix;
  private long sequence;
  private UUID shift;
  /** The sales this run made here, for the fresh side's look-ups. */
  private final List<SaleRequest> made = new ArrayList<>();

  private ScaleSide(Database db, CloudServices services, UUID org, UUID store, HistorySeed.Target history) {
    this.db = db;
    this.services = services;
    this.org = org;
    this.store = store;
    this.history = history;
    this.app = CloudApp.create(services.app()).start(0);
    this.base = "http://127.0.0.1:" + app.port();
  }

  private static CloudServices services(Database db) {
    return new CloudServices(db, new TestPaymentProcessor(), new PinHasher(10_000), null, Clock.systemUTC());
  }

  /** The demo organisation on a new database, its terminal T1. */
  static ScaleSide fresh(Path dir) throws Exception {
    Database db = Database.embedded(dir, Database.defaultPoolSize());
    CloudServices services = services(db);
    DemoData.Seeded demo = DemoData.seed(services.admin());
    ScaleSide s = new ScaleSide(db, services, demo.organisationId(), demo.storeId(), null);
    s.enroll(demo.terminal().terminalId(), demo.terminal().enrollmentCode(), demo.cashierId(), demo.managerId());
    return s;
  }

  /**
   * The demo organisation with a year of history on its terminals P01…, seeded unless the folder
   * holds it already; its terminal P01 (with that history) is enrolled again.
   */
  static ScaleSide large(Path dir) throws Exception {
    Path seeded = dir.resolve(SEEDED);
    Properties p = new Properties();
    boolean reuse = false;
    if (Files.exists(seeded)) {
      try (InputStream in = Files.newInputStream(seeded)) {
        p.load(in);
      }
      reuse =
          SEED_FORMAT.equals(p.getProperty("format"))
              && Integer.parseInt(p.getProperty("sales")) == ServiceScaleBench.SALES
              && Integer.parseInt(p.getProperty("items")) == ServiceScaleBench.ITEMS
              && Integer.parseInt(p.getProperty("terminals")) == ServiceScaleBench.TERMINALS
              && Integer.parseInt(p.getProperty("days")) == ServiceScaleBench.DAYS;
      if (!reuse) {
        ServiceScaleBench.delete(dir);
      }
    }
    Database db = Database.embedded(dir, Database.defaultPoolSize());
    CloudServices services = services(db);
    AdminService admin = services.admin();
    UUID org;
    UUID store;
    UUID cashier;
    UUID manager;
    if (reuse) {
      org = UUID.fromString(p.getProperty("organisation"));
      store = UUID.fromString(p.getProperty("store"));
      cashier = UUID.fromString(p.getProperty("cashier"));
      manager = UUID.fromString(p.getProperty("manager"));
      ServiceScaleBench.report("large database: reusing %s (%s sales)", dir, p.getProperty("sales"));
    } else {
      DemoData.Seeded demo = DemoData.seed(admin);
      org = demo.organisationId();
      store = demo.storeId();
      cashier = demo.cashierId();
      manager = demo.managerId();
      for (int t = 1; t <= ServiceScaleBench.TERMINALS; t++) {
        admin.createTerminal(org, store, code(t), "Каса " + t);
      }
    }
    List<UUID> ids = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int t = 1; t <= ServiceScaleBench.TERMINALS; t++) {
      String code = code(t);
      codes.add(code);
      ids.add(
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select id from terminal where organisation_id = :org and store_id = :store and code = :code")
                          .bind("org", org)
                          .bind("store", store)
                          .bind("code", code)
                          .mapTo(UUID.class)
                          .one()));
    }
    HistorySeed.Target target =
        new HistorySeed.Target(
            org, store, "K1", ids, codes, cashier, manager, ServiceScaleBench.SALES,
            ServiceScaleBench.ITEMS, ServiceScaleBench.DAYS);
    ScaleSide s = new ScaleSide(db, services, org, store, target);
    AdminService.NewTerminal p01 = admin.replaceTerminal(org, store, code(1));
    s.enroll(p01.terminalId(), p01.enrollmentCode(), cashier, manager);
    if (!reuse) {
      // The seeded shifts keep a real Z report: this terminal's first shift, opened and closed.
      s.openShift();
      UUID first = s.shift;
      s.closeShift();
      String z =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select z_report::text from shift where organisation_id = :org and id = :id")
                          .bind("org", org)
                          .bind("id", first)
                          .mapTo(String.class)
                          .one());
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate("delete from shift where organisation_id = :org and id = :id")
                      .bind("org", org)
                      .bind("id", first)
                      .execute());
      HistorySeed.seed(db.dataSource(), target, z, Integer.getInteger("bench.seed.threads", 2));
      db.jdbi().useHandle(h -> h.execute("checkpoint"));
      p.setProperty("format", SEED_FORMAT);
      p.setProperty("organisation", org.toString());
      p.setProperty("store", store.toString());
      p.setProperty("cashier", cashier.toString());
      p.setProperty("manager", manager.toString());
      p.setProperty("sales", Integer.toString(ServiceScaleBench.SALES));
      p.setProperty("items", Integer.toString(ServiceScaleBench.ITEMS));
      p.setProperty("terminals", Integer.toString(ServiceScaleBench.TERMINALS));
      p.setProperty("days", Integer.toString(ServiceScaleBench.DAYS));
      try (OutputStream out = Files.newOutputStream(seeded)) {
        p.store(out, "ServiceScaleBench's large database");
      }
    }
    s.sequence = s.lastSequence();
    return s;
  }

  private static String code(int t) {
    return String.format(Locale.ROOT, "P%02d", t);
  }

  private void enroll(UUID id, String code, UUID cashierId, UUID managerId) throws Exception {
    JsonNode enrolled = json(send("POST", "/v1/terminals/enroll", "{\"code\":\"" + code + "\"}", null, null, null));
    terminal = "Bearer " + enrolled.get("credential").asText();
    cashier = signIn(cashierId, "1111");
    manager = signIn(managerId, "9999");
    terminalId = id;
    prefix =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select s.code || '-' || t.code || '-' from terminal t join store s"
                                + " on s.organisation_id = t.organisation_id and s.id = t.store_id"
                                + " where t.organisation_id = :org and t.id = :id")
                        .bind("org", org)
                        .bind("id", terminalId)
                        .mapTo(String.class)
                        .one());
  }

  private String signIn(UUID employee, String pin) throws Exception {
    return json(send("POST", "/v1/sessions", "{\"employeeId\":\"" + employee + "\",\"pin\":\"" + pin + "\"}", terminal, null, null))
        .get("token")
        .asText();
  }

  /** The highest sequence this terminal has used, on a sale or a refund. */
  private long lastSequence() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select greatest((select max(substring(receipt_number from '[0-9]+$')::bigint) from sale"
                            + " where organisation_id = :org and terminal_id = :t),"
                            + " (select max(substring(receipt_number from '[0-9]+$')::bigint) from refund"
                            + " where organisation_id = :org and terminal_id = :t), 0)")
                    .bind("org", org)
                    .bind("t", terminalId)
                    .mapTo(Long.class)
                    .one());
  }

  String nextReceipt() {
    return prefix + String.format(Locale.ROOT, "%06d", ++sequence);
  }

  /** Sells, answers the time taken. */
  long sell(SaleRequest sale) throws Exception {
    String body = Json.mapper().writeValueAsString(sale);
    long start = System.nanoTime();
    send("POST", "/v1/sales", body, terminal, cashier, sale.id().toString());
    long took = System.nanoTime() - start;
    made.add(sale);
    return took;
  }

  /** A receipt of the last 14 days. */
  String recentReceipt(Random r) {
    if (history == null) {
      return made.get(r.nextInt(made.size())).receiptNumber();
    }
    return HistorySeed.receipt(history, recent(r));
  }

  /** A receipt of any day of the year. */
  String anyReceipt(Random r) {
    if (history == null) {
      return made.get(r.nextInt(made.size())).receiptNumber();
    }
    return HistorySeed.receipt(history, r.nextInt(history.sales()));
  }

  UUID recentSaleId(Random r) {
    if (history == null) {
      return made.get(r.nextInt(made.size())).id();
    }
    return HistorySeed.saleId(history, recent(r));
  }

  /** A seeded sale of the last 14 days (of the last sixth of the history, when shorter). */
  private long recent(Random r) {
    int terminals = history.terminals().size();
    long firstRecent = (long) Math.max(0, history.days() - 14) * history.perDay() * terminals;
    if (firstRecent >= history.sales()) {
      firstRecent = history.sales() * 5L / 6;
    }
    return firstRecent + (long) (r.nextDouble() * (history.sales() - firstRecent));
  }

  void openShift() throws Exception {
    UUID id = UUID.randomUUID();
    String body = "{\"id\":\"" + id + "\",\"openingFloat\":50000,\"at\":\"" + Instant.now() + "\"}";
    send("POST", "/v1/shifts", body, terminal, cashier, id.toString());
    shift = id;
  }

  void closeShift() throws Exception {
    String body = "{\"counted\":50000,\"blind\":false,\"at\":\"" + Instant.now() + "\"}";
    send("POST", "/v1/shifts/" + shift + "/close", body, terminal, manager, null);
  }

  UUID shift() {
    return shift;
  }

  /** The catalogue's newest change: where a terminal that is up to date stands. */
  long cursor() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select coalesce(max(seq), 0) from catalog_change where organisation_id = :org")
                    .bind("org", org)
                    .mapTo(Long.class)
                    .one());
  }

  /** Where a terminal stands that missed the last 20 changes. */
  long lastChangesCursor() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select coalesce((select seq from catalog_change where organisation_id = :org"
                            + " order by seq desc offset 20 limit 1), 0)")
                    .bind("org", org)
                    .mapTo(Long.class)
                    .one());
  }

  /** Changes an item's price by 0.10 up or down, as the admin command does; answers the time. */
  long changePrice(String item, int turn) {
    long price =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select price from item where organisation_id = :org and id = :id")
                        .bind("org", org)
                        .bind("id", item)
                        .mapTo(Long.class)
                        .one());
    long start = System.nanoTime();
    services.admin().setPrice(org, item, price + (turn / 10 % 2 == 0 ? 10 : -10));
    return System.nanoTime() - start;
  }

  /** A GET or POST as this terminal's cashier, timed; a status over 299 stops the benchmark. */
  long timed(String method, String path, String body) throws Exception {
    long start = System.nanoTime();
    send(method, path, body);
    return System.nanoTime() - start;
  }

  String send(String method, String path, String body) throws Exception {
    return send(method, path, body, terminal, cashier, null);
  }

  private String send(String method, String path, String body, String auth, String session, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (session != null) {
      b.header("Kasa-Session", session);
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() > 299) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static JsonNode json(String body) throws IOException {
    return Json.mapper().readTree(body);
  }

  long seededSales() {
    return history == null ? 0 : history.sales();
  }

  long seededItems() {
    return history == null ? 0 : history.items();
  }

  /** The database's size on disk, and its largest tables. */
  String size() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select pg_size_pretty(pg_database_size(current_database())) || ' (sale '"
                            + " || pg_size_pretty(pg_total_relation_size('sale')) || ', sale_line '"
                            + " || pg_size_pretty(pg_total_relation_size('sale_line')) || ', stock_movement '"
                            + " || pg_size_pretty(pg_total_relation_size('stock_movement')) || ')'")
                    .mapTo(String.class)
                    .one());
  }

  Database database() {
    return db;
  }

  CloudServices services() {
    return services;
  }

  /** The service's address, {@code http://127.0.0.1:port}. */
  String base() {
    return base;
  }

  UUID organisation() {
    return org;
  }

  UUID store() {
    return store;
  }

  /** What was seeded, or null on the fresh side. */
  HistorySeed.Target history() {
    return history;
  }

  @Override
  public void close() {
    app.stop();
    services.close();
    db.close();
  }
}
