package io.kasa.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy against a real HTTP server that answers from a script: what is retried, how long
 * it waits, and what is never sent twice.
 */
class RetryTest {

  record Answer(int status, String retryAfter, String body) {}

  private HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " key="
                  + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          exchange.getRequestBody().readAllBytes();
          Answer a;
          synchronized (script) {
            a = script.isEmpty() ? new Answer(500, null, "{}") : script.poll();
          }
          if (a.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
          }
          byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Type",
                  a.status() < 400 ? "application/json" : "application/problem+json");
          exchange.sendResponseHeaders(a.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private CloudClient client(int port) {
    return new CloudClient(
        CloudClientConfig.defaults(URI.create("http://127.0.0.1:" + port))
            .withRetries(4, Duration.ofMillis(100), Duration.ofSeconds(5)),
        new Credentials("00000000-0000-0000-0000-000000000001.secret"),
        waits::add);
  }

  private static String problem(int status) {
    return "{\"type\":\"https://kasa.io/problems/http-"
        + status
        + "\",\"title\":\"Busy\",\"status\":"
        + status
        + ",\"detail\":\"try later\"}";
  }

  private static final String SHIFT =
      "{\"id\":\"6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a01\",\"terminalId\":\"6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a02\","
          + "\"openedAt\":\"2026-11-27T08:00:00Z\",\"openingFloat\":0,\"closedAt\":null}";

  @Test
  void aKeyedWriteIsRetriedWithTheSameKeyAfterTheServicesRetryAfter() {
    script.add(new Answer(503, "1", problem(503)));
    script.add(new Answer(502, null, problem(502)));
    script.add(new Answer(201, null, SHIFT));
    try (CloudClient c = client(server.getAddress().getPort())) {
      var opened =
          c.openShift(
              new io.kasa.api.shifts.OpenShiftRequest(
                  java.util.UUID.fromString("6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a01"),
                  0,
                  java.time.Instant.parse("2026-11-27T08:00:00Z")));
      assertThat(opened.openingFloat()).isZero();
    }
    assertThat(received)
        .hasSize(3)
        .allMatch(r -> r.equals("POST /v1/shifts key=6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a01"));
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(1));
    // The second wait is jittered: up to 100 ms × 2.
    assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
  }

  @Test
  void aPinSignInIsNeverSentTwice() {
    script.add(new Answer(503, "1", problem(503)));
    try (CloudClient c = client(server.getAddress().getPort())) {
      assertThatThrownBy(() -> c.signIn("6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a03", "1111"))
          .isInstanceOfSatisfying(
              CloudProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
    }
    assertThat(received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void readsGiveUpAfterTheirAttemptsAndALongRetryAfterIsNotWaitedFor() {
    for (int i = 0; i < 4; i++) {
      script.add(new Answer(504, null, problem(504)));
    }
    try (CloudClient c = client(server.getAddress().getPort())) {
      assertThatThrownBy(() -> c.shiftReport(java.util.UUID.randomUUID()))
          .isInstanceOfSatisfying(
              CloudProblemException.class, e -> assertThat(e.status()).isEqualTo(504));
      assertThat(received).hasSize(4);
      assertThat(waits).hasSize(3);

      received.clear();
      script.add(new Answer(429, "120", problem(429)));
      assertThatThrownBy(() -> c.shiftReport(java.util.UUID.randomUUID()))
          .isInstanceOfSatisfying(
              CloudProblemException.class, e -> assertThat(e.status()).isEqualTo(429));
      assertThat(received).hasSize(1);
    }
  }

  @Test
  void aServiceThatIsNotThereIsUnreachableAfterTheRetries() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (CloudClient c = client(closed)) {
      assertThatThrownBy(() -> c.shiftReport(java.util.UUID.randomUUID()))
          .isInstanceOf(CloudUnreachableException.class);
      assertThat(c.healthy()).isFalse();
    }
    assertThat(waits).hasSize(3 + 3);
  }

  @Test
  void anErrorWithoutAProblemBodyIsStillTyped() {
    script.add(new Answer(400, null, "<html>bad</html>"));
    try (CloudClient c = client(server.getAddress().getPort())) {
      assertThatThrownBy(() -> c.shiftReport(java.util.UUID.randomUUID()))
          .isInstanceOfSatisfying(
              CloudProblemException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.problem().detail()).contains("without a problem body");
              });
    }
  }
}
