package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.kasa.api.Headers;
import io.kasa.api.auth.ApprovalRequest;
import io.kasa.api.auth.EnrollRequest;
import io.kasa.api.auth.SignInRequest;
import io.kasa.api.terminal.AuditEventRequest;
import io.kasa.api.terminal.DeviceSetup;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.catalog.CatalogService;
import io.kasa.service.terminals.TerminalFeed;
import io.kasa.service.terminals.TerminalService;
import java.util.List;
import java.util.Map;

/**
 * What a till asks for itself: enrolment, sign-in and approvals, its configuration, catalogue and
 * change feed, its audit events and its device set-up backup.
 */
final class TerminalRoutes {

  private final Requests req;
  private final AuthService auth;
  private final CatalogService catalog;
  private final TerminalService terminals;

  TerminalRoutes(
      Requests req, AuthService auth, CatalogService catalog, TerminalService terminals) {
    this.req = req;
    this.auth = auth;
    this.catalog = catalog;
    this.terminals = terminals;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/terminals/enroll", this::enroll),
        new Route(HandlerType.POST, "/v1/sessions", this::signIn),
        new Route(HandlerType.GET, "/v1/terminal/config", this::config),
        new Route(HandlerType.GET, "/v1/terminal/changes", this::changes),
        new Route(HandlerType.POST, "/v1/audit-events", this::auditEvent),
        new Route(HandlerType.GET, "/v1/catalog/changes", this::catalogChanges),
        new Route(HandlerType.DELETE, "/v1/sessions/current", this::signOut),
        new Route(HandlerType.POST, "/v1/approvals", this::approve),
        new Route(HandlerType.GET, "/v1/terminal/devices", this::devices),
        new Route(HandlerType.PUT, "/v1/terminal/devices", this::backUpDevices));
  }

  private void enroll(Context ctx) {
    EnrollRequest body = req.body(ctx, EnrollRequest.class);
    AuthService.Enrolled enrolled =
        auth.enroll(body.code(), body.deviceName(), ctx.header(Headers.IDEMPOTENCY_KEY));
    ctx.status(enrolled.created() ? 201 : 200).json(enrolled.response());
  }

  private void signIn(Context ctx) {
    Principal terminal = req.terminal(ctx);
    SignInRequest body = req.body(ctx, SignInRequest.class);
    ctx.status(201).json(auth.signIn(terminal, body.employeeId(), body.pin()));
  }

  private void signOut(Context ctx) {
    Principal who = req.employee(ctx);
    auth.signOut(who, ctx.header(Headers.SESSION));
    ctx.status(204);
  }

  private void approve(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.status(201).json(auth.approve(who, req.body(ctx, ApprovalRequest.class)));
  }

  private void config(Context ctx) {
    ctx.json(terminals.config(req.terminal(ctx)));
  }

  /**
   * The calling till's store version as server-sent events (ADR 0028): at once when it differs from
   * {@code Last-Event-ID}, then after every change to the store's catalogue, staff or rules; a
   * keep-alive comment when idle. The till fetches what changed (catalogue deltas, configuration).
   */
  private void changes(Context ctx) throws Exception {
    Principal who = req.terminal(ctx);
    Requests.eventStreamAccepted(ctx);
    long after = lastVersion(ctx.header("Last-Event-ID"));
    new SseHandler(
            client -> {
              Runnable stop =
                  terminals
                      .feed()
                      .subscribe(
                          who.organisationId(),
                          who.storeId(),
                          after,
                          new TerminalFeed.Sink() {
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

  private void auditEvent(Context ctx) {
    Principal terminal = req.terminal(ctx);
    boolean created =
        terminals.record(
            terminal, ctx.header(Headers.IDEMPOTENCY_KEY), req.body(ctx, AuditEventRequest.class));
    ctx.status(created ? 201 : 200);
  }

  private void catalogChanges(Context ctx) {
    Principal terminal = req.terminal(ctx);
    String limit = ctx.queryParam("limit");
    Integer n;
    try {
      n = limit == null ? null : Integer.valueOf(limit);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("/limit", "limit is a whole number");
    }
    ctx.json(catalog.changes(terminal, ctx.queryParam("since"), n));
  }

  private void devices(Context ctx) {
    ctx.json(terminals.devices(req.terminal(ctx)));
  }

  private void backUpDevices(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, DeviceSetup> stored =
        terminals.backUpDevices(who, req.body(ctx, DeviceSetup.class));
    ctx.status(stored.getKey() ? 201 : 200).json(stored.getValue());
  }
}
