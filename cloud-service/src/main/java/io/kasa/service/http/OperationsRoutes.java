package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Headers;
import io.kasa.api.OpenApi;
import io.kasa.service.db.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** What the operator and the API's readers use: health, metrics and the API document. */
final class OperationsRoutes {

  private final Database database;
  private final PrometheusMeterRegistry metrics;
  private final String metricsToken;

  private final Requests req;

  OperationsRoutes(
      Requests req, Database database, PrometheusMeterRegistry metrics, String metricsToken) {
    this.req = req;
    this.database = database;
    this.metrics = metrics;
    this.metricsToken = metricsToken;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/health", this::health),
        new Route(HandlerType.GET, "/metrics", this::metrics),
        new Route(
            HandlerType.GET,
            "/v1/openapi.json",
            ctx -> ctx.contentType("application/json").result(OpenApi.json())));
  }

  /** The service's health; a till's probe also records its contact (ADR 0045). */
  private void health(Context ctx) {
    boolean db = database.healthy();
    if (db) {
      req.probe(ctx);
    }
    ctx.status(db ? 200 : 503)
        .json(Map.of("status", db ? "UP" : "DOWN", "database", db ? "UP" : "DOWN"));
  }

  private void metrics(Context ctx) {
    String auth = ctx.header(Headers.AUTHORIZATION);
    // In constant time: how long a wrong token takes must not tell how much of it was right.
    if (metricsToken == null
        || auth == null
        || !MessageDigest.isEqual(
            auth.getBytes(StandardCharsets.UTF_8),
            ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.unauthorized(
          "Metrics need the operator's metrics token (KASA_METRICS_TOKEN)");
    }
    ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape());
  }
}
