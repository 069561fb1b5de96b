package io.kasa.service.bench;

import io.kasa.service.TestCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 23 point 7, the screen half (ADR 0055): how fast a check sent to the kitchen shows on the
 * kitchen screen, beside the floor's own event latency in the same run. A host stand sends a check
 * (one new espresso line, to the bar) with {@code POST /v1/checks/{id}/send}; an SSE client follows
 * {@code /v1/floor/events} (the baseline: the send's CHECK event arriving) and a headless Chromium
 * shows {@code /office/kitchen?station=bar}, whose MutationObserver records when each ticket's card
 * appears. Both clocks are this machine's wall clock: the JVM's {@code Instant.now()} when the send
 * starts, the page's {@code performance.timeOrigin + performance.now()} when the card appears. Each
 * card is bumped (untimed) once seen, so the screen holds one ticket, as a kitchen keeps it.
 */
public final class KitchenScreenLatencyBench {

  private static final int WARM_UP = 20;
  private static final int SENDS = Integer.getInteger("bench.sends", 200);

  private KitchenScreenLatencyBench() {}

  public static void main(String[] args) throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      Map<String, String> host = host(cloud, "A");
      Map<String, String> follower = host(cloud, "B");
      Map<String, Double> floorArrived = new ConcurrentHashMap<>();
      long from = cloud.send("GET", "/v1/floor", null, follower).json().get("eventId").asLong();
      HttpRequest.Builder follow =
          HttpRequest.newBuilder(cloud.uri("/v1/floor/events"))
              .header("Accept", "text/event-stream")
              .header("Last-Event-ID", Long.toString(from));
      follower.forEach(follow::header);
      HttpClient.newHttpClient()
          .sendAsync(follow.build(), HttpResponse.BodyHandlers.ofLines())
          .thenAccept(
              r ->
                  r.body()
                      .filter(line -> line.startsWith("data:"))
                      .forEach(
                          line -> {
                            double now = wallMillis();
                            try {
                              var event = TestCloud.JSON.readTree(line.substring(5));
                              if (!"CHECK".equals(event.path("kind").asText())) {
                                return;
                              }
                              for (var l : event.path("check").path("lines")) {
                                if (!l.path("sentAt").isMissingNode()
                                    && !l.path("sentAt").isNull()) {
                                  floorArrived.putIfAbsent(l.get("id").asText(), now);
                                }
                              }
                            } catch (java.io.IOException e) {
                              throw new java.io.UncheckedIOException(e);
                            }
                          }));

      var table = cloud.send("GET", "/v1/floor", null, host).json().get("tables").get(0);
      UUID check = UUID.randomUUID();
      cloud.send(
          "POST",
          "/v1/floor/tables/" + table.get("id").asText() + "/seat",
          "{\"checkId\":\"" + check + "\",\"guests\":2,\"version\":" + table.get("version") + "}",
          host);

      String owner = cloud.officeAccount(cloud.demo.organisationId(), "owner", List.of());
      String token = cloud.officeBearer(owner).get("Authorization").substring(7);
      ChromeDriver page = chromium();
      try {
        String base = "http://localhost:" + cloud.app.port();
        page.get(base + "/office/sign-in");
        page.manage().addCookie(new Cookie("kasa_office", token));
        page.get(base + "/office/kitchen?store=" + cloud.demo.storeId() + "&station=bar");
        waitFor(page, "return document.getElementById('kds-root').dataset.following === 'true';");
        page.executeScript(
            "window.kdsSeen = {};"
                + "const mark = () => document.querySelectorAll('.kds-card').forEach(c => {"
                + " if (!(c.dataset.ticket in kdsSeen))"
                + " kdsSeen[c.dataset.ticket] = performance.timeOrigin + performance.now(); });"
                + "new MutationObserver(mark).observe(document.getElementById('kds-root'),"
                + " {childList: true, subtree: true});");
        var kitchen = cloud.services.app().screens().kitchen();
        double[] floor = new double[SENDS];
        double[] screen = new double[SENDS];
        for (int i = -WARM_UP; i < SENDS; i++) {
          String line = UUID.randomUUID().toString();
          var added =
              cloud.send(
                  "POST",
                  "/v1/checks/" + check + "/lines",
                  "{\"id\":\"" + line + "\",\"itemId\":\"espresso\",\"quantity\":\"1\",\"seat\":1}",
                  host);
          if (added.status() != 201) {
            throw new IllegalStateException("adding an item failed: " + added);
          }
          double start = wallMillis();
          var sent =
              cloud.send(
                  "POST",
                  "/v1/checks/" + check + "/send",
                  "{\"id\":\"" + UUID.randomUUID() + "\"}",
                  host);
          if (sent.status() != 201) {
            throw new IllegalStateException("sending failed: " + sent);
          }
          String ticket = sent.json().get("tickets").get(0).get("id").asText();
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          Object seen;
          while ((seen = page.executeScript("return window.kdsSeen[arguments[0]];", ticket))
                  == null
              || !floorArrived.containsKey(line)) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("ticket " + ticket + " never showed");
            }
            Thread.sleep(1);
          }
          if (i >= 0) {
            floor[i] = floorArrived.get(line) - start;
            screen[i] = ((Number) seen).doubleValue() - start;
          }
          // The kitchen bumps it; the next send starts on a screen of no card.
          kitchen.bump(
              cloud.demo.organisationId(),
              cloud.demo.storeId(),
              UUID.fromString(ticket),
              null,
              UUID.randomUUID());
          waitFor(page, "return document.querySelectorAll('.kds-card').length === 0;");
        }
        System.out.printf(
            Locale.ROOT,
            "%d checks sent to the kitchen (POST /v1/checks/{id}/send), from the send's start:%n"
                + "  the CHECK event on a floor stream (baseline): %s%n"
                + "  the ticket's card on the kitchen screen:      %s%n"
                + "  p99 ratio %.2f× (target ≤ 1.5×); slowest card %.1f ms (target ≤ 1 s)%n",
            SENDS,
            stats(floor),
            stats(screen),
            percentile(screen, 99) / percentile(floor, 99),
            Arrays.stream(screen).max().orElse(0));
      } finally {
        page.quit();
      }
    }
  }

  /** This machine's wall clock in milliseconds, to the microsecond. */
  private static double wallMillis() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
  }

  private static ChromeDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Path.of("/usr/bin/chromium").toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static void waitFor(ChromeDriver page, String condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Boolean.TRUE.equals(page.executeScript(condition))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the page never got there: " + condition);
      }
      Thread.sleep(2);
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

  private static double percentile(double[] millis, int p) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String stats(double[] millis) {
    return String.format(
        Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", percentile(millis, 50), percentile(millis, 99));
  }
}
