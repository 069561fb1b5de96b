package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleRequest;
import io.kasa.service.db.Invalidations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the service keeps in memory (signed-in employees, store rules, items) follows the database
 * whoever changes it, and nothing is kept while the service cannot hear the changes (ADR 0016).
 * "From outside" here is SQL on the service's database that does not go through the service, as an
 * operator's or another instance's would.
 */
class CachedRowsTest {

  private static TestCloud cloud;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void aTerminalRevokedFromOutsideIsCutOffAsSoonAsTheServiceHearsOfIt() {
    Terminal t = terminal("C1");
    assertThat(t.lookUp()).isEqualTo(404);
    // Revoked with the notification held back, the kept check still lets the terminal in: this is
    // what the notification is for.
    quietly("terminal", "update terminal set revoked_at = now() where id = '" + t.id + "'");
    assertThat(t.lookUp()).isEqualTo(404);
    // Any committed change to terminal notifies; once heard, the terminal is checked afresh.
    cloud.execute("update terminal set name = name where id = ?", t.id);
    assertThat(t.lookUp()).isEqualTo(401);
  }

  @Test
  void aSessionEndedFromOutsideEndsOnTheNextRequestOnceHeard() {
    Terminal t = terminal("C2");
    assertThat(t.lookUp()).isEqualTo(404);
    cloud.execute("update employee_session set ended_at = now() where terminal_id = ?", t.id);
    assertThat(t.lookUp()).isEqualTo(401);
  }

  @Test
  void aPriceChangedFromOutsideAppliesToTheNextSale() {
    Terminal t = terminal("C3");
    Sales.priceSetAnHourAgo(cloud, "bread");
    assertThat(t.sell(Sales.openedNow(UUID.randomUUID(), "C3", next())).status()).isEqualTo(201);
    cloud.execute(
        "update item set price = 3200 where organisation_id = ? and id = 'bread'",
        cloud.demo.organisationId());
    try {
      TestCloud.Reply stale = t.sell(Sales.openedNow(UUID.randomUUID(), "C3", next()));
      assertThat(stale.status()).isEqualTo(422);
      assertThat(stale.json().get("errors").get(0).get("pointer").asText())
          .isEqualTo("/lines/0/unitPrice");
    } finally {
      cloud.execute(
          "update item set price = 3100 where organisation_id = ? and id = 'bread'",
          cloud.demo.organisationId());
    }
    assertThat(t.sell(Sales.openedNow(UUID.randomUUID(), "C3", next())).status()).isEqualTo(201);
  }

  @Test
  void withItsListenerCutOffTheServiceKeepsNothingAndStaysRight() {
    Invalidations changes = cloud.services.invalidations();
    Terminal t = terminal("C4");
    assertThat(t.lookUp()).isEqualTo(404);
    cloud.execute(
        "select pg_terminate_backend(pid) from pg_stat_activity"
            + " where application_name = 'kasa-invalidations'");
    await("the service stops trusting what it keeps", () -> !changes.trusted());
    assertThat(metric()).contains("kasa_cache_trusted 0.0");
    // No notification for this one, and none would be heard: the check reads the database.
    quietly("terminal", "update terminal set revoked_at = now() where id = '" + t.id + "'");
    assertThat(t.lookUp()).isEqualTo(401);
    await("the listener is back", changes::trusted);
    assertThat(metric()).contains("kasa_cache_trusted 1.0");
    assertThat(t.lookUp()).isEqualTo(401);
  }

  /** A change made with the table's notifying trigger disabled, so nobody hears of it. */
  private static void quietly(String table, String sql) {
    cloud
        .database
        .jdbi()
        .useTransaction(
            h -> {
              h.execute("alter table " + table + " disable trigger " + table + "_changed");
              h.execute(sql);
              h.execute("alter table " + table + " enable trigger " + table + "_changed");
            });
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited 15 s for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static String metric() {
    return cloud
        .send("GET", "/metrics", null, Map.of("Authorization", "Bearer metrics-secret"))
        .body();
  }

  private static synchronized long next() {
    return sequence++;
  }

  /** A new terminal of the demo store, enrolled, with the cashier signed in on it. */
  private static Terminal terminal(String code) {
    TestCloud.Enrolled t = cloud.enrollTerminal(code, code);
    return new Terminal(t.id(), cloud.signedIn(t.authorization(), cloud.demo.cashierId(), "1111"));
  }

  private record Terminal(UUID id, Map<String, String> headers) {
    /** An authenticated look-up of a receipt nobody has: 404 when let in, 401 when not. */
    int lookUp() {
      return cloud.send("GET", "/v1/sales?receipt=NONE-T0-1", null, headers).status();
    }

    TestCloud.Reply sell(SaleRequest sale) {
      Map<String, String> h = new HashMap<>(headers);
      h.put("Idempotency-Key", sale.id().toString());
      return cloud.send("POST", "/v1/sales", Sales.json(sale), h);
    }
  }
}
