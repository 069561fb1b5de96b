package io.kasa.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.kasa.service.TestCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client has a total deadline for a request's line and headers, counted from their first byte:
 * one that dribbles header bytes, each well within the idle timeout, is cut off; a slow but
 * complete head is served; a kept-alive connection waiting for its next request is left to the idle
 * timeout.
 */
class HeadDeadlineTest {

  /** Short, so the test is quick; the service's own is {@link CloudApp#HEAD_DEADLINE}. */
  private static final Duration DEADLINE = Duration.ofMillis(600);

  private static TestCloud cloud;
  private static Javalin app;
  private static ScheduledExecutorService dribbler;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    app = CloudApp.create(cloud.services.app(), null, DEADLINE).start(0);
    dribbler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() throws Exception {
    dribbler.shutdownNow();
    app.stop();
    cloud.close();
  }

  @Test
  void aClientDribblingHeaderBytesIsCutOffAtTheDeadline() throws Exception {
    double before = timeouts();
    byte[] head =
        ("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(10_000))
            .getBytes(StandardCharsets.US_ASCII);
    AtomicInteger sent = new AtomicInteger();
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      // One byte every 50 ms: far within Jetty's idle timeout, which each byte starts again.
      var task =
          dribbler.scheduleAtFixedRate(
              () -> {
                try {
                  out.write(head[sent.getAndIncrement()]);
                  out.flush();
                } catch (IOException closed) {
                  throw new IllegalStateException(closed);
                }
              },
              0,
              50,
              TimeUnit.MILLISECONDS);
      await().atMost(Duration.ofSeconds(15)).until(() -> closedByServer(socket));
      task.cancel(false);
      assertThat(sent.get()).as("bytes sent before the cut").isLessThan(head.length);
    }
    assertThat(timeouts()).isEqualTo(before + 1);
  }

  @Test
  void aSlowButCompleteHeadIsServed() throws Exception {
    byte[] head =
        "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = socket()) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      AtomicInteger sent = new AtomicInteger();
      // The whole head in about a third of the deadline.
      var task =
          dribbler.scheduleAtFixedRate(
              () -> {
                int i = sent.getAndIncrement();
                if (i < head.length) {
                  try {
                    out.write(head[i]);
                    out.flush();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                }
              },
              0,
              DEADLINE.toMillis() / 3 / head.length + 1,
              TimeUnit.MILLISECONDS);
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      task.cancel(false);
      assertThat(reply).startsWith("HTTP/1.1 200 ");
    }
  }

  @Test
  void aKeptAliveConnectionWaitingForItsNextRequestIsNotCutByTheDeadline() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String first = readResponse(in);
      assertThat(first).startsWith("HTTP/1.1 200 ");
      await()
          .during(DEADLINE.multipliedBy(3))
          .atMost(DEADLINE.multipliedBy(6))
          .until(() -> !closedByServer(socket));
      out.write(
          "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(10_000);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200 ");
    }
  }

  private static Socket socket() throws IOException {
    Socket socket = new Socket("127.0.0.1", app.port());
    socket.setSoTimeout(20);
    return socket;
  }

  /** Whether the server closed the connection: a read ends or fails instead of waiting. */
  private static boolean closedByServer(Socket socket) {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** One response with a Content-Length body, read off a kept-alive connection. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = readPatiently(in);
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      head.append((char) readPatiently(in));
    }
    return head.toString();
  }

  private static int readPatiently(InputStream in) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed");
        }
        return b;
      } catch (SocketTimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  private static double timeouts() {
    String metrics =
        cloud
            .send("GET", "/metrics", null, Map.of("Authorization", "Bearer metrics-secret"))
            .body();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("kasa_http_head_timeouts_total ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    return 0;
  }
}
