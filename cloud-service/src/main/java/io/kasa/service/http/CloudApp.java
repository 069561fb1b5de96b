package io.kasa.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.kasa.api.OpenApi;
import io.kasa.service.accounts.OfficeSignIn;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.catalog.CatalogService;
import io.kasa.service.db.Database;
import io.kasa.service.floor.CheckService;
import io.kasa.service.floor.FloorEvents;
import io.kasa.service.floor.FloorService;
import io.kasa.service.floor.KitchenStations;
import io.kasa.service.floor.KitchenTickets;
import io.kasa.service.floor.WaitlistService;
import io.kasa.service.office.Office;
import io.kasa.service.office.Page;
import io.kasa.service.sales.PostVoidService;
import io.kasa.service.sales.RefundService;
import io.kasa.service.sales.SalesService;
import io.kasa.service.shifts.ShiftService;
import io.kasa.service.stock.StockService;
import io.kasa.service.terminals.TerminalService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application factory: takes its dependencies and returns a configured Javalin, so tests start
 * the real application on a random port. Handlers only parse, call a service and write.
 */
public final class CloudApp {

  /** Largest request body accepted; a sale of 1,000 lines fits easily. */
  public static final long MAX_REQUEST_BYTES = 1_000_000;

  /** How long a client has to send a request's line and headers, from their first byte. */
  public static final Duration HEAD_DEADLINE = Duration.ofSeconds(10);

  /**
   * What the application needs.
   *
   * @param database the database
   * @param auth authentication
   * @param sales sales
   * @param catalog catalogue sync
   * @param refunds refunds
   * @param voids post-voids
   * @param shifts shifts and cash
   * @param terminals terminal configuration, reported events and device backups
   * @param floor the host stand
   * @param stock the stores' stock for the back office
   * @param receipts the customers' receipts by token (ADR 0041)
   * @param office the back office's pages and assets (not API routes: ADR 0039)
   * @param officeSignIn the back office's sign-in, for its documented routes (ADR 0040)
   * @param screens the back office's screens' reads and changes, for their documented routes
   * @param json the JSON mapper
   * @param metrics the Prometheus registry
   * @param metricsToken the bearer token that may read /metrics, or null to refuse everyone
   */
  public record Services(
      Database database,
      AuthService auth,
      SalesService sales,
      CatalogService catalog,
      RefundService refunds,
      PostVoidService voids,
      ShiftService shifts,
      TerminalService terminals,
      Floor floor,
      StockService stock,
      io.kasa.service.sales.PublicReceipts receipts,
      Office office,
      OfficeSignIn officeSignIn,
      io.kasa.service.office.OfficeServices screens,
      ObjectMapper json,
      PrometheusMeterRegistry metrics,
      String metricsToken) {}

  /**
   * The host stand's parts.
   *
   * @param plan the floor plan, seating and clearing
   * @param waitlist the waitlist and reservations
   * @param checks checks on tables
   * @param events the floor's event stream
   * @param kitchen sending checks to the kitchen (ADR 0053)
   * @param stations the store's kitchen stations and routes
   */
  public record Floor(
      FloorService plan,
      WaitlistService waitlist,
      CheckService checks,
      FloorEvents events,
      KitchenTickets kitchen,
      KitchenStations stations) {}

  private static final Logger ACCESS = LoggerFactory.getLogger("io.kasa.service.access");

  private final Services s;
  private final Contract contract;

  private CloudApp(Services services) {
    this.s = services;
    this.contract = Contract.of(OpenApi.json(), services.json());
  }

  /** The routes of the API, as registered. */
  public static List<Route> routes(Services services) {
    return new CloudApp(services).routeTable();
  }

  /**
   * TLS for the service's own HTTPS listener.
   *
   * @param port the HTTPS port (0 for any free port)
   * @param keystore a PKCS12 or JKS key store holding the certificate and key
   * @param password its password
   */
  public record Tls(int port, java.nio.file.Path keystore, String password) {}

  public static Javalin create(Services services) {
    return create(services, null);
  }

  /** The application; with {@code tls} it also listens for HTTPS. */
  public static Javalin create(Services services, Tls tls) {
    return create(services, tls, HEAD_DEADLINE);
  }

  /**
   * The application, giving clients {@code headDeadline} to send a request's line and headers
   * (tests shorten it).
   */
  public static Javalin create(Services services, Tls tls, Duration headDeadline) {
    CloudApp app = new CloudApp(services);
    Counter headTimeouts =
        Counter.builder("kasa_http_head_timeouts")
            .description("Connections closed for sending a request head too slowly")
            .register(services.metrics());
    List<Route> routes = app.routeTable();
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(services.json(), false));
          config.http.maxRequestSize = MAX_REQUEST_BYTES;
          // Jetty hands back a header value it parsed earlier on the same connection when a new one
          // equals it ignoring case: a token differing only in case would pass for the earlier one.
          config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
          config.jetty.modifyServer(
              server -> {
                server.setStopTimeout(Duration.ofSeconds(20).toMillis());
                server.setErrorHandler(new JettyProblems());
                HeadDeadline.install(server, headDeadline, headTimeouts::increment);
              });
          config.requestLogger.http(
              (ctx, ms) -> {
                String route = routeOf(ctx);
                Timer.builder("kasa_http_requests")
                    .tag("method", ctx.method().name())
                    .tag("route", route)
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .register(services.metrics())
                    .record(Duration.ofNanos((long) (ms * 1_000_000)));
                accessLog(ctx, route, ms);
              });
          if (tls != null) {
            config.jetty.addConnector(
                (server, http) -> {
                  SslContextFactory.Server ssl = new SslContextFactory.Server();
                  ssl.setKeyStorePath(tls.keystore().toString());
                  ssl.setKeyStorePassword(tls.password());
                  http.addCustomizer(new SecureRequestCustomizer());
                  ServerConnector https =
                      new ServerConnector(server, ssl, new HttpConnectionFactory(http));
                  https.setPort(tls.port());
                  return https;
                });
          }
          Problems.install(config, services.json());
          config.routes.before(Office::secureHeaders);
          for (Route r : routes) {
            config.routes.addHttpHandler(r.method(), r.path(), r.handler());
          }
          // The customer's receipt page and the back office's pages: beside the API's routes, not
          // among them (ADR 0039, 0041).
          for (Page p : services.office().receiptPage().pages(services.receipts())) {
            config.routes.addHttpHandler(p.method(), p.path(), p.handler());
          }
          for (Page p : services.office().pages()) {
            config.routes.addHttpHandler(p.method(), p.path(), p.handler());
          }
          MethodNotAllowed.install(config, services.json(), routes);
        });
  }

  /**
   * One structured line per request: method, route template, status, milliseconds and, once
   * authenticated, organisation, terminal and employee ids. Never headers, bodies or query strings:
   * they carry credentials, PINs and customers' data.
   */
  private static void accessLog(Context ctx, String route, float ms) {
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    Principal who = ctx.attribute(Requests.PRINCIPAL);
    var event =
        ACCESS
            .atInfo()
            .addKeyValue("method", ctx.method().name())
            .addKeyValue("route", route)
            .addKeyValue("status", ctx.statusCode())
            .addKeyValue("ms", String.format(java.util.Locale.ROOT, "%.1f", ms));
    if (who != null) {
      event =
          event
              .addKeyValue("org", who.organisationId())
              .addKeyValue("terminal", who.terminalId())
              .addKeyValue("employee", who.employeeId());
    }
    event.log("request");
  }

  /**
   * The matched route, or "unmatched" (Javalin throws when asked for an endpoint that none
   * matched).
   */
  private static String routeOf(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (NoSuchElementException e) {
      return "unmatched";
    }
  }

  /** Every area's routes, in one table: what the application registers and the contract checks. */
  private List<Route> routeTable() {
    Requests req = new Requests(s.auth(), contract, s.terminals().contacts());
    List<Route> all = new ArrayList<>();
    all.addAll(new OperationsRoutes(req, s.database(), s.metrics(), s.metricsToken()).routes());
    all.addAll(new TerminalRoutes(req, s.auth(), s.catalog(), s.terminals()).routes());
    all.addAll(new SalesRoutes(req, s.sales(), s.refunds(), s.voids(), s.metrics()).routes());
    all.addAll(new ShiftRoutes(req, s.shifts()).routes());
    all.addAll(new FloorRoutes(req, s.database(), s.floor()).routes());
    all.addAll(new KitchenApiRoutes(req, s.database(), s.floor()).routes());
    all.addAll(new StockRoutes(req, s.stock()).routes());
    all.addAll(new ReceiptRoutes(s.receipts(), s.json()).routes());
    OfficeCaller office = new OfficeCaller(s.officeSignIn(), contract);
    all.addAll(new OfficeApiRoutes(req, s.officeSignIn(), office).routes());
    // Each back-office area's documented routes (ADR 0039): one line per area.
    all.addAll(new StaffOfficeRoutes(req, office, s.screens().staff()).routes());
    all.addAll(new TodayOfficeRoutes(office, s.screens().today()).routes());
    all.addAll(new SalesOfficeRoutes(office, s.screens().sales()).routes());
    all.addAll(new TerminalsOfficeRoutes(req, office, s.screens().terminals()).routes());
    all.addAll(new CatalogueOfficeRoutes(req, s.screens().catalogue(), office).routes());
    all.addAll(new ShiftsOfficeRoutes(office, s.screens().shifts()).routes());
    all.addAll(new AuditOfficeRoutes(office, s.screens().audit()).routes());
    all.addAll(new StockOfficeRoutes(req, office, s.screens().stock()).routes());
    all.addAll(new StoreOfficeRoutes(req, office, s.screens().stores()).routes());
    all.addAll(new QuickKeysOfficeRoutes(req, office, s.screens().quickKeys()).routes());
    return List.copyOf(all);
  }
}
