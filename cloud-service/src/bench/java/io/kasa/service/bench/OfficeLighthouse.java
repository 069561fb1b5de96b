package io.kasa.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.ReceiptTokens;
import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.service.accounts.OfficeSignIn;
import io.kasa.service.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Lighthouse on the phone profile (issue 22, point 7): the back office's Today and the customer's
 * receipt page, each scored for performance and accessibility by Lighthouse (npm, pinned in {@code
 * tools/lighthouse}) driving Debian's chromium with its default mobile emulation and simulated
 * slow-4G throttling.
 *
 * <p>The service runs on its own embedded PostgreSQL with the demo organisation; its terminal sells
 * {@code bench.today} sales (each with a receipt token) so that Today has figures, a chart and top
 * items. Lighthouse signs in with the owner's session cookie as an extra header. Each page is
 * scored {@code bench.runs} times (3); the median run is reported, with its timings.
 *
 * <p>System properties: {@code bench.dir}, {@code bench.today} (120), {@code bench.runs}, {@code
 * bench.lighthouse} (the CLI's script), {@code bench.chromium} ({@code /usr/bin/chromium}), {@code
 * bench.lang} ({@code uk}), {@code bench.reports} (a folder to keep each page's median report in).
 */
public final class OfficeLighthouse {

  private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/lighthouse"));
  private static final int TODAY = Integer.getInteger("bench.today", 120);
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final String CLI =
      System.getProperty(
          "bench.lighthouse", "../tools/lighthouse/node_modules/lighthouse/cli/index.js");
  private static final String CHROMIUM = System.getProperty("bench.chromium", "/usr/bin/chromium");
  private static final String LANG = System.getProperty("bench.lang", "uk");
  private static final String REPORTS = System.getProperty("bench.reports", "");

  private OfficeLighthouse() {}

  public static void main(String[] args) throws Exception {
    if (!Files.exists(Path.of(CLI))) {
      System.err.println(
          "Lighthouse is not installed: npm ci --prefix tools/lighthouse --ignore-scripts");
      System.exit(2);
    }
    ServiceScaleBench.report("load average %s", ServiceScaleBench.load());
    ServiceScaleBench.delete(DIR);
    int failed = 0;
    try (ScaleSide side = ScaleSide.fresh(DIR.resolve("service"))) {
      String token = sellToday(side);
      String password = "lighthouse-" + UUID.randomUUID();
      String email = "lighthouse@kolosok.example";
      side.services()
          .officeAccounts()
          .create(side.organisation(), email, "owner", List.of(), password);
      OfficeSignIn.Result r = side.services().officeSignIn().signIn(email, password, "127.0.0.1");
      String signedIn =
          Json.mapper()
              .writeValueAsString(
                  Map.of("Cookie", "kasa_office=" + r.token() + "; kasa_lang=" + LANG));
      String visitor =
          Json.mapper()
              .writeValueAsString(Map.of("Cookie", "kasa_lang=" + LANG, "Accept-Language", LANG));
      failed += score("Today (/office/today)", side.base() + "/office/today", signedIn);
      failed += score("customer's receipt page (/r/{token})", side.base() + "/r/" + token, visitor);
    } finally {
      ServiceScaleBench.delete(DIR);
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Today's sales; answers the last one's receipt token. */
  private static String sellToday(ScaleSide side) throws Exception {
    List<CatalogItem> items = ServiceScaleBench.items(side);
    SalePolicy policy = ServiceScaleBench.policy();
    side.openShift();
    String token = null;
    for (int i = 0; i < TODAY; i++) {
      token = ReceiptTokens.next();
      SaleRequest sale =
          SalesLoadBench.sale(items, policy, side.nextReceipt(), new Random(11L * i))
              .withReceiptToken(token);
      side.sell(sale);
    }
    return token;
  }

  /** Scores a page {@link #RUNS} times; reports the median run; answers 1 below 95, else 0. */
  private static int score(String name, String url, String headers) throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(lighthouse(url, headers));
    }
    runs.sort(Comparator.comparingDouble(OfficeLighthouse::performance));
    JsonNode median = runs.get(runs.size() / 2);
    if (!REPORTS.isBlank()) {
      Path into = Path.of(REPORTS);
      Files.createDirectories(into);
      Json.mapper()
          .writeValue(
              into.resolve(name.replaceAll("[^A-Za-z]+", "-") + LANG + ".json").toFile(), median);
    }
    JsonNode c = median.get("categories");
    JsonNode a = median.get("audits");
    int performance = (int) Math.round(performance(median) * 100);
    int accessibility = (int) Math.round(c.get("accessibility").get("score").asDouble() * 100);
    StringBuilder all = new StringBuilder();
    for (JsonNode run : runs) {
      all.append(all.isEmpty() ? "" : ", ").append(Math.round(performance(run) * 100));
    }
    ServiceScaleBench.report(
        "%s, %s, phone: performance %d (runs: %s), accessibility %d %s; first contentful paint %s,"
            + " largest contentful paint %s, total blocking time %s, cumulative layout shift %s,"
            + " speed index %s, %s transferred",
        name,
        LANG,
        performance,
        all,
        accessibility,
        performance >= 95 && accessibility >= 95 ? "✔" : "✘",
        a.get("first-contentful-paint").get("displayValue").asText(),
        a.get("largest-contentful-paint").get("displayValue").asText(),
        a.get("total-blocking-time").get("displayValue").asText(),
        a.get("cumulative-layout-shift").get("displayValue").asText(),
        a.get("speed-index").get("displayValue").asText(),
        a.get("total-byte-weight").get("displayValue").asText());
    for (JsonNode audit : a) {
      JsonNode score = audit.get("score");
      if (score != null
          && !score.isNull()
          && score.asDouble() < 0.9
          && "binary".equals(audit.path("scoreDisplayMode").asText())) {
        ServiceScaleBench.report("  failed audit: %s", audit.get("title").asText());
      }
    }
    return performance >= 95 && accessibility >= 95 ? 0 : 1;
  }

  private static double performance(JsonNode run) {
    return run.get("categories").get("performance").get("score").asDouble();
  }

  /** One Lighthouse run on the phone profile (its default), as JSON. */
  private static JsonNode lighthouse(String url, String headers) throws Exception {
    Path out = Files.createTempFile(DIR, "lighthouse", ".json");
    Process p =
        new ProcessBuilder(
                "node",
                CLI,
                url,
                "--chrome-path=" + CHROMIUM,
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--only-categories=performance,accessibility",
                "--output=json",
                "--output-path=" + out,
                "--extra-headers=" + headers,
                "--quiet")
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("lighthouse exited with " + p.exitValue() + " on " + url);
    }
    return Json.mapper().readTree(out.toFile());
  }
}
