package io.kasa.service.sales;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a client address): each holds up to {@code capacity} requests and refills
 * at {@code perSecond}; a request takes one or is told how long to wait. A bucket is replaced
 * atomically ({@link ConcurrentHashMap#compute}), so concurrent requests of one client never take
 * the same token twice. Buckets that have filled up again are dropped once there are many, so a
 * crowd of one-time clients cannot grow the map without bound.
 */
final class TokenBuckets {

  /** Buckets kept before full ones are swept out. */
  static final int SWEEP_ABOVE = 50_000;

  private record Bucket(double tokens, long at) {}

  private final double capacity;
  private final double perNano;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param capacity the burst a client may make at once
   * @param perSecond requests a client may make each second after the burst
   * @param nanos a monotonic clock in nanoseconds
   */
  TokenBuckets(int capacity, double perSecond, LongSupplier nanos) {
    if (capacity < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException("A bucket holds at least one request and refills");
    }
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanos = nanos;
  }

  /**
   * Takes a request for {@code key}: 0 when it may go ahead, else the whole seconds until it may
   * (at least 1), for Retry-After.
   */
  long take(String key) {
    long now = nanos.getAsLong();
    long[] wait = new long[1];
    buckets.compute(
        key,
        (k, b) -> {
          double tokens =
              b == null ? capacity : Math.min(capacity, b.tokens() + (now - b.at()) * perNano);
          if (tokens >= 1) {
            wait[0] = 0;
            return new Bucket(tokens - 1, now);
          }
          wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
          return new Bucket(tokens, now);
        });
    if (buckets.size() > SWEEP_ABOVE) {
      buckets
          .entrySet()
          .removeIf(e -> e.getValue().tokens() + (now - e.getValue().at()) * perNano >= capacity);
    }
    return wait[0];
  }

  /** Buckets held now. */
  int size() {
    return buckets.size();
  }
}
