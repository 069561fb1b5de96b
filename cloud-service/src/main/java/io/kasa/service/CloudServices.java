package io.kasa.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.auth.PinHasher;
import io.kasa.service.accounts.OfficeAccounts;
import io.kasa.service.accounts.OfficeSignIn;
import io.kasa.service.accounts.Passwords;
import io.kasa.service.admin.AdminService;
import io.kasa.service.auth.AuthService;
import io.kasa.service.catalog.CatalogService;
import io.kasa.service.db.Database;
import io.kasa.service.db.Invalidations;
import io.kasa.service.floor.CheckService;
import io.kasa.service.floor.FloorEvents;
import io.kasa.service.floor.FloorService;
import io.kasa.service.floor.KitchenStations;
import io.kasa.service.floor.KitchenTickets;
import io.kasa.service.floor.WaitlistService;
import io.kasa.service.http.CloudApp;
import io.kasa.service.http.Json;
import io.kasa.service.office.Office;
import io.kasa.service.office.OfficeServices;
import io.kasa.service.sales.PaymentProcessor;
import io.kasa.service.sales.PostVoidService;
import io.kasa.service.sales.RefundService;
import io.kasa.service.sales.SalesService;
import io.kasa.service.sales.TodayFigures;
import io.kasa.service.shifts.ShiftService;
import io.kasa.service.staff.Staff;
import io.kasa.service.staff.StaffChanges;
import io.kasa.service.staff.StaffRoster;
import io.kasa.service.stock.StockService;
import io.kasa.service.terminals.TerminalFeed;
import io.kasa.service.terminals.TerminalService;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** Wires the service's parts together over one database. */
public final class CloudServices implements AutoCloseable {

  private final CloudApp.Services app;
  private final AdminService admin;
  private final FloorEvents floorEvents;
  private final TerminalFeed terminalFeed;
  private final SalesService sales;
  private final Invalidations invalidations;
  private final OfficeAccounts officeAccounts;
  private final OfficeSignIn officeSignIn;

  public CloudServices(
      Database database,
      PaymentProcessor processor,
      PinHasher pins,
      String metricsToken,
      Clock clock) {
    ObjectMapper json = Json.mapper();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    database.instrument(metrics);
    this.invalidations = new Invalidations(database);
    io.micrometer.core.instrument.Gauge.builder(
            "kasa_cache_trusted", invalidations, i -> i.trusted() ? 1 : 0)
        .description(
            "1 while the change listener is connected and caching is on, 0 while every request"
                + " reads the database (ADR 0016)")
        .register(metrics);
    AuthService auth =
        new AuthService(database.jdbi(), database.dataSource(), invalidations, clock);
    this.floorEvents = new FloorEvents(database);
    this.terminalFeed = new TerminalFeed(database);
    io.micrometer.core.instrument.Gauge.builder(
            "kasa_terminal_feed_streams", terminalFeed, TerminalFeed::streams)
        .description("Open change streams (tills hearing of catalogue, staff and store changes)")
        .register(metrics);
    DistributionSummary batches =
        DistributionSummary.builder("kasa_sale_batch_size")
            .description("Sales written by one statement (group commit)")
            .register(metrics);
    this.sales =
        new SalesService(
            database.jdbi(),
            database.dataSource(),
            // Batches in flight at once (ADR 0015), leaving half the pool to everything else.
            Math.max(2, database.poolSize() / 2),
            invalidations,
            processor,
            json,
            clock,
            batches::record);
    io.micrometer.core.instrument.Gauge.builder(
            "kasa_floor_streams", floorEvents, FloorEvents::streams)
        .description("Open floor event streams (host stands following the floor)")
        .register(metrics);
    // The back office's accounts (ADR 0040), their passwords hashed as slowly as PINs are.
    this.officeAccounts =
        new OfficeAccounts(database.jdbi(), new Passwords(pins.iterations()), clock);
    this.officeSignIn =
        new OfficeSignIn(database.jdbi(), new Passwords(pins.iterations()), clock, officeAccounts);
    // The staff screen's and routes' reads and changes (ADR 0044).
    Staff staff =
        new Staff(
            new StaffRoster(database.jdbi()),
            new StaffChanges(database.jdbi(), pins, invalidations::changed));
    io.kasa.service.sales.PublicReceipts receipts =
        new io.kasa.service.sales.PublicReceipts(database.jdbi(), json);
    TerminalService terminals =
        new TerminalService(database.jdbi(), clock, terminalFeed, invalidations::changed);
    // The admin commands' writers: the Stores screen changes stores through them (ADR 0051).
    this.admin = new AdminService(database.jdbi(), pins, clock, invalidations::changed);
    // The back office's screens, built once: their pages and their /v1 routes share them.
    OfficeServices screens =
        new OfficeServices(
            new TodayFigures(database.jdbi(), clock),
            new io.kasa.service.sales.SalesJournal(database.jdbi(), receipts),
            new io.kasa.service.catalog.CatalogOffice(database.jdbi()),
            staff,
            terminals.directory(),
            new io.kasa.service.shifts.ShiftJournal(database.jdbi(), json, clock),
            new io.kasa.service.audit.AuditJournal(database.jdbi()),
            new io.kasa.service.stock.StockOffice(database.jdbi()),
            new io.kasa.service.admin.StoreOffice(database.jdbi(), admin, clock),
            new io.kasa.service.catalog.QuickKeysOffice(database.jdbi()),
            new io.kasa.service.floor.KitchenScreen(database.jdbi(), clock, floorEvents));
    this.app =
        new CloudApp.Services(
            database,
            auth,
            sales,
            new CatalogService(database.jdbi()),
            new RefundService(database.jdbi(), auth, processor, json, clock),
            new PostVoidService(database.jdbi(), auth, processor, json, clock),
            new ShiftService(database.jdbi(), auth, json, clock),
            terminals,
            new CloudApp.Floor(
                new FloorService(database.jdbi(), clock),
                new WaitlistService(database.jdbi(), clock),
                new CheckService(database.jdbi(), clock),
                floorEvents,
                new KitchenTickets(database.jdbi(), clock),
                new KitchenStations(database.jdbi())),
            new StockService(database.jdbi()),
            receipts,
            new Office(officeAccounts, officeSignIn, screens),
            officeSignIn,
            screens,
            json,
            metrics,
            metricsToken);
  }

  /** The back office's accounts. */
  public OfficeAccounts officeAccounts() {
    return officeAccounts;
  }

  /** Signing in to the back office. */
  public OfficeSignIn officeSignIn() {
    return officeSignIn;
  }

  public CloudApp.Services app() {
    return app;
  }

  public AdminService admin() {
    return admin;
  }

  /** What tells the caches a row they keep has changed (ADR 0016). */
  public Invalidations invalidations() {
    return invalidations;
  }

  /**
   * Stops delivering floor events and writes the sales queued for writing (sales submitted later
   * are written by their own request threads); the database is closed by its owner.
   */
  @Override
  public void close() {
    floorEvents.close();
    terminalFeed.close();
    sales.close();
    invalidations.close();
  }
}
