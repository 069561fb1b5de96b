package io.kasa.client.http;

import io.kasa.api.Headers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is safe to retry: reads, and writes that carry an {@code Idempotency-Key} (the
 * service answers a repeat once). A connection failure, a timeout, 429, 502, 503 or 504 is tried
 * again after an exponential backoff with full jitter, or after the service's {@code Retry-After}
 * when it gives one and it fits; anything else is answered at once. A PIN sign-in is never retried:
 * a repeat could count as a second wrong PIN.
 */
final class RetryInterceptor implements Interceptor {

  /** Waits between tries; tests record instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

  private final int maxAttempts;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final LongSupplier nowMillis;

  RetryInterceptor(
      CloudClientConfig config, Sleeper sleeper, RandomGenerator random, LongSupplier nowMillis) {
    this.maxAttempts = config.maxAttempts();
    this.backoff = config.backoff();
    this.maxBackoff = config.maxBackoff();
    this.sleeper = sleeper;
    this.random = random;
    this.nowMillis = nowMillis;
  }

  static boolean retryable(Request request) {
    return SAFE.contains(request.method()) || request.header(Headers.IDEMPOTENCY_KEY) != null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean retryable = retryable(request);
    for (int attempt = 1; ; attempt++) {
      boolean last = !retryable || attempt >= maxAttempts;
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (last || chain.call().isCanceled() || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        pause(jittered(attempt));
        continue;
      }
      if (last || !RETRYABLE.contains(response.code())) {
        return response;
      }
      Duration wait = retryAfter(response.header("Retry-After"));
      if (wait == null) {
        wait = jittered(attempt);
      } else if (wait.compareTo(maxBackoff) > 0) {
        return response; // the service asks for longer than a counter can wait
      }
      response.close();
      pause(wait);
    }
  }

  /** Full jitter: a random wait up to backoff × 2^(attempt−1), capped. */
  Duration jittered(int attempt) {
    long cap = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(random.nextLong(cap + 1));
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        long at =
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()
                .toEpochMilli();
        return Duration.ofMillis(Math.max(0, at - nowMillis.getAsLong()));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private void pause(Duration wait) throws IOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
