package io.kasa.terminal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.FloorEvent;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SendRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.client.http.CloudClient;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.SocatPair;
import io.kasa.devices.transport.Transports;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import io.kasa.terminal.kitchen.KitchenPrinting;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Order sent → ticket on the station's paper (issue 23, point 7; ADR 0057), beside the floor's own
 * event latency in the same run. A host terminal adds a borshch to a check and sends it to the
 * kitchen ({@code POST /v1/checks/{id}/send}); a second terminal prints the hot kitchen's tickets
 * through {@link KitchenPrinting} on a printer service over a socat pseudo-terminal, whose far end
 * this bench reads, counting the cut command that ends each ticket; a third reader follows {@code
 * /v1/floor/events} as a host stand does and notes when the check's {@code CHECK} event shows the
 * line sent. From the moment the send is made it measures: the send's own answer, the {@code CHECK}
 * event on the floor's stream (the baseline, as {@code FloorEventsBench}), and the ticket's cut read
 * on the pty. The service runs on an embedded PostgreSQL, as in the tests; socat is needed.
 *
 * <p>Run: {@code ./mvnw -q -pl terminal-ui -am test-compile -Djacoco.skip=true} then {@code
 * ./mvnw -q -o -pl terminal-ui exec:exec@bench-kitchen} (docs/benchmarks.md).
 */
public final class KitchenTicketLatencyBench {

  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 30);
  private static final int SENDS = Integer.getInteger("bench.sends", 200);
  private static final ObjectMapper JSON = CloudClient.mapper();

  private KitchenTicketLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("kasa-kitchen-bench");
    PrinterProfile profile = PrinterProfiles.builtIn().get("generic-80mm");
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (TestCloud cloud = new TestCloud();
        SocatPair line = new SocatPair(dir, "kitchen").start();
        CloudTerminal host = terminal(cloud, dir.resolve("host"), "BH", true);
        CloudTerminal kitchen = terminal(cloud, dir.resolve("kitchen"), "BK", false);
        CloudTerminal stand = terminal(cloud, dir.resolve("stand"), "BS", true)) {
      // The station's paper: each cut (GS V) read on the far end of the line, timed.
      AtomicLong cuts = new AtomicLong();
      Map<Long, Long> cutAt = new ConcurrentHashMap<>();
      Thread paper =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                int previous = -1;
                while (!Thread.currentThread().isInterrupted() && line.peer() != null) {
                  int n = line.peer().readBytes(buf, buf.length);
                  long now = System.nanoTime();
                  for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xff;
                    if (previous == 0x1d && b == 'V') {
                      // The time first, then the count the main thread waits on.
                      long cut = cuts.get() + 1;
                      cutAt.put(cut, now);
                      cuts.set(cut);
                    }
                    previous = b;
                  }
                }
              },
              "bench-paper");
      paper.setDaemon(true);
      paper.start();

      DeviceConnection connection =
          DeviceConnection.of(
              new Transports(new Simulators(profile))
                  .create(DeviceUri.parse("serial:" + line.deviceEnd() + "?baud=19200")),
              scheduler);
      connection.start();
      // As the register opens its kitchen printer (KitchenStationPrinter).
      PrinterService printer =
          new PrinterService(
              connection,
              profile,
              new PrinterService.Settings(
                  Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofHours(1)),
              Clock.systemUTC());
      KitchenPrinting printing =
          new KitchenPrinting(
                  kitchen.client(),
                  kitchen.kitchenCursor(),
                  List.of("hot"),
                  printer,
                  Locale.forLanguageTag("uk-UA"),
                  state -> {})
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (kitchen.kitchenCursor().last("hot").isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the kitchen stream never started");
        }
        Thread.sleep(20);
      }

      // The floor's stream as a host stand follows it: when each line shows as sent.
      Map<UUID, Long> sentSeen = new ConcurrentHashMap<>();
      long from = stand.client().floor().eventId();
      Response floor = stand.client().floorEvents(from);
      Thread follower =
          new Thread(
              () -> {
                try {
                  BufferedSource source = floor.body().source();
                  String l;
                  while ((l = source.readUtf8Line()) != null) {
                    if (!l.startsWith("data:")) {
                      continue;
                    }
                    long now = System.nanoTime();
                    FloorEvent e = JSON.readValue(l.substring(5).strip(), FloorEvent.class);
                    if ("CHECK".equals(e.kind()) && e.check() != null) {
                      for (var cl : e.check().lines()) {
                        if (cl.sentAt() != null) {
                          sentSeen.putIfAbsent(cl.id(), now);
                        }
                      }
                    }
                  }
                } catch (Exception e) {
                  // closed at the end
                }
              },
              "bench-floor");
      follower.setDaemon(true);
      follower.start();

      TableDto table = host.client().floor().tables().get(2);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      long[] answer = new long[SENDS];
      long[] onFloor = new long[SENDS];
      long[] onPaper = new long[SENDS];
      for (int i = -WARM_UP; i < SENDS; i++) {
        UUID item = UUID.randomUUID();
        host.client().addCheckLine(check, new AddLineRequest(item, "borshch", "1", 1));
        long expected = cuts.get() + 1;
        long start = System.nanoTime();
        host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));
        long answered = System.nanoTime();
        long until = answered + TimeUnit.SECONDS.toNanos(10);
        while (!(sentSeen.containsKey(item) && cuts.get() >= expected)) {
          if (System.nanoTime() > until) {
            throw new IllegalStateException("send " + i + " never reached the floor or the paper");
          }
          Thread.onSpinWait();
        }
        if (cuts.get() != expected) {
          throw new IllegalStateException("send " + i + " printed " + cuts.get() + " tickets");
        }
        if (i >= 0) {
          answer[i] = answered - start;
          onFloor[i] = sentSeen.get(item) - start;
          onPaper[i] = cutAt.get(expected) - start;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d orders sent to the hot kitchen (after %d to warm up), each timed from the send:%n"
              + "  the send's own answer:                   %s%n"
              + "  CHECK event on the floor's stream (base): %s%n"
              + "  the ticket's cut read on the station pty: %s%n"
              + "  p99 ratio paper/floor %.2f×; slowest ticket %.1f ms"
              + " (target: ≤ 1.5× and ≤ 1 s)%n",
          SENDS,
          WARM_UP,
          stats(answer),
          stats(onFloor),
          stats(onPaper),
          percentile(onPaper, 99) / percentile(onFloor, 99),
          Arrays.stream(onPaper).max().orElse(0) / 1e6);
      floor.close();
      printing.close();
      printer.close();
      connection.close();
      paper.interrupt();
    } finally {
      scheduler.shutdownNow();
    }
    System.exit(0);
  }

  private static CloudTerminal terminal(TestCloud cloud, Path where, String code, boolean host) {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), code, "bench");
    CloudTerminal terminal =
        CloudTerminal.open(where, Clock.systemUTC(), CloudClientConfig::defaults);
    terminal.enroll(URI.create("http://127.0.0.1:" + cloud.app.port()), t.enrollmentCode(), code);
    if (host) {
      terminal.signIn(cloud.demo.hostId(), "5555");
    }
    return terminal;
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
