package io.kasa.client.cli;

import io.kasa.api.terminal.StaffMember;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.store.Outbox;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kasa-sim: N simulated terminals, each with its own local store and outbox under {@code --data},
 * selling against a service. Prints sales/s, p50/p99 delivery latency and the outbox queue depth
 * every report interval, can cut the terminals' network for a while, and reports per terminal how
 * many sales it completed. A terminal's data folder is kept: run it again and it carries on
 * (enrolled, with its outbox), as a register restarted after a crash would.
 */
@Command(
    name = "kasa-sim",
    mixinStandardHelpOptions = true,
    version = "kasa-sim 0.1.0",
    sortOptions = false,
    description = {
      "Simulates terminals selling against a Kasa service, each with its own local store and"
          + " outbox, for capacity planning and demos.",
      "",
      "Enroll the terminals with one-time codes from `kasa-cloud admin create-terminal`: one code"
          + " per terminal not yet enrolled under --data."
    })
public final class KasaSim implements java.util.concurrent.Callable<Integer> {

  @Option(
      names = "--service",
      required = true,
      description = "The service's URL, e.g. http://127.0.0.1:8080")
  URI service;

  @Option(
      names = "--terminals",
      defaultValue = "4",
      description = "How many terminals to simulate (default ${DEFAULT-VALUE})")
  int terminals;

  @Option(
      names = "--data",
      defaultValue = "kasa-sim-data",
      description =
          "Folder of the terminals' local stores, one sub-folder each (default ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--code",
      split = ",",
      description =
          "Enrollment codes for terminals not yet enrolled, in order (comma-separated or repeated)")
  List<String> codes = new ArrayList<>();

  @Option(names = "--codes-file", description = "A file with one enrollment code per line")
  Path codesFile;

  @Option(
      names = "--pin",
      defaultValue = "1111",
      description =
          "The PIN of the cashier who signs in on every terminal (default: the demo cashier's)")
  String pin;

  @Option(
      names = "--employee",
      description = "The cashier's employee id (default: the first cashier on the staff list)")
  java.util.UUID employee;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      description = "How long to sell, e.g. 30s, 5m (default ${DEFAULT-VALUE})",
      converter = DurationConverter.class)
  Duration duration;

  @Option(
      names = "--sales",
      defaultValue = "0",
      description = "Stop each terminal after this many sales (0: no limit, --duration decides)")
  long salesPerTerminal;

  @Option(
      names = "--think",
      defaultValue = "0ms",
      description =
          "Pause between a terminal's sales, e.g. 2s for a realistic pace (default ${DEFAULT-VALUE})",
      converter = DurationConverter.class)
  Duration think;

  @Option(
      names = "--card-share",
      defaultValue = "0.5",
      description = "Share of sales paid by card, 0 to 1 (default ${DEFAULT-VALUE})")
  double cardShare;

  @Option(
      names = "--cut-network",
      description =
          "Cut the network at AT for FOR, e.g. 10s+20s: sales go on offline and drain after",
      converter = CutConverter.class)
  Cut cut;

  @Option(
      names = "--report-every",
      defaultValue = "5s",
      description = "Interval of the progress lines (default ${DEFAULT-VALUE})",
      converter = DurationConverter.class)
  Duration reportEvery;

  @Option(
      names = "--drain-timeout",
      defaultValue = "60s",
      description =
          "How long to wait at the end for the outboxes to empty (default ${DEFAULT-VALUE})",
      converter = DurationConverter.class)
  Duration drainTimeout;

  @Option(
      names = "--per-terminal",
      description = "Print, per terminal, the sales completed, delivered, pending and rejected")
  boolean perTerminal;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** When and for how long the network is cut. */
  record Cut(Duration at, Duration length) {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "kasa-sim-logback.xml");
    }
    CommandLine cli = new CommandLine(new KasaSim());
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (terminals < 1 || cardShare < 0 || cardShare > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--terminals is at least 1 and --card-share from 0 to 1");
    }
    List<String> pending = new ArrayList<>(codes);
    if (codesFile != null) {
      Files.readAllLines(codesFile).stream()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(pending::add);
    }
    try (FaultProxy network = new FaultProxy(service.getHost(), port(service))) {
      List<SimulatedTerminal> sims = new ArrayList<>();
      try {
        for (int i = 1; i <= terminals; i++) {
          sims.add(open(i, network.port(), pending, out));
        }
        return run(sims, network, out);
      } finally {
        for (SimulatedTerminal s : sims) {
          s.terminal().close();
        }
      }
    }
  }

  private SimulatedTerminal open(int i, int switchPort, List<String> pending, PrintWriter out) {
    Path dir = data.resolve("terminal-" + i);
    // The terminal keeps the service's own URL; its requests go through this run's switch.
    CloudTerminal t =
        CloudTerminal.open(
            dir,
            Clock.systemUTC(),
            url ->
                CloudClientConfig.defaults(
                        sameServer(url, service) ? withPort(url, switchPort) : url)
                    .withRetries(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
    try {
      if (!t.enrolled()) {
        if (pending.isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "terminal-"
                  + i
                  + " is not enrolled: give an enrollment code (--code or --codes-file)");
        }
        t.enroll(service, pending.remove(0), "kasa-sim terminal-" + i);
        out.printf("terminal-%d enrolled as %s%n", i, t.config().terminalCode());
      } else {
        try {
          t.refreshConfig();
          t.syncCatalog();
        } catch (CloudUnreachableException e) {
          out.printf("terminal-%d starts offline, on its cached configuration%n", i);
        }
      }
      StaffMember cashier = cashier(t);
      t.signIn(cashier.id(), pin);
      return new SimulatedTerminal(
          "terminal-" + i + " (" + t.config().terminalCode() + ")",
          t,
          cashier,
          31L * i + System.nanoTime(),
          cardShare,
          Clock.systemUTC());
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
  }

  private StaffMember cashier(CloudTerminal t) {
    return t.settings().staff().stream()
        .map(s -> s.member())
        .filter(m -> employee == null ? "CASHIER".equals(m.role()) : employee.equals(m.id()))
        .findFirst()
        .orElseThrow(
            () ->
                new SignInRefused(
                    SignInRefused.Reason.UNKNOWN_EMPLOYEE,
                    "No such cashier on the terminal's staff list"));
  }

  private int run(List<SimulatedTerminal> sims, FaultProxy network, PrintWriter out)
      throws InterruptedException, IOException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(sims.size());
    long start = System.nanoTime();
    for (SimulatedTerminal s : sims) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (!stop.get()
                      && (salesPerTerminal == 0 || s.completed.get() < salesPerTerminal)) {
                    s.sellOne(latencies);
                    if (!think.isZero()) {
                      Thread.sleep(think.toMillis());
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                  failures.incrementAndGet();
                  System.err.println(s.name() + " stopped: " + e);
                } finally {
                  done.countDown();
                }
              },
              s.name());
      t.start();
    }
    long deadline = start + duration.toNanos();
    boolean cutDone = cut == null;
    boolean isCut = false;
    long madeBeforeCut = 0;
    long restoredAt = 0;
    long owed = 0;
    long deliveredBy = -1;
    long lastReport = start;
    long lastCount = 0;
    List<Long> window = new ArrayList<>();
    while (done.getCount() > 0) {
      done.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      long now = System.nanoTime();
      if (!cutDone) {
        long since = now - start;
        if (!isCut && since >= cut.at().toNanos()) {
          network.fault(FaultProxy.Fault.REFUSE);
          isCut = true;
          // Counted in the journals, not by the tills' counters: a sale journalled and delivered
          // just before the cut may bump its till's counter only after it, and was not made
          // during the cut.
          madeBeforeCut = journalled(sims);
          out.printf("-- network cut for %s%n", human(cut.length()));
        } else if (isCut && since >= cut.at().plus(cut.length()).toNanos()) {
          // What waits is counted before the network is back: nothing can be delivered meanwhile.
          owed = owed(sims);
          deliveredBy = delivered(sims) + owed;
          long madeDuringCut = journalled(sims) - madeBeforeCut;
          network.fault(FaultProxy.Fault.NONE);
          cutDone = true;
          isCut = false;
          restoredAt = now;
          out.printf(
              "-- network restored: %d sales made during the cut, %d sales waiting to be sent%n",
              madeDuringCut, owed);
        }
      }
      if (restoredAt != 0 && deliveredBy >= 0 && delivered(sims) >= deliveredBy) {
        caughtUp(out, owed, now - restoredAt);
        deliveredBy = -1;
      }
      if (now >= deadline && salesPerTerminal == 0) {
        stop.set(true);
      }
      if (now - lastReport >= reportEvery.toNanos()) {
        long count = completed(sims);
        window.clear();
        Long l;
        while ((l = latencies.poll()) != null) {
          window.add(l);
        }
        out.println(
            line(
                (now - start) / 1e9,
                (count - lastCount) / ((now - lastReport) / 1e9),
                window,
                queue(sims),
                online(sims),
                sims.size()));
        lastReport = now;
        lastCount = count;
      }
    }
    if (isCut) {
      network.fault(FaultProxy.Fault.NONE);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = completed(sims);
    long drainStart = System.nanoTime();
    while (queue(sims) > 0 && System.nanoTime() - drainStart < drainTimeout.toNanos()) {
      for (SimulatedTerminal s : sims) {
        s.terminal().syncNow();
      }
      if (queue(sims) > 0) {
        Thread.sleep(200);
      }
    }
    if (restoredAt != 0 && deliveredBy >= 0 && delivered(sims) >= deliveredBy) {
      caughtUp(out, owed, System.nanoTime() - restoredAt);
    }
    List<Long> rest = new ArrayList<>(latencies);
    out.printf(
        Locale.ROOT,
        "== %d terminals, %.1f s: %d sales, %.1f sales/s; last window %s; queue %d after draining %.1f s%n",
        sims.size(),
        elapsed,
        total,
        total / elapsed,
        percentiles(rest),
        queue(sims),
        (System.nanoTime() - drainStart) / 1e9);
    if (perTerminal) {
      for (SimulatedTerminal s : sims) {
        var stats = s.terminal().outbox().stats();
        long sales = s.terminal().outbox().count(CloudTerminal.SALE);
        out.printf(
            Locale.ROOT,
            "%s: completed %d (this run %d, offline cards %d), delivered %d, pending %d, rejected %d%n",
            s.name(),
            sales,
            s.completed.get(),
            s.offlineCards.get(),
            s.terminal().outbox().countAcknowledged(CloudTerminal.SALE),
            stats.unsent(),
            stats.rejected());
      }
    }
    return failures.get() == 0 && queue(sims) == 0 ? 0 : 1;
  }

  private static long completed(List<SimulatedTerminal> sims) {
    return sims.stream().mapToLong(s -> s.completed.get()).sum();
  }

  private static void caughtUp(PrintWriter out, long owed, long nanos) {
    // The outbox sends in order: every sale that waited at the restoration is delivered.
    out.printf(
        Locale.ROOT,
        "-- the %d sales waiting were delivered %.1f s after the network came back%n",
        owed,
        nanos / 1e9);
  }

  /** Sales the service has acknowledged. */
  /** Sales in the tills' journals, sent or not. */
  private static long journalled(List<SimulatedTerminal> sims) {
    return sims.stream().mapToLong(s -> s.terminal().outbox().count(CloudTerminal.SALE)).sum();
  }

  private static long delivered(List<SimulatedTerminal> sims) {
    return sims.stream()
        .mapToLong(s -> s.terminal().outbox().countAcknowledged(CloudTerminal.SALE))
        .sum();
  }

  /** Sales journalled, not refused, and not yet acknowledged. */
  private static long owed(List<SimulatedTerminal> sims) {
    return sims.stream()
        .mapToLong(
            s -> {
              Outbox outbox = s.terminal().outbox();
              long refused =
                  outbox.rejectedEntries().stream()
                      .filter(e -> CloudTerminal.SALE.equals(e.kind()))
                      .count();
              return outbox.count(CloudTerminal.SALE)
                  - outbox.countAcknowledged(CloudTerminal.SALE)
                  - refused;
            })
        .sum();
  }

  private static long queue(List<SimulatedTerminal> sims) {
    return sims.stream().mapToLong(s -> s.terminal().outbox().stats().unsent()).sum();
  }

  private static long online(List<SimulatedTerminal> sims) {
    return sims.stream()
        .filter(
            s ->
                s.terminal().status().connectivity()
                    == io.kasa.client.sync.Connectivity.State.ONLINE)
        .count();
  }

  static String line(
      double at, double rate, List<Long> latencies, long queue, long online, int terminals) {
    return String.format(
        Locale.ROOT,
        "t=%5.1fs  %7.1f sales/s  %s  queue %d  online %d/%d",
        at,
        rate,
        percentiles(latencies),
        queue,
        online,
        terminals);
  }

  /** p50 and p99 of delivery latencies in nanoseconds, as milliseconds. */
  static String percentiles(List<Long> latencies) {
    if (latencies.isEmpty()) {
      return "p50 -  p99 -";
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms  p99 %.1f ms",
        sorted[index(sorted.length, 50)] / 1e6,
        sorted[index(sorted.length, 99)] / 1e6);
  }

  private static int index(int n, int p) {
    return Math.max(0, Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1));
  }

  /** Whether {@code a} and {@code b} name the same server (scheme, host and port). */
  static boolean sameServer(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static URI withPort(URI u, int port) {
    try {
      return new URI(
          u.getScheme(), u.getUserInfo(), u.getHost(), port, u.getPath(), u.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("Not a service URL: " + u, e);
    }
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** 250ms, 30s, 5m, 1h. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.strip());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "Not a duration: " + value + " (e.g. 250ms, 30s, 5m, 1h)");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }

  /** AT+FOR, e.g. 10s+20s. */
  static final class CutConverter implements CommandLine.ITypeConverter<Cut> {
    @Override
    public Cut convert(String value) {
      String[] parts = value.split("\\+");
      if (parts.length != 2) {
        throw new CommandLine.TypeConversionException(
            "Give the cut as AT+FOR, e.g. 10s+20s: " + value);
      }
      DurationConverter d = new DurationConverter();
      return new Cut(d.convert(parts[0]), d.convert(parts[1]));
    }
  }
}
