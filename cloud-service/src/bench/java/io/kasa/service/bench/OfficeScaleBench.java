package io.kasa.service.bench;

import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.service.accounts.OfficeSignIn;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The back office at scale (issue 22, point 7): every screen's server time on a year of a busy
 * store, beside a trivial page in the same run. The database is {@link ServiceScaleBench}'s large
 * one, seeded by {@link HistorySeed} ({@code bench.sales} sales over {@code bench.tills} terminals
 * and {@code bench.days} days, {@code bench.items} items; the run's {@code exec:exec@bench-office}
 * sets 1,000,000 sales and 200,000 items), with {@code bench.today} sales made today through the
 * terminal's own route so that Today has figures.
 *
 * <p>The demo's owner (all stores) signs in once; then each turn asks for every page once, in an
 * order that turns, each with its own random filter (a day of the year, a receipt, an item, a
 * shift…), over HTTP from the same JVM: the time is the service's, plus a loopback round trip. The
 * baseline is the sign-in page, which reads nothing but renders the same layout. Targets: every
 * screen's p99 ≤ 50 ms, the customer's receipt page ≤ 10 ms.
 */
public final class OfficeScaleBench {

  private static final int ITERATIONS = Integer.getInteger("bench.iterations", 300);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
  private static final int TODAY = Integer.getInteger("bench.today", 300);
  private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/scale-bench"));
  private static final boolean KEEP = Boolean.getBoolean("bench.keep");

  /**
   * Which screens to ask for ({@code -Dbench.office.screens=receipt,Today}): those whose name
   * contains one of these words (any case), with their baselines; empty for every screen.
   */
  private static final List<String> SCREENS =
      java.util.Arrays.stream(System.getProperty("bench.screens", "").split(","))
          .map(String::strip)
          .filter(w -> !w.isEmpty())
          .map(w -> w.toLowerCase(java.util.Locale.ROOT))
          .toList();
  /**
   * Where to write each customer's receipt page asked for ({@code -Dbench.receipts=DIR}, one file
   * per token, the body only), to compare two builds' pages byte for byte; unset for none.
   */
  private static final String RECEIPTS = System.getProperty("bench.receipts", "");

  private static final String BASELINE = "baseline: the sign-in page (GET /office/sign-in)";
  private static final String RECEIPT_PAGE = "customer's receipt page (GET /r/{token})";
  private static final String CUSTOMER_BASELINE =
      "baseline for it: the sign-in page, as a customer asks (a connection of its own)";
  private static final Pattern NEXT = Pattern.compile("href=\"(/office/sales\\?[^\"]*)\" rel=\"next\"");

  private final ScaleSide side;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String cookie;
  private final HistorySeed.Target seeded;
  private final List<UUID> shifts;
  private final List<UUID> terminals;
  private final Map<String, Function<Random, String>> pages = new LinkedHashMap<>();
  private final Map<String, List<Long>> times = new LinkedHashMap<>();

  private OfficeScaleBench(ScaleSide side) throws Exception {
    this.side = side;
    this.seeded = side.history();
    String password = "bench-" + UUID.randomUUID();
    String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@kolosok.example";
    side.services().officeAccounts().create(side.organisation(), email, "owner", List.of(), password);
    OfficeSignIn.Result r = side.services().officeSignIn().signIn(email, password, "127.0.0.1");
    this.cookie = "kasa_office=" + r.token() + "; kasa_lang=uk";
    this.shifts = ids("select id from shift where organisation_id = :org order by opened_at desc limit 2000");
    this.terminals = ids("select id from terminal where organisation_id = :org");
    define();
  }

  private List<UUID> ids(String sql) {
    return side.database()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).bind("org", side.organisation()).mapTo(UUID.class).list());
  }

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /** A seeded sale's number, between 0 and the number seeded. */
  private long sale(Random r) {
    return (long) (r.nextDouble() * seeded.sales());
  }

  /** A day of the seeded year, as the filters write it. */
  private String day(Random r) {
    return LocalDate.now(ZoneOffset.UTC).minusDays(1 + r.nextInt(seeded.days())).toString();
  }

  private String item(Random r) {
    return String.format("g%07d", 1 + r.nextInt(seeded.items()));
  }

  private void define() {
    pages.put(BASELINE, r -> "/office/sign-in");
    pages.put("Today (GET /office/today)", r -> "/office/today");
    pages.put("Today's live figures (GET /office/today/figures)", r -> "/office/today/figures");
    pages.put("Sales, newest first (GET /office/sales)", r -> "/office/sales");
    pages.put("Sales, the next page (…?cursor=)", r -> null);
    pages.put("Sales of a day of the year (…?from=&to=)", r -> {
      String d = day(r);
      return "/office/sales?from=" + d + "&to=" + d;
    });
    pages.put("Sales by receipt number (…?receipt=)", r -> "/office/sales?receipt=" + q(HistorySeed.receipt(seeded, sale(r))));
    pages.put("Sales of a terminal over 200–400 ₴ (…?terminal=&min=&max=)", r ->
        "/office/sales?terminal=" + terminals.get(r.nextInt(terminals.size())) + "&min=200&max=400");
    pages.put("a sale as printed (GET /office/sales/{id})", r -> "/office/sales/" + HistorySeed.saleId(seeded, sale(r)));
    pages.put("Catalogue (GET /office/catalogue)", r -> "/office/catalogue");
    pages.put("Catalogue, search by name (…?q=)", r -> "/office/catalogue?q=" + q("Товар №" + (1 + r.nextInt(seeded.items()))));
    pages.put("Catalogue, a category (…?category=)", r -> "/office/catalogue?category=" + q("Група " + r.nextInt(200)));
    pages.put("an item (GET /office/catalogue/items/{id})", r -> "/office/catalogue/items/" + item(r));
    pages.put("Staff (GET /office/staff)", r -> "/office/staff");
    pages.put("Terminals (GET /office/terminals)", r -> "/office/terminals");
    pages.put("a terminal (GET /office/terminals/{id})", r -> "/office/terminals/" + terminals.get(r.nextInt(terminals.size())));
    pages.put("Shifts (GET /office/shifts)", r -> "/office/shifts");
    pages.put("Shifts of a day (…?from=&to=)", r -> {
      String d = day(r);
      return "/office/shifts?from=" + d + "&to=" + d;
    });
    pages.put("a shift's X/Z figures (GET /office/shifts/{id})", r -> "/office/shifts/" + shifts.get(r.nextInt(shifts.size())));
    pages.put("Audit (GET /office/audit)", r -> "/office/audit");
    pages.put(RECEIPT_PAGE, r -> "/r/" + HistorySeed.token(seeded, sale(r)));
    pages.put(CUSTOMER_BASELINE, r -> "/office/sign-in");
    if (!SCREENS.isEmpty()) {
      pages
          .keySet()
          .removeIf(
              k ->
                  !k.equals(BASELINE)
                      && !k.equals(CUSTOMER_BASELINE)
                      && SCREENS.stream().noneMatch(w -> k.toLowerCase(java.util.Locale.ROOT).contains(w)));
    }
    pages.keySet().forEach(k -> times.put(k, new ArrayList<>()));
  }

  public static void main(String[] args) throws Exception {
    ServiceScaleBench.report(
        "machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), ServiceScaleBench.load());
    try (ScaleSide large = ScaleSide.large(DIR.resolve("large"))) {
      OfficeScaleBench b = new OfficeScaleBench(large);
      b.sellToday();
      try {
        b.run();
      } finally {
        // A database kept for the next run keeps no open shift: that run opens its own.
        large.closeShift();
      }
      ServiceScaleBench.report("database: %s; load average now %s", large.size(), ServiceScaleBench.load());
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    } finally {
      if (!KEEP) {
        ServiceScaleBench.delete(DIR);
      }
    }
  }

  /** Today's sales, through the terminal's route, in a shift left open (Today's till is busy). */
  private void sellToday() throws Exception {
    List<CatalogItem> sold = ServiceScaleBench.items(side);
    SalePolicy policy = ServiceScaleBench.policy();
    side.openShift();
    for (int i = 0; i < TODAY; i++) {
      SaleRequest sale = SalesLoadBench.sale(sold, policy, side.nextReceipt(), new Random(7_000L + i));
      side.sell(sale);
    }
    ServiceScaleBench.report("%d sales made today through POST /v1/sales", TODAY);
  }

  private void run() throws Exception {
    List<String> names = new ArrayList<>(pages.keySet());
    String next = null;
    for (int turn = -WARM_UP; turn < ITERATIONS; turn++) {
      Random r = new Random(turn * 131L);
      // Every page once a turn, starting one further each turn, so none always follows another.
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(Math.floorMod(turn + k, names.size()));
        String path = pages.get(name).apply(r);
        if (path == null) {
          if (next == null) {
            continue;
          }
          path = next;
        }
        long start = System.nanoTime();
        String body =
            name.equals(RECEIPT_PAGE) || name.equals(CUSTOMER_BASELINE)
                ? customer(path, turn + WARM_UP)
                : get(path, !name.equals(BASELINE));
        long took = System.nanoTime() - start;
        if (name.equals(RECEIPT_PAGE) && !RECEIPTS.isEmpty()) {
          Path file = Path.of(RECEIPTS).resolve(path.substring(path.lastIndexOf('/') + 1) + ".html");
          java.nio.file.Files.createDirectories(file.getParent());
          java.nio.file.Files.writeString(file, body.substring(body.indexOf("\r\n\r\n") + 4));
        }
        if (name.startsWith("Sales, newest")) {
          Matcher m = NEXT.matcher(body);
          next = m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
        if (turn >= 0) {
          times.get(name).add(took);
        }
      }
    }
    ServiceScaleBench.report(
        "%,d sales over %d terminals and %d days, %,d items, %d sales today; %d turns of every page,"
            + " %d warm-up:",
        seeded.sales(),
        seeded.terminals().size(),
        seeded.days(),
        seeded.items(),
        TODAY,
        ITERATIONS,
        WARM_UP);
    double[] base = ServiceScaleBench.stats(times.get(BASELINE));
    double[] customerBase = ServiceScaleBench.stats(times.get(CUSTOMER_BASELINE));
    times.forEach(
        (name, t) -> {
          if (t.isEmpty()) {
            return;
          }
          double[] s = ServiceScaleBench.stats(t);
          double target = name.equals(RECEIPT_PAGE) || name.equals(CUSTOMER_BASELINE) ? 10 : 50;
          ServiceScaleBench.report(
              "%s: mean %.2f ms, p50 %.2f ms, p99 %.2f ms (n=%d); p50 %.2f× its baseline's;"
                  + " p99 ≤ %.0f ms %s",
              name,
              s[0],
              s[1],
              s[2],
              t.size(),
              s[1] / (name.equals(RECEIPT_PAGE) ? customerBase : base)[1],
              target,
              s[2] <= target ? "✔" : "✘");
        });
  }

  /**
   * A customer's GET, on a connection of its own from loopback address {@code 127.1.x.y} (one per
   * turn): the receipt routes admit {@link io.kasa.service.sales.PublicReceipts#BURST} requests of
   * an address and then one every two seconds, and this is many customers, not one.
   */
  private String customer(String path, int who) throws Exception {
    URI base = URI.create(side.base());
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress("127.1." + (who / 250 % 250) + "." + (1 + who % 250), 0));
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()));
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                  + "\r\nAccept-Language: uk\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!response.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException("GET " + path + " -> " + response);
      }
      return response;
    }
  }

  /** A GET, signed in or not; anything but 200 stops the benchmark. */
  private String get(String path, boolean signedIn) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(side.base() + path)).GET();
    if (signedIn) {
      b.header("Cookie", cookie);
    } else {
      b.header("Cookie", "kasa_lang=uk");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
