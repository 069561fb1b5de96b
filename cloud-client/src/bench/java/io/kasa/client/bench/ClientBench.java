package io.kasa.client.bench;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.TaxClassDto;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.store.CatalogReplica;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.Outbox;
import io.kasa.client.sync.CatalogSync;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.domain.barcode.CheckDigit;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import io.kasa.service.catalog.CatalogImport;
import java.io.FileOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The cloud client's benchmarks, each beside a baseline measured in the same run:
 *
 * <ul>
 *   <li>outbox append with fsync (synchronous=FULL) against a bare file append + fsync of the same
 *       bytes;
 *   <li>barcode lookup and search as you type on a 200k-item replica, against a HashMap lookup and
 *       a LIKE scan of the same table;
 *   <li>the first full sync of 200k items from the service, against fetching the same pages without
 *       applying them;
 *   <li>draining 10,000 queued sales against the same client's online rate;
 *   <li>a sale and a returns look-up with 500,000 entries in the journal against an empty one
 *       ({@link JournalBench}).
 * </ul>
 *
 * Run with {@code ./mvnw -q -pl cloud-client exec:exec@bench-client} (docs/benchmarks.md).
 */
public final class ClientBench {

  private static final int ITEMS = Integer.getInteger("bench.items", 200_000);
  private static final int QUEUED = Integer.getInteger("bench.queued", 10_000);
  private static final int ONLINE = Integer.getInteger("bench.online", 2_000);
  private static final String[] WORDS = {
    "хліб", "молоко", "сир", "яблука", "вода", "кава", "чай", "масло", "борошно", "цукор",
    "bread", "milk", "cheese", "apples", "water", "coffee", "tea", "butter", "flour", "sugar",
    "свіжий", "домашній", "organic", "fresh", "classic", "білий", "чорний", "зелений", "big", "mini"
  };

  /**
   * The names' vocabulary: the common words above, then pseudo-words of Ukrainian and Latin
   * syllables, 3,000 in all, drawn with Zipf frequencies (the k-th word about 1/k as often as the
   * first) as words in real product names are. Typed searches draw from the same distribution.
   */
  private static final String[] VOCABULARY = vocabulary(3_000);

  private static final double[] CUMULATIVE = zipf(VOCABULARY.length);

  private ClientBench() {}

  private static String[] vocabulary(int n) {
    String[] syllables = {
      "ко", "ма", "ли", "про", "ва", "ні", "сто", "ре", "да", "ти", "бо", "зе", "ча", "ку", "ле",
      "ra", "mo", "ti", "ver", "la", "no", "sa", "pe", "di", "ko", "fre", "lu", "mi", "to", "ze"
    };
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>(Arrays.asList(WORDS));
    Random r = new Random(42);
    while (words.size() < n) {
      StringBuilder w = new StringBuilder();
      boolean latin = r.nextBoolean();
      int count = 2 + r.nextInt(2);
      for (int k = 0; k < count; k++) {
        w.append(syllables[(latin ? 15 : 0) + r.nextInt(15)]);
      }
      words.add(w.toString());
    }
    return words.toArray(String[]::new);
  }

  private static double[] zipf(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }

  private static String word(Random r) {
    int k = Arrays.binarySearch(CUMULATIVE, r.nextDouble());
    return VOCABULARY[Math.min(VOCABULARY.length - 1, k < 0 ? -k - 1 : k)];
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("kasa-client-bench");
    System.out.printf(
        Locale.ROOT, "kasa client benchmarks: %d items, %d queued sales%n", ITEMS, QUEUED);
    String only = System.getProperty("bench.only", "");
    if (only.isEmpty() || only.equals("append")) {
      append(dir.resolve("append"));
    }
    if (only.isEmpty() || only.equals("replica")) {
      replica(dir.resolve("replica"));
    }
    if (only.isEmpty() || only.equals("cloud")) {
      try (TestCloud cloud = new TestCloud()) {
        fullSync(cloud, dir.resolve("sync"));
        drain(cloud, dir.resolve("drain"));
      }
    }
    if (only.isEmpty() || only.equals("journal")) {
      try (TestCloud cloud = new TestCloud()) {
        JournalBench.run(cloud, dir.resolve("journal"));
      }
    }
  }

  // --- outbox append

  static void append(Path dir) throws Exception {
    int n = 2_000;
    String body = Sales.json(Sales.breadAndAspirin(UUID.randomUUID(), 1, null));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long[] outbox = new long[n];
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox o = new Outbox(store, Clock.systemUTC());
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        o.append(UUID.randomUUID(), "SALE", "/v1/sales", body, null);
        outbox[i] = System.nanoTime() - t0;
      }
    }
    long[] fsync = new long[n];
    try (FileOutputStream f = new FileOutputStream(dir.resolve("baseline.log").toFile(), true)) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        f.write(bytes);
        f.getFD().sync();
        fsync[i] = System.nanoTime() - t0;
      }
    }
    report("outbox append (fsync)", outbox, "file append + fsync", fsync, 99);
  }

  // --- replica lookup and search

  static void replica(Path dir) throws Exception {
    try (LocalStore store = LocalStore.open(dir)) {
      CatalogReplica replica = new CatalogReplica(store, Currency.getInstance("UAH"));
      long t0 = System.nanoTime();
      int page = 5_000;
      for (int from = 0; from < ITEMS; from += page) {
        replica.apply(page(from, Math.min(ITEMS, from + page), from + page < ITEMS));
      }
      System.out.printf(
          Locale.ROOT,
          "replica: %d items applied locally in %.1f s%n",
          replica.size(),
          (System.nanoTime() - t0) / 1e9);
      Random random = new Random(11);
      Map<String, CatalogItem> memory = new HashMap<>();
      int lookups = 20_000;
      String[] codes = new String[lookups];
      for (int i = 0; i < lookups; i++) {
        codes[i] = barcode(random.nextInt(ITEMS));
      }
      long[] sqlite = new long[lookups];
      for (int i = 0; i < lookups; i++) {
        long s = System.nanoTime();
        CatalogItem item = replica.byBarcode(codes[i]).orElseThrow();
        sqlite[i] = System.nanoTime() - s;
        memory.put(codes[i], item);
      }
      long[] map = new long[lookups];
      for (int i = 0; i < lookups; i++) {
        long s = System.nanoTime();
        if (memory.get(codes[i]) == null) {
          throw new IllegalStateException();
        }
        map[i] = System.nanoTime() - s;
      }
      report("barcode lookup (SQLite)", sqlite, "HashMap lookup", map, 99);
      int searches = 2_000;
      String[] typed = new String[searches];
      for (int i = 0; i < searches; i++) {
        String word = word(random);
        typed[i] = word.substring(0, Math.min(word.length(), 2 + random.nextInt(4)));
      }
      long[] fts = new long[searches];
      for (int i = 0; i < searches; i++) {
        long s = System.nanoTime();
        replica.search(typed[i], 20);
        fts[i] = System.nanoTime() - s;
      }
      long[] like = new long[searches / 10];
      for (int i = 0; i < like.length; i++) {
        String q = typed[i];
        long s = System.nanoTime();
        store.inTransaction(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "select id from catalog_item where name like ? order by name limit 20")) {
                p.setString(1, "%" + q + "%");
                try (ResultSet r = p.executeQuery()) {
                  while (r.next()) {
                    r.getString(1);
                  }
                }
              }
              return null;
            });
        like[i] = System.nanoTime() - s;
      }
      report("search as you type (FTS5)", fts, "LIKE scan", like, 99);
    }
  }

  private static CatalogChanges page(int from, int to, boolean more) {
    List<ItemDto> items = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      items.add(
          new ItemDto(
              id(i),
              "SKU" + i,
              name(i),
              List.of(barcode(i)),
              i % 10 == 0 ? "KILOGRAM" : "EACH",
              100 + (i * 37L) % 100_000,
              i % 3 == 0 ? "VAT7" : "VAT20",
              "cat" + (i % 40),
              false,
              false,
              true));
    }
    List<TaxClassDto> taxes =
        from == 0
            ? List.of(new TaxClassDto("VAT20", "А", "20"), new TaxClassDto("VAT7", "Б", "7"))
            : List.of();
    return new CatalogChanges(items, taxes, "c" + to, more);
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "item-%06d", i);
  }

  private static String name(int i) {
    Random r = new Random(i);
    return word(r)
        + " "
        + word(r)
        + " "
        + word(r)
        + " "
        + (100 + i % 900)
        + (i % 10 == 0 ? " кг" : " г");
  }

  /** A valid EAN-13 from the in-store prefix 20 and the item's number. */
  static String barcode(int i) {
    String body = String.format(Locale.ROOT, "20%010d", i);
    return body + CheckDigit.compute(body);
  }

  // --- first full sync from the service

  static void fullSync(TestCloud cloud, Path dir) throws Exception {
    StringBuilder csv =
        new StringBuilder(
            "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n");
    for (int i = 0; i < ITEMS; i++) {
      long price = 100 + (i * 37L) % 100_000;
      csv.append(id(i))
          .append(",SKU")
          .append(i)
          .append(',')
          .append(name(i))
          .append(',')
          .append(barcode(i))
          .append(',')
          .append(i % 10 == 0 ? "KILOGRAM" : "EACH")
          .append(',')
          .append(price / 100)
          .append('.')
          .append(String.format(Locale.ROOT, "%02d", price % 100))
          .append(',')
          .append(i % 3 == 0 ? "VAT7" : "VAT20")
          .append(",cat")
          .append(i % 40)
          .append(",false,false,true\n");
    }
    long t0 = System.nanoTime();
    CatalogImport.Result imported =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(cloud.demo.organisationId(), new StringReader(csv.toString()));
    if (!imported.errors().isEmpty()) {
      throw new IllegalStateException("import: " + imported.errors().get(0));
    }
    System.out.printf(
        Locale.ROOT,
        "service: %d items imported in %.1f s%n",
        imported.imported(),
        (System.nanoTime() - t0) / 1e9);
    URI url = URI.create("http://127.0.0.1:" + cloud.app.port());
    try (CloudTerminal t = CloudTerminal.open(dir, Clock.systemUTC(), CloudClientConfig::defaults)) {
      t.enroll(url, cloud.demo.terminal().enrollmentCode(), "bench");
      // enroll() made the first full sync; time a second one from empty, and the fetch alone.
      long fetchStart = System.nanoTime();
      String cursor = null;
      long fetched = 0;
      while (true) {
        CatalogChanges page = t.client().catalogChanges(cursor, 5_000);
        fetched += page.items().size();
        cursor = page.nextCursor();
        if (!page.more()) {
          break;
        }
      }
      double fetch = (System.nanoTime() - fetchStart) / 1e9;
      try (LocalStore fresh = LocalStore.open(dir.resolve("fresh"))) {
        CatalogReplica replica = new CatalogReplica(fresh, Currency.getInstance("UAH"));
        long syncStart = System.nanoTime();
        long applied = new CatalogSync(replica, t.client()::catalogChanges, 5_000).sync();
        double sync = (System.nanoTime() - syncStart) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "first full sync: %d items in %.2f s (target ≤ 10 s); fetching the same %d items"
                + " without applying: %.2f s; ratio %.2f×%n",
            applied,
            sync,
            fetched,
            fetch,
            sync / fetch);
      }
    }
  }

  // --- drain versus online

  static void drain(TestCloud cloud, Path dir) throws Exception {
    var terminal =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "B2", "bench 2");
    try (FaultProxy network = new FaultProxy("127.0.0.1", cloud.app.port());
        CloudTerminal t =
            CloudTerminal.open(
                dir,
                Clock.systemUTC(),
                u ->
                    CloudClientConfig.defaults(
                        URI.create("http://127.0.0.1:" + network.port())))) {
      t.enroll(URI.create("http://127.0.0.1:" + network.port()), terminal.enrollmentCode(), "b2");
      List<CatalogItem> items = t.catalog().sellable(500);
      Random random = new Random(5);
      UUID cashier = cloud.demo.cashierId();
      long onlineStart = System.nanoTime();
      for (int i = 0; i < ONLINE; i++) {
        t.recordSale(sale(t, items, random), cashier, Map.of(), false, null);
        t.syncNow();
      }
      double online = ONLINE / ((System.nanoTime() - onlineStart) / 1e9);
      network.fault(FaultProxy.Fault.REFUSE);
      for (int i = 0; i < QUEUED; i++) {
        t.recordSale(sale(t, items, random), cashier, Map.of(), true, null);
      }
      network.fault(FaultProxy.Fault.NONE);
      long drainStart = System.nanoTime();
      while (t.outbox().stats().unsent() > 0) {
        if (t.syncNow() == 0) {
          Thread.sleep(50);
        }
      }
      double drained = QUEUED / ((System.nanoTime() - drainStart) / 1e9);
      System.out.printf(
          Locale.ROOT,
          "drain of %d queued sales: %.0f sales/s; the same client online (record, then send):"
              + " %.0f sales/s; ratio %.2f× (target ≥ 0.8×); rejected %d%n",
          QUEUED,
          drained,
          online,
          drained / online,
          t.outbox().stats().rejected());
    }
  }

  private static Sale sale(CloudTerminal t, List<CatalogItem> items, Random random) {
    Sale sale = Sale.open(UUID.randomUUID(), t.salePolicy(), java.time.Instant.now());
    for (int i = 0; i < 5; i++) {
      CatalogItem item = items.get(random.nextInt(items.size()));
      sale.addItem(
          item, item.unit().isMeasured() ? new Quantity(200 + random.nextInt(1500)) : Quantity.of(1));
    }
    sale.startTendering();
    sale.addTender(Tender.cash(sale.cashDue()), java.time.Instant.now());
    return sale;
  }

  // --- reporting

  private static void report(String what, long[] ours, String baseline, long[] base, int p) {
    double a = percentile(ours, p);
    double b = percentile(base, p);
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.3f ms, p%d %.3f ms; %s: p50 %.3f ms, p%d %.3f ms; p%d ratio %.1f×%n",
        what,
        percentile(ours, 50) / 1e6,
        p,
        a / 1e6,
        baseline,
        percentile(base, 50) / 1e6,
        p,
        b / 1e6,
        p,
        a / b);
  }

  private static double percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }
}
