package io.kasa.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.auth.PinHasher;
import io.kasa.service.admin.AdminService;
import io.kasa.service.auth.AuthService;
import io.kasa.service.catalog.CatalogService;
import io.kasa.service.db.Database;
import io.kasa.service.http.CloudApp;
import io.kasa.service.http.Json;
import io.kasa.service.sales.PaymentProcessor;
import io.kasa.service.sales.PostVoidService;
import io.kasa.service.sales.RefundService;
import io.kasa.service.sales.SalesService;
import io.kasa.service.shifts.ShiftService;
import io.kasa.service.terminals.TerminalService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** Wires the service's parts together over one database. */
public final class CloudServices {

  private final CloudApp.Services app;
  private final AdminService admin;

  public CloudServices(
      Database database,
      PaymentProcessor processor,
      PinHasher pins,
      String metricsToken,
      Clock clock) {
    ObjectMapper json = Json.mapper();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    database.instrument(metrics);
    AuthService auth = new AuthService(database.jdbi(), clock);
    this.app =
        new CloudApp.Services(
            database,
            auth,
            new SalesService(database.jdbi(), processor, json, clock),
            new CatalogService(database.jdbi()),
            new RefundService(database.jdbi(), auth, json, clock),
            new PostVoidService(database.jdbi(), auth, processor, json, clock),
            new ShiftService(database.jdbi(), auth, json),
            new TerminalService(database.jdbi()),
            json,
            metrics,
            metricsToken);
    this.admin = new AdminService(database.jdbi(), pins, clock);
  }

  public CloudApp.Services app() {
    return app;
  }

  public AdminService admin() {
    return admin;
  }
}
