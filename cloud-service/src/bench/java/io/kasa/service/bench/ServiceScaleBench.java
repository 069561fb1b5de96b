package io.kasa.service.bench;

import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.service.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Day 365 against day 1 on the service (issue 24, ADR 0038): two services in one JVM, each on its
 * own embedded PostgreSQL with the product's durable settings. One database is fresh: the demo
 * organisation and the few sales this run makes. The other holds a year of a busy store: {@code
 * bench.items} items (1,000,000 by default) and {@code bench.sales} sales (10,000,000) over {@code
 * bench.tills} terminals (50), seeded in SQL by {@link HistorySeed}.
 *
 * <p>A terminal of each store then does, in turn, what a till asks of the service, through its
 * HTTP routes: sell (the same sale on both), look a receipt up for a return (a sale of the last 14
 * days, and one of any day of the year), fetch a sale by id and for a return, read the X report of
 * its open shift, sync the catalogue (the last changes, and after a price change made as the admin
 * command makes it) and its configuration; each round of sales ends with a Z report (closing the
 * shift). Warm-up first; then mean, p50 and p99 of each path on each database, and the ratio.
 *
 * <p>System properties: {@code bench.sales}, {@code bench.items}, {@code bench.tills}, {@code
 * bench.days} (365), {@code bench.iterations} (1,000 measured turns), {@code bench.warmup} (300),
 * {@code bench.rounds} (5 shifts), {@code bench.dir} (the databases' folder, {@code
 * target/scale-bench}), {@code bench.keep} (keep the folder; a later run with the same sizes
 * reuses the large database instead of seeding it again).
 */
public final class ServiceScaleBench {

  static final int SALES = Integer.getInteger("bench.sales", 10_000_000);
  static final int ITEMS = Integer.getInteger("bench.items", 1_000_000);
  static final int TERMINALS = Integer.getInteger("bench.tills", 50);
  static final int DAYS = Integer.getInteger("bench.days", 365);
  private static final int ITERATIONS = Integer.getInteger("bench.iterations", 1_000);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/scale-bench"));
  private static final boolean KEEP = Boolean.getBoolean("bench.keep");

  /** A price change every this many turns. */
  private static final int PRICE_EVERY = 10;

  /** The paths measured, in the order printed. */
  static final List<String> PATHS =
      List.of(
          "sale (POST /v1/sales)",
          "receipt look-up, last 14 days (GET /v1/sales?receipt=)",
          "receipt look-up, any day of the year",
          "sale by id (GET /v1/sales/{id})",
          "sale for a return (GET /v1/sales/{id}/return)",
          "X report (GET /v1/shifts/{id}/report)",
          "Z report (POST /v1/shifts/{id}/close)",
          "catalogue delta, last changes (GET /v1/catalog/changes?since=)",
          "price change (admin, as kasa-cloud admin price)",
          "catalogue sync after the price change",
          "terminal configuration (GET /v1/terminal/config)");

  private ServiceScaleBench() {}

  public static void main(String[] args) throws Exception {
    report("machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), load());
    Files.createDirectories(DIR);
    Path freshDir = DIR.resolve("fresh");
    delete(freshDir);
    try (ScaleSide fresh = ScaleSide.fresh(freshDir);
        ScaleSide large = ScaleSide.large(DIR.resolve("large"))) {
      run(fresh, large);
      report("large database: %s; load average now %s", large.size(), load());
    } catch (Exception | Error e) {
      // A side that failed while starting is not closed above: its database would keep the JVM.
      e.printStackTrace();
      System.exit(1);
    } finally {
      if (!KEEP) {
        delete(DIR);
        report("deleted %s", DIR.toAbsolutePath());
      }
    }
  }

  private static void run(ScaleSide fresh, ScaleSide large) throws Exception {
    List<CatalogItem> all = items(fresh);
    // Items sold, and items whose price changes: two sets, so a sale's prices stay the catalogue's.
    List<CatalogItem> sold = new ArrayList<>();
    List<String> repriced = new ArrayList<>();
    for (CatalogItem i : all) {
      if ((i.id().hashCode() & 1) == 0) {
        sold.add(i);
      } else {
        repriced.add(i.id());
      }
    }
    SalePolicy policy = policy();
    ScaleSide[] sides = {fresh, large};
    Map<String, List<List<Long>>> times = new LinkedHashMap<>();
    PATHS.forEach(p -> times.put(p, List.of(new ArrayList<>(), new ArrayList<>())));
    long t0 = System.nanoTime();
    // Warm-up: a shift of its own, nothing recorded.
    for (ScaleSide s : sides) {
      s.openShift();
    }
    turns(sides, sold, repriced, policy, -WARM_UP, 0, null);
    for (ScaleSide s : sides) {
      s.closeShift();
    }
    report("warm-up: %d turns in %.0f s", WARM_UP, (System.nanoTime() - t0) / 1e9);
    int perRound = Math.max(1, ITERATIONS / ROUNDS);
    for (int round = 0; round < ROUNDS; round++) {
      for (ScaleSide s : sides) {
        s.openShift();
      }
      turns(sides, sold, repriced, policy, round * perRound, (round + 1) * perRound, times);
      for (int k = 0; k < 2; k++) {
        ScaleSide s = sides[(round + k) % 2];
        long start = System.nanoTime();
        s.closeShift();
        times.get(PATHS.get(6)).get(s == fresh ? 0 : 1).add(System.nanoTime() - start);
      }
      report("round %d of %d done (%.0f s)", round + 1, ROUNDS, (System.nanoTime() - t0) / 1e9);
    }
    report(
        "%,d sales and %,d items against a fresh database, %d turns in %d shifts, %d warm-up:",
        large.seededSales(),
        large.seededItems(),
        perRound * ROUNDS,
        ROUNDS,
        WARM_UP);
    times.forEach((path, t) -> compare(path, t.get(0), t.get(1)));
  }

  /**
   * Turns {@code from} to {@code to - 1}: each does every path on both sides, the side going first
   * alternating; times are kept when {@code times} is given.
   */
  private static void turns(
      ScaleSide[] sides,
      List<CatalogItem> sold,
      List<String> repriced,
      SalePolicy policy,
      int from,
      int to,
      Map<String, List<List<Long>>> times)
      throws Exception {
    for (int i = from; i < to; i++) {
      for (int k = 0; k < 2; k++) {
        int side = (i + k) % 2 == 0 ? 0 : 1;
        ScaleSide s = sides[side == 0 ? 0 : 1];
        // The same sale on both sides: the same items from the same seed.
        SaleRequest sale =
            SalesLoadBench.sale(sold, policy, s.nextReceipt(), new Random(1_000L + i));
        Random pick = new Random(i * 31L + side);
        long[] t = new long[PATHS.size()];
        t[0] = s.sell(sale);
        t[1] = s.timed("GET", "/v1/sales?receipt=" + s.recentReceipt(pick), null);
        t[2] = s.timed("GET", "/v1/sales?receipt=" + s.anyReceipt(pick), null);
        UUID id = s.recentSaleId(pick);
        t[3] = s.timed("GET", "/v1/sales/" + id, null);
        t[4] = s.timed("GET", "/v1/sales/" + id + "/return", null);
        t[5] = s.timed("GET", "/v1/shifts/" + s.shift() + "/report", null);
        t[7] = s.timed("GET", "/v1/catalog/changes?since=" + s.lastChangesCursor(), null);
        t[10] = s.timed("GET", "/v1/terminal/config", null);
        t[6] = -1;
        t[8] = -1;
        t[9] = -1;
        if (Math.floorMod(i, PRICE_EVERY) == 0) {
          String item = repriced.get(Math.floorMod(i / PRICE_EVERY, repriced.size()));
          long cursor = s.cursor();
          t[8] = s.changePrice(item, i);
          t[9] = s.timed("GET", "/v1/catalog/changes?since=" + cursor, null);
        }
        if (times != null) {
          for (int p = 0; p < t.length; p++) {
            if (t[p] >= 0) {
              times.get(PATHS.get(p)).get(side).add(t[p]);
            }
          }
        }
      }
    }
  }

  /** The demo store's sale policy, as its terminals price a sale. */
  static SalePolicy policy() {
    return SalePolicy.of(
        ScaleSide.UAH,
        TaxPolicy.inclusive(
            TaxRounding.PER_LINE,
            TaxRate.of("VAT20", "А", "20"),
            TaxRate.of("VAT7", "Б", "7"),
            TaxRate.of("VAT0", "В", "0")),
        CashRounding.to(Money.of(10, ScaleSide.UAH)));
  }

  /** A store's first catalogue page as its terminal reads it, without the open-price items. */
  static List<CatalogItem> items(ScaleSide s) throws Exception {
    return SalesLoadBench.plainItems(
        Json.mapper().readTree(s.send("GET", "/v1/catalog/changes?limit=1000", null)));
  }

  private static void compare(String path, List<Long> fresh, List<Long> large) {
    if (fresh.isEmpty() || large.isEmpty()) {
      return;
    }
    double[] f = stats(fresh);
    double[] l = stats(large);
    report(
        "%s: fresh mean %.2f ms, p50 %.2f ms, p99 %.2f ms; large mean %.2f ms, p50 %.2f ms,"
            + " p99 %.2f ms (n=%d); ratio mean %.2f×, p50 %.2f× %s, p99 %.2f× %s",
        path,
        f[0],
        f[1],
        f[2],
        l[0],
        l[1],
        l[2],
        large.size(),
        l[0] / f[0],
        l[1] / f[1],
        l[1] / f[1] <= 1.2 ? "✔" : "✘",
        l[2] / f[2],
        l[2] / f[2] <= 1.2 ? "✔" : "✘");
  }

  /** Mean, p50 and p99 in milliseconds. */
  static double[] stats(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new double[] {
      Arrays.stream(sorted).average().orElse(0) / 1e6, at(sorted, 50) / 1e6, at(sorted, 99) / 1e6
    };
  }

  private static double at(long[] sorted, int p) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }

  static String load() {
    try {
      String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return l[0] + " " + l[1] + " " + l[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Prints one line in one write, so the service's log lines cannot break into it. */
  static void report(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  static void delete(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
