package io.kasa.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.javalin.json.JavalinJackson;
import io.kasa.api.Headers;
import io.kasa.api.OpenApi;
import io.kasa.api.auth.ApprovalRequest;
import io.kasa.api.auth.EnrollRequest;
import io.kasa.api.auth.SignInRequest;
import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.AreaRequest;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.MergeRequest;
import io.kasa.api.floor.MoveRequest;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.PartyStatusRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SettleRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.api.floor.TableRequest;
import io.kasa.api.floor.VersionRequest;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.VoidSaleRequest;
import io.kasa.api.shifts.CashMovementRequest;
import io.kasa.api.shifts.CloseShiftRequest;
import io.kasa.api.shifts.OpenShiftRequest;
import io.kasa.api.shifts.ShiftDto;
import io.kasa.api.stock.StockAdjustmentRequest;
import io.kasa.api.terminal.AuditEventRequest;
import io.kasa.api.terminal.DeviceSetup;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.catalog.CatalogService;
import io.kasa.service.db.Database;
import io.kasa.service.floor.CheckService;
import io.kasa.service.floor.FloorEvents;
import io.kasa.service.floor.FloorService;
import io.kasa.service.floor.WaitlistService;
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
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
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
   */
  public record Floor(
      FloorService plan, WaitlistService waitlist, CheckService checks, FloorEvents events) {}

  private static final Logger ACCESS = LoggerFactory.getLogger("io.kasa.service.access");
  private static final String PRINCIPAL = "kasa.principal";

  private final Services s;
  private final Counter salesRecorded;
  private final Contract contract;

  private CloudApp(Services services) {
    this.s = services;
    this.contract = Contract.of(OpenApi.json(), services.json());
    this.salesRecorded =
        Counter.builder("kasa_sales_recorded")
            .description("Sales recorded")
            .register(services.metrics());
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
          for (Route r : routes) {
            config.routes.addHttpHandler(r.method(), r.path(), r.handler());
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
    Principal who = ctx.attribute(PRINCIPAL);
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

  private List<Route> routeTable() {
    return List.of(
        new Route(HandlerType.GET, "/health", this::health),
        new Route(HandlerType.GET, "/metrics", this::metrics),
        new Route(
            HandlerType.GET,
            "/v1/openapi.json",
            ctx -> ctx.contentType("application/json").result(OpenApi.json())),
        new Route(HandlerType.POST, "/v1/terminals/enroll", this::enroll),
        new Route(HandlerType.POST, "/v1/sessions", this::signIn),
        new Route(HandlerType.GET, "/v1/terminal/config", this::terminalConfig),
        new Route(HandlerType.GET, "/v1/terminal/changes", this::terminalChanges),
        new Route(HandlerType.POST, "/v1/audit-events", this::auditEvent),
        new Route(HandlerType.GET, "/v1/catalog/changes", this::catalogChanges),
        new Route(HandlerType.DELETE, "/v1/sessions/current", this::signOut),
        new Route(HandlerType.POST, "/v1/approvals", this::approve),
        new Route(HandlerType.POST, "/v1/sales", this::submitSale),
        new Route(HandlerType.POST, "/v1/card-authorisations", this::authoriseCard),
        new Route(HandlerType.GET, "/v1/offline-cards/declined", this::declinedCards),
        new Route(HandlerType.GET, "/v1/sales", this::saleByReceipt),
        new Route(HandlerType.GET, "/v1/sales/{id}", this::getSale),
        new Route(HandlerType.GET, "/v1/sales/{id}/return", this::saleForReturn),
        new Route(HandlerType.POST, "/v1/sales/{id}/void", this::voidSale),
        new Route(HandlerType.POST, "/v1/refunds", this::submitRefund),
        new Route(HandlerType.POST, "/v1/shifts", this::openShift),
        new Route(HandlerType.POST, "/v1/shifts/{id}/cash-movements", this::cashMovement),
        new Route(HandlerType.POST, "/v1/shifts/{id}/close", this::closeShift),
        new Route(HandlerType.GET, "/v1/shifts/{id}/report", this::shiftReport),
        new Route(HandlerType.GET, "/v1/terminal/devices", this::devices),
        new Route(HandlerType.PUT, "/v1/terminal/devices", this::backUpDevices),
        new Route(HandlerType.GET, "/v1/floor", this::floor),
        new Route(HandlerType.GET, "/v1/floor/events", this::floorEvents),
        new Route(HandlerType.PUT, "/v1/floor/areas/{id}", this::putArea),
        new Route(HandlerType.PUT, "/v1/floor/tables/{id}", this::putTable),
        new Route(HandlerType.DELETE, "/v1/floor/tables/{id}", this::removeTable),
        new Route(HandlerType.POST, "/v1/floor/tables/{id}/seat", this::seat),
        new Route(HandlerType.POST, "/v1/floor/tables/{id}/clear", this::clearTable),
        new Route(HandlerType.POST, "/v1/waitlist", this::addParty),
        new Route(HandlerType.POST, "/v1/waitlist/{id}/status", this::partyStatus),
        new Route(HandlerType.POST, "/v1/checks/{id}/lines", this::addCheckLine),
        new Route(HandlerType.DELETE, "/v1/checks/{id}/lines/{line}", this::removeCheckLine),
        new Route(HandlerType.POST, "/v1/checks/{id}/move", this::moveCheck),
        new Route(HandlerType.POST, "/v1/checks/{id}/merge", this::mergeCheck),
        new Route(HandlerType.POST, "/v1/checks/{id}/split", this::splitCheck),
        new Route(HandlerType.POST, "/v1/checks/{id}/prebill", this::prebill),
        new Route(HandlerType.POST, "/v1/checks/{id}/settle", this::settleCheck),
        new Route(HandlerType.GET, "/v1/stores/{id}/stock", this::stock),
        new Route(
            HandlerType.GET, "/v1/stores/{id}/stock/{itemId}/movements", this::stockMovements),
        new Route(HandlerType.POST, "/v1/stores/{id}/stock/adjustments", this::adjustStock));
  }

  private void health(Context ctx) {
    boolean db = s.database().healthy();
    ctx.status(db ? 200 : 503)
        .json(Map.of("status", db ? "UP" : "DOWN", "database", db ? "UP" : "DOWN"));
  }

  private void metrics(Context ctx) {
    String auth = ctx.header(Headers.AUTHORIZATION);
    // In constant time: how long a wrong token takes must not tell how much of it was right.
    if (s.metricsToken() == null
        || auth == null
        || !java.security.MessageDigest.isEqual(
            auth.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            ("Bearer " + s.metricsToken()).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw ApiException.unauthorized(
          "Metrics need the operator's metrics token (KASA_METRICS_TOKEN)");
    }
    ctx.contentType("text/plain; version=0.0.4").result(s.metrics().scrape());
  }

  private void enroll(Context ctx) {
    EnrollRequest body = body(ctx, EnrollRequest.class);
    AuthService.Enrolled enrolled =
        s.auth().enroll(body.code(), body.deviceName(), ctx.header(Headers.IDEMPOTENCY_KEY));
    ctx.status(enrolled.created() ? 201 : 200).json(enrolled.response());
  }

  private void signIn(Context ctx) {
    Principal terminal = terminal(ctx);
    SignInRequest body = body(ctx, SignInRequest.class);
    ctx.status(201).json(s.auth().signIn(terminal, body.employeeId(), body.pin()));
  }

  private void terminalConfig(Context ctx) {
    ctx.json(s.terminals().config(terminal(ctx)));
  }

  /**
   * The calling till's store version as server-sent events (ADR 0028): at once when it differs from
   * {@code Last-Event-ID}, then after every change to the store's catalogue, staff or rules; a
   * keep-alive comment when idle. The till fetches what changed (catalogue deltas, configuration).
   */
  private void terminalChanges(Context ctx) throws Exception {
    Principal who = terminal(ctx);
    eventStreamAccepted(ctx);
    String from = ctx.header("Last-Event-ID");
    long after = lastVersion(from);
    new SseHandler(
            client -> {
              Runnable stop =
                  s.terminals()
                      .feed()
                      .subscribe(
                          who.organisationId(),
                          who.storeId(),
                          after,
                          new io.kasa.service.terminals.TerminalFeed.Sink() {
                            @Override
                            public boolean changed(long version) {
                              client.sendEvent(
                                  "CHANGED",
                                  "{\"version\":" + version + "}",
                                  Long.toString(version));
                              return !client.terminated();
                            }

                            @Override
                            public boolean keepAlive() {
                              client.sendComment("keep-alive");
                              return !client.terminated();
                            }

                            @Override
                            public void close() {
                              client.close();
                            }
                          });
              client.onClose(stop);
              client.keepAlive();
            })
        .handle(ctx);
  }

  /** A till's Last-Event-ID: the version it applied last, or -1 without one. */
  private static long lastVersion(String header) {
    if (header == null) {
      return -1;
    }
    try {
      long v = Long.parseLong(header.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badRequest("Last-Event-ID is the last version this terminal applied");
  }

  private static void eventStreamAccepted(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(
          406,
          "not-acceptable",
          "Not acceptable",
          "This is an event stream: send Accept: text/event-stream",
          null);
    }
  }

  private void auditEvent(Context ctx) {
    Principal terminal = terminal(ctx);
    boolean created =
        s.terminals()
            .record(
                terminal, ctx.header(Headers.IDEMPOTENCY_KEY), body(ctx, AuditEventRequest.class));
    ctx.status(created ? 201 : 200);
  }

  private void approve(Context ctx) {
    Principal who = employee(ctx);
    ctx.status(201).json(s.auth().approve(who, body(ctx, ApprovalRequest.class)));
  }

  private void catalogChanges(Context ctx) {
    Principal terminal = terminal(ctx);
    String limit = ctx.queryParam("limit");
    Integer n;
    try {
      n = limit == null ? null : Integer.valueOf(limit);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("/limit", "limit is a whole number");
    }
    ctx.json(s.catalog().changes(terminal, ctx.queryParam("since"), n));
  }

  private void signOut(Context ctx) {
    Principal who = employee(ctx);
    s.auth().signOut(who, ctx.header(Headers.SESSION));
    ctx.status(204);
  }

  private void submitSale(Context ctx) {
    Principal who = recorder(ctx);
    SaleRequest body = body(ctx, SaleRequest.class);
    SalesService.Outcome outcome = s.sales().submit(who, ctx.header(Headers.IDEMPOTENCY_KEY), body);
    if (outcome.created()) {
      salesRecorded.increment();
    }
    ctx.status(outcome.created() ? 201 : 200).json(outcome.sale());
  }

  private void authoriseCard(Context ctx) {
    Principal who = recorder(ctx);
    ctx.json(
        s.sales().authoriseCard(who, body(ctx, io.kasa.api.sales.CardAuthorisationRequest.class)));
  }

  private void declinedCards(Context ctx) {
    ctx.json(s.sales().declinedCards().forManager(employee(ctx)));
  }

  private void voidSale(Context ctx) {
    Principal who = employee(ctx);
    PostVoidService.Outcome outcome =
        s.voids().voidSale(who, pathId(ctx), body(ctx, VoidSaleRequest.class));
    ctx.status(200).json(outcome.sale());
  }

  private void submitRefund(Context ctx) {
    Principal who = recorder(ctx);
    RefundRequestDto body = body(ctx, RefundRequestDto.class);
    RefundService.Outcome outcome =
        s.refunds().submit(who, ctx.header(Headers.IDEMPOTENCY_KEY), body);
    ctx.status(outcome.created() ? 201 : 200).json(outcome.refund());
  }

  private void openShift(Context ctx) {
    Principal who = recorder(ctx);
    Map.Entry<Boolean, ShiftDto> opened =
        s.shifts()
            .open(who, ctx.header(Headers.IDEMPOTENCY_KEY), body(ctx, OpenShiftRequest.class));
    ctx.status(opened.getKey() ? 201 : 200).json(opened.getValue());
  }

  private void cashMovement(Context ctx) {
    Principal who = recorder(ctx);
    s.shifts()
        .move(
            who,
            pathId(ctx),
            ctx.header(Headers.IDEMPOTENCY_KEY),
            body(ctx, CashMovementRequest.class));
    ctx.status(204);
  }

  private void closeShift(Context ctx) {
    Principal who = recorder(ctx);
    ctx.json(s.shifts().close(who, pathId(ctx), body(ctx, CloseShiftRequest.class)));
  }

  private void shiftReport(Context ctx) {
    ctx.json(s.shifts().report(employee(ctx), pathId(ctx)));
  }

  private void devices(Context ctx) {
    ctx.json(s.terminals().devices(terminal(ctx)));
  }

  private void backUpDevices(Context ctx) {
    Principal who = employee(ctx);
    Map.Entry<Boolean, DeviceSetup> stored =
        s.terminals().backUpDevices(who, body(ctx, DeviceSetup.class));
    ctx.status(stored.getKey() ? 201 : 200).json(stored.getValue());
  }

  private void floor(Context ctx) {
    ctx.json(s.floor().plan().floor(employee(ctx)));
  }

  /**
   * The store's floor events as server-sent events, from the one after {@code Last-Event-ID} (or
   * {@code ?after=}); without either, from the next change on. The stream stays open, with a
   * keep-alive comment when idle; a client reconnects with the last id it saw.
   */
  private void floorEvents(Context ctx) throws Exception {
    Principal who = employee(ctx);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(
          406,
          "not-acceptable",
          "Not acceptable",
          "This is an event stream: send Accept: text/event-stream",
          null);
    }
    String from = ctx.header("Last-Event-ID");
    if (from == null) {
      from = ctx.queryParam("after");
    }
    long after;
    try {
      after =
          from == null
              ? s.database()
                  .jdbi()
                  .withHandle(h -> FloorEvents.last(h, who.organisationId(), who.storeId()))
              : Long.parseLong(from.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Last-Event-ID is the number of the last event seen");
    }
    if (after < 0) {
      throw ApiException.badRequest("Last-Event-ID is the number of the last event seen");
    }
    s.floor().plan().mayFollow(who);
    new SseHandler(
            client -> {
              Runnable stop =
                  s.floor()
                      .events()
                      .subscribe(
                          who.organisationId(),
                          who.storeId(),
                          after,
                          new FloorEvents.Sink() {
                            @Override
                            public boolean send(long id, String kind, String json) {
                              client.sendEvent(kind, json, Long.toString(id));
                              return !client.terminated();
                            }

                            @Override
                            public boolean reset(long last) {
                              client.sendEvent(
                                  "RESET", "{\"last\":" + last + "}", Long.toString(last));
                              return !client.terminated();
                            }

                            @Override
                            public boolean keepAlive() {
                              client.sendComment("keep-alive");
                              return !client.terminated();
                            }

                            @Override
                            public void close() {
                              client.close();
                            }
                          });
              client.onClose(stop);
              client.keepAlive();
            })
        .handle(ctx);
  }

  private void putArea(Context ctx) {
    Principal who = employee(ctx);
    Map.Entry<Boolean, AreaDto> put =
        s.floor().plan().putArea(who, pathId(ctx), body(ctx, AreaRequest.class));
    ctx.status(put.getKey() ? 201 : 200).json(put.getValue());
  }

  private void putTable(Context ctx) {
    Principal who = employee(ctx);
    Map.Entry<Boolean, TableDto> put =
        s.floor().plan().putTable(who, pathId(ctx), body(ctx, TableRequest.class));
    ctx.status(put.getKey() ? 201 : 200).json(put.getValue());
  }

  private void removeTable(Context ctx) {
    Principal who = employee(ctx);
    String version = ctx.queryParam("version");
    long v;
    try {
      v = Long.parseLong(String.valueOf(version));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Name the table's version: ?version=N");
    }
    s.floor().plan().removeTable(who, pathId(ctx), v);
    ctx.status(204);
  }

  private void seat(Context ctx) {
    Principal who = employee(ctx);
    Map.Entry<Boolean, CheckDto> seated =
        s.floor().plan().seat(who, pathId(ctx), body(ctx, SeatRequest.class));
    ctx.status(seated.getKey() ? 201 : 200).json(seated.getValue());
  }

  private void clearTable(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.floor().plan().clear(who, pathId(ctx), body(ctx, VersionRequest.class).version()));
  }

  private void addParty(Context ctx) {
    Principal who = employee(ctx);
    Map.Entry<Boolean, PartyDto> added =
        s.floor()
            .waitlist()
            .add(who, ctx.header(Headers.IDEMPOTENCY_KEY), body(ctx, PartyRequest.class));
    ctx.status(added.getKey() ? 201 : 200).json(added.getValue());
  }

  private void partyStatus(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.floor().waitlist().status(who, pathId(ctx), body(ctx, PartyStatusRequest.class)));
  }

  private void addCheckLine(Context ctx) {
    Principal who = employee(ctx);
    Map.Entry<Boolean, CheckDto> added =
        s.floor().checks().addLine(who, pathId(ctx), body(ctx, AddLineRequest.class));
    ctx.status(added.getKey() ? 201 : 200).json(added.getValue());
  }

  private void removeCheckLine(Context ctx) {
    Principal who = employee(ctx);
    UUID line;
    try {
      line = UUID.fromString(ctx.pathParam("line"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No item " + ctx.pathParam("line") + " on this check");
    }
    ctx.json(s.floor().checks().removeLine(who, pathId(ctx), line));
  }

  private void moveCheck(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.floor().checks().move(who, pathId(ctx), body(ctx, MoveRequest.class)));
  }

  private void mergeCheck(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.floor().checks().merge(who, pathId(ctx), body(ctx, MergeRequest.class)));
  }

  private void splitCheck(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.floor().checks().split(who, pathId(ctx), body(ctx, SplitRequest.class)));
  }

  private void prebill(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(
        s.floor().checks().prebill(who, pathId(ctx), body(ctx, VersionRequest.class).version()));
  }

  private void settleCheck(Context ctx) {
    Principal who = recorder(ctx);
    ctx.json(s.floor().checks().settle(who, pathId(ctx), body(ctx, SettleRequest.class)));
  }

  private void stock(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(
        s.stock()
            .levels(
                who,
                storeId(ctx),
                ctx.queryParam("item"),
                ctx.queryParam("below"),
                intParam(ctx, "limit"),
                ctx.queryParam("after")));
  }

  private void stockMovements(Context ctx) {
    Principal who = employee(ctx);
    String before = ctx.queryParam("before");
    Long b;
    try {
      b = before == null ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("before is the id of a movement");
    }
    ctx.json(
        s.stock().movements(who, storeId(ctx), ctx.pathParam("itemId"), intParam(ctx, "limit"), b));
  }

  private void adjustStock(Context ctx) {
    Principal who = employee(ctx);
    StockService.Outcome outcome =
        s.stock()
            .adjust(
                who,
                storeId(ctx),
                ctx.header(Headers.IDEMPOTENCY_KEY),
                body(ctx, StockAdjustmentRequest.class));
    ctx.status(outcome.created() ? 201 : 200).json(outcome.adjustment());
  }

  /** The store in the path; one that is not a UUID names no store. */
  private static UUID storeId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No store " + ctx.pathParam("id"));
    }
  }

  private static Integer intParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " is a whole number");
    }
  }

  private static UUID pathId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("Nothing with id " + ctx.pathParam("id"));
    }
  }

  private void saleForReturn(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.sales().forReturn(who, saleId(ctx)));
  }

  private void getSale(Context ctx) {
    Principal who = employee(ctx);
    ctx.json(s.sales().get(who, saleId(ctx)));
  }

  /** The sale id in the path; one that is not a UUID names no sale. */
  private static UUID saleId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No sale " + ctx.pathParam("id"));
    }
  }

  private void saleByReceipt(Context ctx) {
    Principal who = employee(ctx);
    String receipt = ctx.queryParam("receipt");
    if (receipt == null || receipt.isBlank()) {
      throw ApiException.badRequest(
          "Give the receipt number: /v1/sales?receipt=STORE-TERMINAL-SEQUENCE");
    }
    ctx.json(s.sales().byReceipt(who, receipt));
  }

  private Principal employee(Context ctx) {
    return authenticated(
        ctx,
        s.auth()
            .authenticateEmployee(ctx.header(Headers.AUTHORIZATION), ctx.header(Headers.SESSION)));
  }

  /**
   * Remembers who called for the access log, then checks the request's parameters against the API
   * document: only an authenticated caller learns what is wrong with a request.
   */
  private Principal authenticated(Context ctx, Principal who) {
    ctx.attribute(PRINCIPAL, who);
    contract.parameters(ctx);
    return who;
  }

  /**
   * Who records work: the signed-in employee, or, on work the terminal recorded earlier (its
   * outbox), the employee it vouches for with {@link Headers#EMPLOYEE}.
   */
  private Principal recorder(Context ctx) {
    String vouched = ctx.header(Headers.EMPLOYEE);
    if (vouched == null || ctx.header(Headers.SESSION) != null) {
      return employee(ctx);
    }
    return authenticated(
        ctx, s.auth().authenticateVouched(ctx.header(Headers.AUTHORIZATION), vouched));
  }

  /** The calling terminal, remembered for the access log. */
  private Principal terminal(Context ctx) {
    return authenticated(ctx, s.auth().authenticateTerminal(ctx.header(Headers.AUTHORIZATION)));
  }

  /** The request's body as a {@code type}, checked against the API document. */
  private <T> T body(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send the body as application/json",
          null);
    }
    return contract.body(ctx, type);
  }
}
