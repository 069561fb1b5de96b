package io.kasa.service.bench;

import io.kasa.service.TestCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How fast a change on one host stand shows on another: terminal A adds items to a check, one at a
 * time; terminal B follows the floor's event stream. For each item it measures, from the moment A
 * sends the request, A's own answer (the baseline: the acting stand sees its change then) and the
 * arrival of the event on B's stream. The service runs on an embedded PostgreSQL, as in the tests.
 */
public final class FloorEventsBench {

  private static final int WARM_UP = 100;
  private static final int CHANGES = 500;

  private FloorEventsBench() {}

  public static void main(String[] args) throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      Map<String, String> a = host(cloud, "A");
      Map<String, String> b = host(cloud, "B");
      Map<String, Long> arrived = new ConcurrentHashMap<>();
      long from = cloud.send("GET", "/v1/floor", null, b).json().get("eventId").asLong();
      HttpRequest.Builder follow =
          HttpRequest.newBuilder(cloud.uri("/v1/floor/events"))
              .header("Accept", "text/event-stream")
              .header("Last-Event-ID", Long.toString(from));
      b.forEach(follow::header);
      HttpClient.newHttpClient()
          .sendAsync(follow.build(), HttpResponse.BodyHandlers.ofLines())
          .thenAccept(
              r ->
                  r.body()
                      .filter(line -> line.startsWith("data:"))
                      .forEach(
                          line -> {
                            long now = System.nanoTime();
                            try {
                              var event = TestCloud.JSON.readTree(line.substring(5));
                              for (var l : event.path("check").path("lines")) {
                                arrived.putIfAbsent(l.get("id").asText(), now);
                              }
                            } catch (java.io.IOException e) {
                              throw new java.io.UncheckedIOException(e);
                            }
                          }));
      var table = cloud.send("GET", "/v1/floor", null, a).json().get("tables").get(0);
      UUID check = UUID.randomUUID();
      cloud.send(
          "POST",
          "/v1/floor/tables/" + table.get("id").asText() + "/seat",
          "{\"checkId\":\"" + check + "\",\"guests\":4,\"version\":" + table.get("version") + "}",
          a);
      long[] answer = new long[CHANGES];
      long[] delivered = new long[CHANGES];
      for (int i = -WARM_UP; i < CHANGES; i++) {
        String line = UUID.randomUUID().toString();
        long start = System.nanoTime();
        var r =
            cloud.send(
                "POST",
                "/v1/checks/" + check + "/lines",
                "{\"id\":\"" + line + "\",\"itemId\":\"espresso\",\"quantity\":\"1\",\"seat\":1}",
                a);
        long answered = System.nanoTime();
        if (r.status() != 201) {
          throw new IllegalStateException("adding an item failed: " + r);
        }
        long deadline = answered + TimeUnit.SECONDS.toNanos(10);
        while (!arrived.containsKey(line)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the event for " + line + " never arrived");
          }
          Thread.onSpinWait();
        }
        if (i >= 0) {
          answer[i] = answered - start;
          delivered[i] = arrived.get(line) - start;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d items added on stand A, each seen on stand B's event stream:%n"
              + "  A's own answer (baseline): %s%n"
              + "  the event on B:            %s%n"
              + "  p99 ratio %.2f×; slowest delivery %.1f ms (target: within 1 s)%n",
          CHANGES,
          stats(answer),
          stats(delivered),
          percentile(delivered, 99) / percentile(answer, 99),
          Arrays.stream(delivered).max().orElse(0) / 1e6);
    }
  }

  private static Map<String, String> host(TestCloud cloud, String code) {
    var terminal =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), code, "Stand " + code);
    var enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + terminal.enrollmentCode() + "\"}",
            Map.of());
    return cloud.signedIn(
        "Bearer " + enrolled.json().get("credential").asText(), cloud.demo.hostId(), "5555");
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static String stats(long[] nanos) {
    return String.format(
        Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", percentile(nanos, 50), percentile(nanos, 99));
  }
}
