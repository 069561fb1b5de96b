package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.money.Money;
import io.kasa.service.sales.PaymentProcessor;
import io.kasa.service.sales.TestPaymentProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the service lets a sale in flight finish and be recorded. */
class GracefulShutdownTest {

  /** A card network that answers only when the test lets it. */
  static final class HeldProcessor implements PaymentProcessor {
    final CountDownLatch called = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final TestPaymentProcessor inner = new TestPaymentProcessor();

    @Override
    public Authorisation authorise(UUID tenderId, String token, Money amount)
        throws TimeoutException {
      called.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return inner.authorise(tenderId, token, amount);
    }

    @Override
    public boolean reverse(UUID tenderId, String authorisation, Money amount) {
      return inner.reverse(tenderId, authorisation, amount);
    }

    @Override
    public Refund refund(UUID refundId, UUID tenderId, String authorisation, Money amount) {
      return inner.refund(refundId, tenderId, authorisation, amount);
    }

    @Override
    public String name() {
      return "held";
    }
  }

  @Test
  void aSaleInFlightWhenTheServiceStopsIsAnsweredAndRecorded() throws Exception {
    HeldProcessor processor = new HeldProcessor();
    try (TestCloud cloud = new TestCloud(processor)) {
      String terminal = cloud.enrollDemoTerminal();
      Map<String, String> headers =
          new HashMap<>(cloud.signedIn(terminal, cloud.demo.cashierId(), "1111"));
      SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
      headers.put("Idempotency-Key", sale.id().toString());

      int port = cloud.app.port();
      CompletableFuture<TestCloud.Reply> inFlight =
          CompletableFuture.supplyAsync(
              () -> cloud.send("POST", "/v1/sales", Sales.json(sale), headers));
      assertThat(processor.called.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(cloud.app::stop);
      // The stop has begun once the listener refuses new connections; the sale is still held.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (accepts(port)) {
        assertThat(System.nanoTime()).as("the stop closes the listener").isLessThan(deadline);
        Thread.onSpinWait();
      }
      assertThat(stopping).as("the stop waits for the sale in flight").isNotDone();
      processor.release.countDown();

      TestCloud.Reply reply = inFlight.get(30, TimeUnit.SECONDS);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      stopping.get(30, TimeUnit.SECONDS);
      assertThat(cloud.count("sale")).isEqualTo(1);
      assertThat(accepts(port)).as("a stopped service takes no new connections").isFalse();
    }
  }

  private static boolean accepts(int port) {
    try {
      new java.net.Socket("127.0.0.1", port).close();
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }
}
