package io.kasa.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TotalsDto;
import io.kasa.client.http.CloudClient;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.http.Credentials;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.Outbox;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox drained into the real service: exactly once, in order, through a network cut. */
class SyncEngineTest {

  private static TestCloud cloud;
  private static CloudClient client;
  private static long receipt = 1;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    cloud = new TestCloud();
    client =
        new CloudClient(
            CloudClientConfig.defaults(URI.create("http://127.0.0.1:" + cloud.app.port()))
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)),
            Credentials.none());
    client.enroll(cloud.demo.terminal().enrollmentCode(), "counter");
    client.signIn(cloud.demo.cashierId().toString(), "1111");
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    cloud.close();
  }

  private static SaleRequest sale() {
    return Sales.breadAndAspirin(UUID.randomUUID(), 100 + receipt++, "tok_approve");
  }

  private static void append(Outbox outbox, SaleRequest sale) {
    outbox.append(sale.id(), "SALE", "/v1/sales", Sales.json(sale), null);
  }

  @Test
  void salesReachTheServiceOnceAndARefusalIsKeptWithoutBlockingTheRest() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      SaleRequest good = sale();
      SaleRequest bad = sale();
      SaleRequest wrongTotals =
          new SaleRequest(
              bad.id(),
              bad.receiptNumber(),
              bad.currency(),
              bad.openedAt(),
              bad.paidAt(),
              bad.lines(),
              null,
              bad.tenders(),
              new TotalsDto(1, 0, 0, 1, 0, 0),
              false,
              null);
      SaleRequest after = sale();
      append(outbox, good);
      append(outbox, wrongTotals);
      append(outbox, after);
      long before = cloud.count("sale");
      try (SyncEngine engine =
          new SyncEngine(
              outbox,
              client::postJson,
              Clock.systemUTC(),
              Duration.ofMillis(10),
              Duration.ofMillis(50),
              new Random(1))) {
        assertThat(engine.drain()).isEqualTo(3);
        assertThat(engine.drain()).isZero();
        assertThat(cloud.count("sale")).isEqualTo(before + 2);
        assertThat(outbox.find(good.id()).orElseThrow().state())
            .isEqualTo(Outbox.State.ACKNOWLEDGED);
        assertThat(outbox.find(after.id()).orElseThrow().state())
            .isEqualTo(Outbox.State.ACKNOWLEDGED);
        Outbox.Entry refused = outbox.find(bad.id()).orElseThrow();
        assertThat(refused.state()).isEqualTo(Outbox.State.REJECTED);
        assertThat(refused.lastError()).startsWith("422 validation");
        SyncStatus status = engine.status();
        assertThat(status.unsent()).isZero();
        assertThat(status.rejected()).isEqualTo(1);
        assertThat(status.lastSync()).isNotNull();
        assertThat(status.connectivity()).isEqualTo(Connectivity.State.ONLINE);
      }
    }
  }

  /**
   * A delivery's request carries its entry: while it is sent, the thread says so, and the count the
   * till reports with it (ADR 0045) leaves that entry out; no other request does.
   */
  @Test
  void aDeliveryIsMarkedOnItsThreadWhileItIsSent() {
    java.util.List<Boolean> seen = new java.util.ArrayList<>();
    SyncEngine.Sender watching =
        (path, body, key, employee) -> {
          seen.add(SyncEngine.delivering());
          return client.postJson(path, body, key, employee);
        };
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      append(outbox, sale());
      append(outbox, sale());
      try (SyncEngine engine =
          new SyncEngine(
              outbox,
              watching,
              Clock.systemUTC(),
              Duration.ofMillis(10),
              Duration.ofMillis(50),
              new Random(3))) {
        assertThat(engine.drain()).isEqualTo(2);
      }
    }
    assertThat(seen).containsExactly(true, true);
    assertThat(SyncEngine.delivering()).isFalse();
  }

  @Test
  void throughANetworkCutNothingIsLostOrDoubled() throws Exception {
    AtomicBoolean cut = new AtomicBoolean(true);
    SyncEngine.Sender network =
        (path, body, key, employee) -> {
          if (cut.get()) {
            throw new CloudUnreachableException("cable pulled", new java.net.ConnectException());
          }
          return client.postJson(path, body, key, employee);
        };
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      long before = cloud.count("sale");
      try (SyncEngine engine =
          new SyncEngine(
              outbox,
              network,
              Clock.systemUTC(),
              Duration.ofMillis(10),
              Duration.ofMillis(50),
              new Random(2))) {
        for (int i = 0; i < 5; i++) {
          append(outbox, sale());
          engine.drain();
        }
        SyncStatus offline = engine.status();
        assertThat(offline.connectivity()).isEqualTo(Connectivity.State.OFFLINE);
        assertThat(offline.unsent()).isEqualTo(5);
        assertThat(offline.oldestUnsentAge()).isNotNull();
        assertThat(cloud.count("sale")).isEqualTo(before);

        cut.set(false);
        engine.wake();
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> engine.status().unsent() == 0);
        assertThat(cloud.count("sale")).isEqualTo(before + 5);
        assertThat(engine.status().connectivity()).isEqualTo(Connectivity.State.ONLINE);
      }
    }
  }

  @Test
  void anAnswerLostOnTheWayBackIsSentAgainAndRecordedOnce() {
    // The service records the sale but the answer never arrives: the entry stays first in line
    // and the repeat, with the same key, gets the original answer.
    AtomicBoolean loseAnswer = new AtomicBoolean(true);
    SyncEngine.Sender lossy =
        (path, body, key, employee) -> {
          String answer = client.postJson(path, body, key, employee);
          if (loseAnswer.getAndSet(false)) {
            throw new CloudUnreachableException("connection reset", new java.net.SocketException());
          }
          return answer;
        };
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      SaleRequest sale = sale();
      append(outbox, sale);
      long before = cloud.count("sale");
      try (SyncEngine engine =
          new SyncEngine(
              outbox,
              lossy,
              Clock.systemUTC(),
              Duration.ofMillis(10),
              Duration.ofMillis(50),
              new Random(3))) {
        assertThat(engine.drain()).isZero();
        assertThat(outbox.find(sale.id()).orElseThrow().state()).isEqualTo(Outbox.State.SENDING);
        assertThat(engine.drain()).isEqualTo(1);
        Outbox.Entry done = outbox.find(sale.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(Outbox.State.ACKNOWLEDGED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(cloud.count("sale")).isEqualTo(before + 1);
      }
    }
  }
}
