package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.api.sales.SaleRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL killed (kill -9) under a burst of sales from several terminals, as the OOM killer or a
 * crash would: the service and its embedded PostgreSQL recover by themselves, and every sale the
 * service answered 2xx for is in the database exactly once, with no receipt number missing.
 */
class PostgresCrashTest {

  private static final int TERMINALS = 4;
  private static final int BEFORE_KILL = 40;
  private static final int AFTER_KILL_EACH = 10;

  @Test
  void everySaleAnsweredBeforeThePostmasterIsKilledIsRecordedOnce() throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      long postmaster = postmaster(cloud);
      burst(
          cloud,
          () -> {
            kill(postmaster);
            return postmaster;
          });
      assertThat(postmaster(cloud)).as("a new postmaster runs").isNotEqualTo(postmaster);
    }
  }

  @Test
  void everySaleAnsweredBeforeABackendIsKilledIsRecordedOnce() throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      long postmaster = postmaster(cloud);
      burst(
          cloud,
          () -> {
            long backend = servingBackend(cloud);
            kill(backend);
            return backend;
          });
      assertThat(postmaster(cloud))
          .as("PostgreSQL restarted its backends itself (crash recovery)")
          .isEqualTo(postmaster);
      assertThat(Files.readString(cloud.dataDirectory().resolve("postgresql.log")))
          .contains("was terminated by signal 9")
          .contains("all server processes terminated; reinitializing");
    }
  }

  /**
   * Terminals sell until {@link #BEFORE_KILL} sales are answered, then {@code kill} kills a
   * process, then each terminal sells until {@link #AFTER_KILL_EACH} more are answered. A terminal
   * sends each sale again, with the same key, until it is answered 2xx, as the outbox does.
   */
  private static void burst(TestCloud cloud, LongSupplier kill) throws Exception {
    List<Map<String, String>> cashiers = new ArrayList<>();
    for (int t = 2; t < 2 + TERMINALS; t++) {
      TestCloud.Enrolled terminal = cloud.enrollTerminal("T" + t, "Till " + t);
      cashiers.add(cloud.signedIn(terminal.authorization(), cloud.demo.cashierId(), "1111"));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<UUID, String> answered = new ConcurrentHashMap<>();
    AtomicInteger answeredAfterKill = new AtomicInteger();
    AtomicInteger refusedOrFailed = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    int[] afterKill = new int[TERMINALS];
    ExecutorService pool = Executors.newFixedThreadPool(TERMINALS);
    try {
      List<Future<?>> terminals = new ArrayList<>();
      for (int t = 0; t < TERMINALS; t++) {
        int n = t;
        terminals.add(
            pool.submit(
                () -> {
                  for (long seq = 1; !(killed.get() && afterKill[n] >= AFTER_KILL_EACH); seq++) {
                    SaleRequest sale = sale(UUID.randomUUID(), Sales.receipt("T" + (n + 2), seq));
                    boolean afterTheKill = killed.get();
                    while (!post(cloud, http, cashiers.get(n), sale)) {
                      refusedOrFailed.incrementAndGet();
                      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    }
                    answered.put(sale.id(), sale.receiptNumber());
                    if (afterTheKill) {
                      afterKill[n]++;
                      answeredAfterKill.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      await("sales before the kill")
          .atMost(Duration.ofSeconds(60))
          .until(() -> answered.size() >= BEFORE_KILL);
      long victim = kill.getAsLong();
      killed.set(true);
      await("the killed process is gone")
          .atMost(Duration.ofSeconds(30))
          .until(() -> ProcessHandle.of(victim).map(p -> !p.isAlive()).orElse(true));
      for (Future<?> terminal : terminals) {
        terminal.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answeredAfterKill.get()).isGreaterThanOrEqualTo(TERMINALS * AFTER_KILL_EACH);
    List<Map<String, Object>> rows =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id, receipt_number from sale order by receipt_number")
                        .mapToMap()
                        .list());
    Set<UUID> recorded = ConcurrentHashMap.newKeySet();
    List<String> receipts = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      assertThat(recorded.add((UUID) row.get("id"))).as("each sale once").isTrue();
      receipts.add((String) row.get("receipt_number"));
    }
    assertThat(recorded)
        .as("every sale answered 2xx is recorded (%d retries after errors)", refusedOrFailed.get())
        .containsAll(answered.keySet())
        .hasSameSizeAs(answered.keySet());
    assertThat(receipts).containsExactlyInAnyOrderElementsOf(answered.values());
    for (int t = 2; t < 2 + TERMINALS; t++) {
      String prefix = "K1-T" + t + "-";
      long count = receipts.stream().filter(r -> r.startsWith(prefix)).count();
      assertThat(receipts)
          .as("no receipt number of T%d missing", t)
          .contains(Sales.receipt("T" + t, count))
          .doesNotContain(Sales.receipt("T" + t, count + 1));
    }
  }

  /** Posts a sale; true when the service answered 2xx. */
  private static boolean post(
      TestCloud cloud, HttpClient http, Map<String, String> cashier, SaleRequest sale) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(cloud.uri("/v1/sales"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", sale.id().toString())
            .POST(HttpRequest.BodyPublishers.ofString(Sales.json(sale)));
    cashier.forEach(b::header);
    try {
      int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(status / 100).as("never refused as bad: %s", sale.receiptNumber()).isNotEqualTo(4);
      return status / 100 == 2;
    } catch (IOException cutOff) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@link Sales#breadAndAspirin}, with this receipt number, opened a moment ago. */
  private static SaleRequest sale(UUID id, String receipt) {
    SaleRequest r = Sales.breadAndAspirin(id, 1, "tok_approve");
    Instant now = Instant.now();
    return new SaleRequest(
        r.id(),
        receipt,
        r.currency(),
        now.minusSeconds(1),
        now,
        r.lines(),
        r.orderDiscount(),
        r.tenders(),
        r.totals(),
        r.offline(),
        r.approvalId());
  }

  private static long postmaster(TestCloud cloud) throws IOException {
    return Long.parseLong(
        Files.readAllLines(cloud.dataDirectory().resolve("pg").resolve("postmaster.pid"))
            .get(0)
            .strip());
  }

  /** A backend serving the service's connection pool, busy with a request if one is. */
  private static long servingBackend(TestCloud cloud) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select pid from pg_stat_activity where backend_type = 'client backend'"
                            + " and pid <> pg_backend_pid()"
                            + " and application_name = 'PostgreSQL JDBC Driver'"
                            + " order by state = 'active' desc limit 1")
                    .mapTo(Long.class)
                    .one());
  }

  private static void kill(long pid) {
    assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();
  }
}
