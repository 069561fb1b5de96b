package io.kasa.service.bench;

import io.kasa.domain.id.TimeOrderedIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.DistributionSummary;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.SaleResponse;
import io.kasa.api.sales.TenderResultDto;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import io.kasa.service.CloudServices;
import io.kasa.service.admin.AdminService;
import io.kasa.service.admin.DemoData;
import io.kasa.api.auth.PinHasher;
import io.kasa.service.db.Database;
import io.kasa.service.http.CloudApp;
import io.kasa.service.http.Json;
import io.kasa.service.sales.TestPaymentProcessor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated terminals submit realistic sales (5 lines, 20 % and 7 % VAT, a weighed item, cash or
 * card) to the real service over HTTP, each computing its totals with pos-domain as a terminal
 * does. Prints sales/s and p50/p99 latency. Arguments: JDBC URL, user, terminals, seconds, and
 * optionally the service's connection pool size; the URL {@code embedded} runs the service's own
 * embedded PostgreSQL in a temporary folder instead (default {@link Database#defaultPoolSize()}, as
 * {@code kasa-cloud serve}). Then, for a floor, the same terminals post the same sales to an
 * endpoint on the same HTTP stack that only parses them.
 */
public final class SalesLoadBench {

  private static final Currency UAH = Currency.getInstance("UAH");
  private static final ObjectMapper JSON = Json.mapper();

  /** Distinct sales each terminal has ready (each sent with ids of its own). */
  private static final int DISTINCT_SALES = 32;

  /** CPU the terminals' threads used in the current window, in nanoseconds. */
  private static final AtomicLong LOAD_CPU = new AtomicLong();

  private SalesLoadBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    int terminals = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int pool = args.length > 4 ? Integer.parseInt(args[4]) : Database.defaultPoolSize();
    // "embedded": the service's own embedded PostgreSQL with its durable settings (ADR 0017).
    Path embeddedData = "embedded".equals(url) ? Files.createTempDirectory("kasa-bench-pg") : null;
    try (Database db =
            embeddedData != null
                ? Database.embedded(embeddedData, pool)
                : Database.connect(url, user, "", pool);
        CloudServices services = new CloudServices(db, new TestPaymentProcessor(), new PinHasher(10_000), null, Clock.systemUTC())) {
      DemoData.Seeded demo = DemoData.seed(services.admin());
      Javalin app = CloudApp.create(services.app()).start(0);
      try {
        run(db, services, demo, "http://127.0.0.1:" + app.port(), terminals, seconds);
      } finally {
        app.stop();
      }
    }
  }

  private static void run(Database db, CloudServices services, DemoData.Seeded demo, String base, int terminals, int seconds) throws Exception {
    AdminService admin = services.admin();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String[]> creds = new ArrayList<>();
    for (int t = 0; t < terminals; t++) {
      AdminService.NewTerminal nt = admin.createTerminal(demo.organisationId(), demo.storeId(), "L" + t, "Load " + t);
      JsonNode enrolled = post(http, base + "/v1/terminals/enroll", "{\"code\":\"" + nt.enrollmentCode() + "\"}", null);
      String auth = "Bearer " + enrolled.get("credential").asText();
      JsonNode session = post(http, base + "/v1/sessions", "{\"employeeId\":\"" + demo.cashierId() + "\",\"pin\":\"1111\"}", auth);
      creds.add(new String[] {auth, session.get("token").asText(), "L" + t});
    }
    List<CatalogItem> items = catalog(http, base, creds.get(0)[0]);
    SalePolicy policy =
        SalePolicy.of(UAH, TaxPolicy.inclusive(TaxRounding.PER_LINE, TaxRate.of("VAT20", "А", "20"), TaxRate.of("VAT7", "Б", "7"), TaxRate.of("VAT0", "В", "0")), CashRounding.to(Money.of(10, UAH)));
    List<Terminal> load = new ArrayList<>();
    for (String[] c : creds) {
      load.add(new Terminal(c[2], c[0], c[1], items, policy, DISTINCT_SALES));
    }

    warmUp(base, load);
    // The database starts empty, and plans cached while its tables were tiny (foreign-key checks
    // included) would scan them whole until autovacuum's next analyze, a minute or more away.
    // Analyze now, as autovacuum keeps a running server's statistics: the plans are made again.
    // And checkpoint, as load-bench.sh does before pgbench's turn: the warm-up's minute of WAL
    // would otherwise bring a checkpoint into the measured window of one side and not the other.
    db.jdbi().useHandle(h -> h.execute("analyze"));
    db.jdbi().useHandle(h -> h.execute("checkpoint"));
    DistributionSummary batches = services.app().metrics().get("kasa_sale_batch_size").summary();
    long statements = batches.count();
    double batched = batches.totalAmount();
    Phase kasa = measure(base, load, seconds);
    report(
        "terminals %d, %d s: %d sales, %.0f sales/s, p50 %.1f ms, p99 %.1f ms, failures %d",
        terminals, seconds, kasa.completed, kasa.perSecond(), kasa.percentile(50), kasa.percentile(99), kasa.failures);
    report(
        "cpu per sale: this JVM %.2f ms (%.2f cores; of it the terminals %.2f ms, the JIT compilers %.2f ms), PostgreSQL %.2f ms (%.2f cores); %.1f sales per write statement",
        kasa.jvmMs / kasa.completed, kasa.jvmMs / 1000 / kasa.elapsed, kasa.loadMs / kasa.completed, kasa.jitMs / kasa.completed, kasa.postgresMs / kasa.completed, kasa.postgresMs / 1000 / kasa.elapsed,
        (batches.totalAmount() - batched) / (batches.count() - statements));

    // The floor under any service on this machine: the same terminals posting the same sales to an
    // endpoint on the same HTTP stack that only parses each sale and answers a canned response.
    SaleResponse canned = canned(items, policy);
    byte[] answer = JSON.writeValueAsBytes(canned);
    Javalin floor =
        Javalin.create(
                c -> {
                  c.http.maxRequestSize = CloudApp.MAX_REQUEST_BYTES;
                  c.routes.post(
                      "/v1/sales",
                      ctx -> {
                        JSON.readValue(ctx.bodyInputStream(), SaleRequest.class);
                        ctx.status(201).contentType("application/json").result(answer);
                      });
                })
            .start(0);
    try {
      String floorBase = "http://127.0.0.1:" + floor.port();
      warmUp(floorBase, load);
      Phase bare = measure(floorBase, load, seconds);
      report(
          "http floor (parse the sale, answer a canned response): %.0f requests/s, p99 %.1f ms, cpu per request %.2f ms; Kasa / floor %.2f",
          bare.perSecond(), bare.percentile(99), bare.jvmMs() / bare.completed(), kasa.perSecond() / bare.perSecond());
    } finally {
      floor.stop();
    }
  }

  /** Prints one line in one write, so the service's log lines cannot break into it. */
  private static void report(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  /**
   * Every terminal submits sales until the JIT compilers are done: five-second rounds until one
   * spends under 2 % of a core compiling, at most two minutes. On two busy cores C2 can take from
   * twenty seconds to over a minute to compile the hot paths, and a window measured meanwhile
   * counts its work (and the slower code it replaces) against the service.
   */
  private static void warmUp(String base, List<Terminal> terminals) throws Exception {
    var jit = ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    for (int round = 1; round <= 24; round++) {
      long compiled = jit.getTotalCompilationTime();
      drive(base, terminals, Duration.ofSeconds(5), new ConcurrentLinkedQueue<>(), new AtomicLong());
      if (round >= 3 && jit.getTotalCompilationTime() - compiled < 100) {
        break;
      }
    }
    report("warm-up %s: %.0f s", base, (System.nanoTime() - start) / 1e9);
  }

  /** One measured window: sales completed, their latencies, and the CPU the JVM and PostgreSQL used. */
  private record Phase(long completed, long failures, double elapsed, long[] sorted, double jvmMs, double postgresMs, double loadMs, double jitMs) {
    double perSecond() {
      return completed / elapsed;
    }

    double percentile(int p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  private static Phase measure(String base, List<Terminal> terminals, int seconds) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long jvmStart = jvmCpuNanos();
    long postgresStart = postgresCpuTicks();
    long jitStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    LOAD_CPU.set(0);
    long completed = drive(base, terminals, Duration.ofSeconds(seconds), latencies, failures);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double jvmMs = (jvmCpuNanos() - jvmStart) / 1e6;
    double postgresMs = (postgresCpuTicks() - postgresStart) * 10.0; // USER_HZ is 100 on Linux
    double jitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Phase(completed, failures.get(), elapsed, sorted, jvmMs, postgresMs, LOAD_CPU.get() / 1e6, jitMs);
  }

  /** A response the size of a real one, for the floor's endpoint. */
  private static SaleResponse canned(List<CatalogItem> items, SalePolicy policy) {
    SaleRequest r = sale(items, policy, "K1-floor-0", new Random(1));
    return new SaleResponse(
        r.id(), r.receiptNumber(), "PAID", false, r.totals(),
        r.tenders().stream().map(t -> new TenderResultDto(t.id(), t.type(), t.amount(), "ACCEPTED", null)).toList(),
        Instant.now());
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** User and system CPU of every process named postgres, in clock ticks (/proc/PID/stat). */
  private static long postgresCpuTicks() throws IOException {
    long ticks = 0;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : processes) {
        String stat;
        try {
          stat = Files.readString(p.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        int close = stat.lastIndexOf(')');
        if (close < 0 || !stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      }
    }
    return ticks;
  }

  private static long drive(
      String base, List<Terminal> terminals, Duration length,
      ConcurrentLinkedQueue<Long> latencies, AtomicLong failures) throws InterruptedException {
    long deadline = System.nanoTime() + length.toNanos();
    URI uri = URI.create(base);
    AtomicLong done = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(terminals.size());
    for (Terminal terminal : terminals) {
      Thread t =
          new Thread(
              () -> {
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                  socket.setTcpNoDelay(true);
                  OutputStream out = socket.getOutputStream();
                  InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
                  while (System.nanoTime() < deadline) {
                    byte[] request = terminal.next();
                    long t0 = System.nanoTime();
                    out.write(request);
                    int status = readResponse(in);
                    latencies.add(System.nanoTime() - t0);
                    if (status == 201) {
                      done.incrementAndGet();
                    } else {
                      failures.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  System.err.println("terminal " + terminal.code + ": " + e);
                  failures.incrementAndGet();
                } finally {
                  LOAD_CPU.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                  finished.countDown();
                }
              });
      t.start();
    }
    finished.await();
    return done.get();
  }

  /**
   * A simulated terminal: its sales are computed with pos-domain before any window opens, as a
   * terminal computes them on its own hardware, and kept as whole HTTP requests. Each request sent
   * is one of them with a new sale id (also its Idempotency-Key), tender id and receipt number, so
   * the machine's cores go to the service, not to the load.
   */
  private static final class Terminal {
    private static final int RECEIPT_DIGITS = 12;

    final String code;
    private final List<byte[]> requests = new ArrayList<>();
    private final List<int[]> at = new ArrayList<>();
    // Twelve digits from the first sale on, with no leading zero: the service takes a sequence
    // written only as the terminal writes it (ADR 0019), and the digits are patched in place.
    private long sequence = 100_000_000_000L;
    private int turn;

    Terminal(String code, String auth, String session, List<CatalogItem> items, SalePolicy policy, int distinct) throws Exception {
      this.code = code;
      Random random = new Random(code.hashCode());
      for (int i = 0; i < distinct; i++) {
        String receipt = "K1-" + code + "-" + "0".repeat(RECEIPT_DIGITS);
        SaleRequest sale = sale(items, policy, receipt, random);
        byte[] body = JSON.writeValueAsBytes(sale);
        String head =
            "POST /v1/sales HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + auth + "\r\nKasa-Session: " + session + "\r\n"
                + "Idempotency-Key: " + sale.id() + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        String text = new String(request, StandardCharsets.ISO_8859_1);
        String id = sale.id().toString();
        String tender = sale.tenders().get(0).id().toString();
        int key = text.indexOf(id);
        int saleId = text.indexOf(id, key + 1);
        int tenderId = text.indexOf(tender);
        int number = text.indexOf(receipt) + receipt.length() - RECEIPT_DIGITS;
        if (saleId < 0 || text.indexOf(id, saleId + 1) >= 0 || tenderId < 0 || text.indexOf(tender, tenderId + 1) >= 0 || number < 0) {
          throw new IllegalStateException("A sale's ids are not where expected: " + text);
        }
        requests.add(request);
        at.add(new int[] {key, saleId, tenderId, number});
      }
    }

    /** The next sale to send, with ids and a receipt number of its own. */
    byte[] next() {
      int i = turn++ % requests.size();
      byte[] request = requests.get(i).clone();
      int[] where = at.get(i);
      byte[] id = uuid();
      System.arraycopy(id, 0, request, where[0], id.length);
      System.arraycopy(id, 0, request, where[1], id.length);
      byte[] tender = uuid();
      System.arraycopy(tender, 0, request, where[2], tender.length);
      long n = ++sequence;
      for (int d = RECEIPT_DIGITS - 1; d >= 0; d--) {
        request[where[3] + d] = (byte) ('0' + n % 10);
        n /= 10;
      }
      return request;
    }

    private static byte[] uuid() {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      long high = (r.nextLong() & ~0xF000L) | 0x4000L;
      long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low).toString().getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Reads one HTTP/1.1 response (Content-Length or chunked) and answers its status; the body of any
   * status but 201 is printed.
   */
  private static int readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!(head.length() >= 4 && head.charAt(head.length() - 1) == '\n' && head.charAt(head.length() - 3) == '\n')) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The service closed the connection");
      }
      head.append((char) b);
    }
    String headers = head.toString().toLowerCase(Locale.ROOT);
    int status = Integer.parseInt(headers.substring(9, 12));
    byte[] body;
    int length = headers.indexOf("\ncontent-length:");
    if (length >= 0) {
      int end = headers.indexOf('\r', length);
      body = in.readNBytes(Integer.parseInt(headers.substring(length + 16, end).trim()));
    } else if (headers.contains("\ntransfer-encoding: chunked")) {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      int size;
      do {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
          if (b < 0) {
            throw new IOException("The service closed the connection");
          }
          line.append((char) b);
        }
        size = Integer.parseInt(line.toString().trim(), 16);
        all.write(in.readNBytes(size));
        in.readNBytes(2);
      } while (size > 0);
      body = all.toByteArray();
    } else {
      throw new IOException("A response without a length: " + headers);
    }
    if (status != 201) {
      System.err.println(status + " " + new String(body, StandardCharsets.UTF_8));
    }
    return status;
  }

  /** Five lines with mixed rates and a weighed item, totals computed with pos-domain. */
  static SaleRequest sale(List<CatalogItem> items, SalePolicy policy, String receipt, Random random) {
    UUID id = TimeOrderedIds.next();
    Instant now = Instant.now();
    Sale sale = Sale.open(id, policy, now);
    List<SaleLineDto> lines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CatalogItem item = items.get(random.nextInt(items.size()));
      Quantity q = item.unit() == Unit.KILOGRAM ? new Quantity(250 + random.nextInt(1500)) : Quantity.of(1 + random.nextInt(3));
      sale.addItem(item, q);
    }
    sale.startTendering();
    boolean card = random.nextBoolean();
    Money due = sale.amountDue();
    Tender tender = card ? Tender.card(due, null) : Tender.cash(sale.cashDue().plus(Money.of(random.nextInt(3) * 1000L, UAH)));
    sale.addTender(tender, now);
    SaleTotals t = sale.totals();
    for (var line : sale.lines()) {
      LineTotals lt = t.line(line.number()).orElseThrow();
      lines.add(new SaleLineDto(line.number(), line.item().id(), line.quantity().toString(), line.unitPrice().minor(), null, null, false, lt.payable().minor()));
    }
    return new SaleRequest(
        id, receipt, "UAH", now, now, lines, null,
        List.of(new TenderDto(tender.id(), tender.type().name(), tender.amount().minor(), card ? "tok_approve" : null, null)),
        TotalsDto.of(sale),
        false,
        null);
  }

  private static List<CatalogItem> catalog(HttpClient http, String base, String auth) throws Exception {
    return plainItems(get(http, base + "/v1/catalog/changes?limit=1000", auth));
  }

  /**
   * The items of a page of the catalogue feed that a bench's sale can sell as it is: active, at
   * their own price, and without choices to make (an item with modifier groups needs them, ADR 0043).
   */
  static List<CatalogItem> plainItems(JsonNode page) {
    List<CatalogItem> items = new ArrayList<>();
    for (JsonNode i : page.get("items")) {
      JsonNode groups = i.get("modifierGroups");
      boolean choices = groups != null && !groups.isEmpty();
      if (!i.get("openPrice").asBoolean() && i.get("active").asBoolean() && !choices) {
        items.add(new CatalogItem(i.get("id").asText(), i.get("sku").asText(), i.get("name").asText(), List.of(), Unit.valueOf(i.get("unit").asText()), Money.of(i.get("price").asLong(), UAH), i.get("taxClass").asText(), false, false));
      }
    }
    return items;
  }

  private static JsonNode post(HttpClient http, String url, String body, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static JsonNode get(HttpClient http, String url, String auth) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
