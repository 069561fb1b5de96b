package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kasa.service.http.Problems;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client that hangs up in the middle of its request is not a failure of the service: it is one
 * DEBUG line without a stack trace, never an ERROR, and the service goes on answering.
 */
class ClientHangUpTest {

  @Test
  void aClientHangingUpMidRequestIsADebugLineNotAnErrorWithAStackTrace() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    Level before = problems.getLevel();
    problems.setLevel(Level.DEBUG);
    try (TestCloud cloud = new TestCloud()) {
      Map<String, String> cashier =
          cloud.signedIn(cloud.enrollDemoTerminal(), cloud.demo.cashierId(), "1111");
      for (boolean reset : new boolean[] {false, true}) {
        hangUp(cloud.app.port(), cashier, reset);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> hangUps(captured).size() == 2);
      assertThat(hangUps(captured))
          .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull())
          .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
      assertThat(List.copyOf(captured.list))
          .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
      assertThat(cloud.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    } finally {
      problems.setLevel(before);
      root.detachAppender(captured);
    }
  }

  /** A sale whose body stops a third of the way, then the connection closed, or reset. */
  private static void hangUp(int port, Map<String, String> who, boolean reset) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      if (reset) {
        socket.setSoLinger(true, 0);
      }
      StringBuilder request =
          new StringBuilder(
              "POST /v1/sales HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 900\r\nIdempotency-Key: "
                  + UUID.randomUUID()
                  + "\r\n");
      who.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("\r\n{\"id\":\"").append("x".repeat(290));
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private static List<ILoggingEvent> hangUps(ListAppender<ILoggingEvent> captured) {
    return List.copyOf(captured.list).stream()
        .filter(e -> e.getFormattedMessage().startsWith("The client closed the connection"))
        .toList();
  }
}
