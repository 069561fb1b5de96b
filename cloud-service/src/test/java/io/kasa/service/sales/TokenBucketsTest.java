package io.kasa.service.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The receipt routes' rate limit: one bucket per address, exact under concurrency. */
class TokenBucketsTest {

  @Test
  void aBurstThenOnePerRefillEachAddressOnItsOwn() {
    AtomicLong now = new AtomicLong();
    TokenBuckets buckets = new TokenBuckets(3, 0.5, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("a")).isZero();
    }
    assertThat(buckets.take("a")).isEqualTo(2); // half a request a second: two seconds
    assertThat(buckets.take("b")).isZero();
    now.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isPositive();
  }

  @Test
  void concurrentRequestsNeverTakeMoreThanTheBucketHolds() throws Exception {
    TokenBuckets buckets = new TokenBuckets(50, 1, () -> 0L); // time stands still: no refill
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 0; i < 400; i++) {
        pool.execute(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              if (buckets.take("10.0.0.1") == 0) {
                admitted.incrementAndGet();
              }
            });
      }
      go.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(admitted).hasValue(50);
  }

  @Test
  void fullBucketsAreSweptOnceThereAreMany() {
    AtomicLong now = new AtomicLong();
    TokenBuckets buckets = new TokenBuckets(2, 1, now::get);
    for (int i = 0; i <= TokenBuckets.SWEEP_ABOVE; i++) {
      buckets.take("10.0." + (i / 256) + "." + (i % 256));
    }
    now.addAndGet(TimeUnit.SECONDS.toNanos(5));
    buckets.take("one more");
    assertThat(buckets.size()).isLessThan(10);
  }
}
