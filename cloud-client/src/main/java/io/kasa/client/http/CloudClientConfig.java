package io.kasa.client.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the terminal talks to the service. Timeouts fit a counter: a dead network is noticed in
 * seconds, and a whole call (retries included) never takes longer than {@code callTimeout}.
 *
 * @param baseUrl the service, e.g. {@code https://kasa.example.com}
 * @param connectTimeout to open a connection
 * @param readTimeout between bytes of an answer
 * @param callTimeout the whole call, retries included
 * @param maxAttempts tries of a safe or keyed request, the first included
 * @param backoff the first retry's upper bound; it doubles per retry, with full jitter
 * @param maxBackoff the longest wait between tries; a {@code Retry-After} beyond it is not waited
 *     for
 * @param certificatePins OkHttp pins ({@code sha256/BASE64}) of the service's certificate chain,
 *     checked on top of the system trust store, or empty
 * @param trustedCertificate a certificate file (PEM or DER) trusted besides the system trust store,
 *     for a self-hosted service with its own (e.g. self-signed) certificate, or null
 */
public record CloudClientConfig(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    List<String> certificatePins,
    Path trustedCertificate) {

  public CloudClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("The service URL must be http or https: " + baseUrl);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    certificatePins = List.copyOf(certificatePins);
  }

  /** 2 s to connect, 8 s to read, 15 s per call, 4 tries from 200 ms up to 5 s apart. */
  public static CloudClientConfig defaults(URI baseUrl) {
    return new CloudClientConfig(
        baseUrl,
        Duration.ofSeconds(2),
        Duration.ofSeconds(8),
        Duration.ofSeconds(15),
        4,
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        List.of(),
        null);
  }

  public CloudClientConfig withPins(List<String> pins) {
    return new CloudClientConfig(
        baseUrl,
        connectTimeout,
        readTimeout,
        callTimeout,
        maxAttempts,
        backoff,
        maxBackoff,
        pins,
        trustedCertificate);
  }

  public CloudClientConfig withRetries(int attempts, Duration first, Duration max) {
    return new CloudClientConfig(
        baseUrl,
        connectTimeout,
        readTimeout,
        callTimeout,
        attempts,
        first,
        max,
        certificatePins,
        trustedCertificate);
  }

  public CloudClientConfig withTimeouts(Duration connect, Duration read, Duration call) {
    return new CloudClientConfig(
        baseUrl,
        connect,
        read,
        call,
        maxAttempts,
        backoff,
        maxBackoff,
        certificatePins,
        trustedCertificate);
  }

  public CloudClientConfig withTrustedCertificate(Path certificate) {
    return new CloudClientConfig(
        baseUrl,
        connectTimeout,
        readTimeout,
        callTimeout,
        maxAttempts,
        backoff,
        maxBackoff,
        certificatePins,
        certificate);
  }
}
