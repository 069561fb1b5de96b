package io.kasa.terminal.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SendRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.kitchen.KitchenFeed;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import io.kasa.devices.transport.Transports;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's printer down, and its fallback (ADR 0057), over two serial lines (socat
 * pseudo-terminals) against the real service: the kitchen printer unplugged, the waiting ticket and
 * the next print on the fallback headed «РЕЗЕРВНИЙ ДРУК — Гаряча кухня»; plugged back, the next
 * ticket prints on it; both unplugged, the ticket waits and prints once, on the first one back; a
 * ticket cut off between its bytes and the cursor is reprinted on the fallback headed both
 * «РЕЗЕРВНИЙ ДРУК» and «ПОВТОР»; and an Epson-class printer answering DLE EOT on its line that says
 * paper out sends tickets to the fallback until its replies say paper is back. Read back byte by
 * byte from both lines: every ticket on paper exactly once.
 */
class KitchenFallbackTest {

  private static TestCloud cloud;
  private static int terminals;
  @TempDir Path dir;

  private final PrinterProfile profile = PrinterProfiles.builtIn().get("generic-80mm");
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final List<KitchenFeed.State> states = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** A printer's serial line and the paper it has printed. */
  private final class Line implements AutoCloseable {
    final SocatPair pair;
    final ByteArrayOutputStream paper = new ByteArrayOutputStream();
    final DeviceConnection connection;
    final PrinterService printer;

    Line(String name) throws Exception {
      pair = new SocatPair(dir, name).start();
      connection =
          DeviceConnection.of(
              new Transports(new Simulators(profile))
                  .create(DeviceUri.parse("serial:" + pair.deviceEnd() + "?baud=19200")),
              scheduler);
      connection.start();
      printer =
          new PrinterService(
              connection,
              profile,
              new PrinterService.Settings(
                  Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(30)),
              Clock.systemUTC());
    }

    /** The text lines on this line's paper, after reading what the line carried since. */
    synchronized List<String> printed() {
      if (pair.peer() != null) {
        byte[] buf = new byte[8192];
        int n;
        while ((n = pair.peer().readBytes(buf, buf.length)) > 0) {
          paper.write(buf, 0, n);
        }
      }
      return new EscPosDecoder(profile)
          .decode(paper.toByteArray()).stream()
              .filter(PrintElement.TextLine.class::isInstance)
              .map(e -> ((PrintElement.TextLine) e).text())
              .toList();
    }

    synchronized long cuts() {
      printed();
      return new EscPosDecoder(profile)
          .decode(paper.toByteArray()).stream().filter(PrintElement.Cut.class::isInstance).count();
    }

    void unplug() throws InterruptedException {
      printed();
      pair.unplug();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> connection.state() != DeviceConnection.State.CONNECTED);
    }

    void plugIn() throws Exception {
      pair.start();
    }

    @Override
    public void close() {
      printer.close();
      connection.close();
      pair.close();
    }
  }

  private CloudTerminal terminal(Path where, boolean host) {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), "F" + terminals++, "kitchen");
    CloudTerminal terminal =
        CloudTerminal.open(where, Clock.systemUTC(), CloudClientConfig::defaults);
    terminal.enroll(URI.create("http://127.0.0.1:" + cloud.app.port()), t.enrollmentCode(), "k");
    if (host) {
      terminal.signIn(cloud.demo.hostId(), "5555");
    }
    return terminal;
  }

  /** Sends a borshch for the hot kitchen on {@code check}. */
  private void order(CloudTerminal host, UUID check) {
    host.client().addCheckLine(check, new AddLineRequest(UUID.randomUUID(), "borshch", "1", 1));
    host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));
  }

  @Test
  void aDownPrintersTicketsPrintOnceOnTheFallbackAndBackOnItWhenItReturns() throws Exception {
    try (Line kitchenLine = new Line("kitchen");
        Line fallbackLine = new Line("fallback");
        CloudTerminal host = terminal(dir.resolve("host"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen"), false)) {
      KitchenPrinting printing =
          new KitchenPrinting(
                  kitchen.client(),
                  kitchen.kitchenCursor(),
                  List.of("hot"),
                  kitchenLine.printer,
                  fallbackLine.printer,
                  Duration.ofSeconds(2),
                  Locale.forLanguageTag("uk-UA"),
                  states::add)
              .start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("hot").isPresent());
      TableDto table = host.client().floor().tables().get(1);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));

      // Both up: the kitchen printer prints.
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> kitchenLine.cuts() == 1);
      assertThat(kitchenLine.printed()).contains("Гаряча кухня", "1 × Борщ з пампушками");
      assertThat(fallbackLine.cuts()).isZero();

      // The kitchen printer unplugged: after two seconds the ticket goes to the fallback, headed.
      kitchenLine.unplug();
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> fallbackLine.cuts() == 1);
      List<String> fallen = fallbackLine.printed();
      assertThat(fallen.get(0)).isEqualTo("РЕЗЕРВНИЙ ДРУК — Гаряча кухня");
      assertThat(fallen).contains("Гаряча кухня", "Стіл " + table.name(), "1 × Борщ з пампушками");
      assertThat(fallen).doesNotContain("ПОВТОР");
      assertThat(states).contains(KitchenFeed.State.FALLBACK);
      // The next goes straight there.
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> fallbackLine.cuts() == 2);
      assertThat(fallbackLine.printed()).filteredOn(l -> l.startsWith("РЕЗЕРВНИЙ")).hasSize(2);

      // Plugged back: the next ticket prints on the kitchen printer, and nothing before it again.
      kitchenLine.plugIn();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> kitchenLine.connection.state() == DeviceConnection.State.CONNECTED);
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> kitchenLine.cuts() == 2);
      assertThat(kitchenLine.printed()).doesNotContain("РЕЗЕРВНИЙ ДРУК — Гаряча кухня", "ПОВТОР");
      assertThat(states.get(states.size() - 1)).isEqualTo(KitchenFeed.State.LIVE);

      // Both unplugged: the ticket waits (the status bar says so) and prints once, on the first
      // back.
      kitchenLine.unplug();
      fallbackLine.unplug();
      order(host, check);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> states.get(states.size() - 1) == KitchenFeed.State.PRINTER_DOWN);
      fallbackLine.plugIn();
      await().atMost(Duration.ofSeconds(40)).until(() -> fallbackLine.cuts() == 3);
      kitchenLine.plugIn();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> kitchenLine.connection.state() == DeviceConnection.State.CONNECTED);
      order(host, check);
      await().atMost(Duration.ofSeconds(40)).until(() -> kitchenLine.cuts() == 3);
      await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
      assertThat(kitchenLine.cuts()).as("nothing printed twice").isEqualTo(3);
      assertThat(fallbackLine.cuts()).as("nothing printed twice").isEqualTo(3);
      assertThat(kitchenLine.printed()).doesNotContain("ПОВТОР");
      assertThat(fallbackLine.printed()).doesNotContain("ПОВТОР");
      printing.close();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aTicketCutOffBetweenBytesAndCursorIsReprintedOnTheFallbackMarkedBoth() throws Exception {
    try (Line kitchenLine = new Line("kitchen2");
        Line fallbackLine = new Line("fallback2");
        CloudTerminal host = terminal(dir.resolve("host2"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen2"), false)) {
      KitchenPrinting printing = printing(kitchen, kitchenLine, fallbackLine);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("hot").isPresent());
      long before = kitchen.kitchenCursor().last("hot").getAsLong();
      TableDto table = host.client().floor().tables().get(3);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> kitchenLine.cuts() == 1);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> kitchen.kitchenCursor().last("hot").getAsLong() > before);
      long ticket = kitchen.kitchenCursor().last("hot").getAsLong();
      printing.close();
      // As a power cut leaves it: the bytes went out, the cursor was not committed.
      kitchen.kitchenCursor().printed("hot", before);
      kitchen.kitchenCursor().printingNow("hot", ticket);

      // Back on with the kitchen printer unplugged: the copy goes to the fallback, marked both.
      kitchenLine.unplug();
      KitchenPrinting back = printing(kitchen, kitchenLine, fallbackLine);
      await().atMost(Duration.ofSeconds(20)).until(() -> fallbackLine.cuts() == 1);
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      List<String> copy = fallbackLine.printed();
      assertThat(copy.subList(0, 2)).containsExactly("РЕЗЕРВНИЙ ДРУК — Гаряча кухня", "ПОВТОР");
      assertThat(copy).contains("1 × Борщ з пампушками");
      assertThat(fallbackLine.cuts()).as("once").isEqualTo(1);
      assertThat(kitchen.kitchenCursor().last("hot")).hasValue(ticket);
      assertThat(kitchen.kitchenCursor().printing("hot")).isEmpty();
      back.close();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void paperOutSaidByThePrintersOwnStatusRepliesSendsTicketsToTheFallbackUntilPaperIsBack()
      throws Exception {
    // The station's printer is an Epson-class one answering DLE EOT on its line, byte for byte.
    PrinterProfile epson = PrinterProfiles.builtIn().get("epson-tm-t20iii");
    VirtualPrinter virtual = new VirtualPrinter(epson);
    PtyDevice device = null;
    try (SocatPair pair = new SocatPair(dir, "kitchen3").start();
        Line fallbackLine = new Line("fallback3");
        CloudTerminal host = terminal(dir.resolve("host3"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen3"), false)) {
      device = new PtyDevice(pair, virtual::receive);
      DeviceConnection connection =
          DeviceConnection.of(
              new Transports(new Simulators(epson))
                  .create(DeviceUri.parse("serial:" + pair.deviceEnd() + "?baud=19200")),
              scheduler);
      connection.start();
      PrinterService printer =
          new PrinterService(
              connection,
              epson,
              new PrinterService.Settings(
                  Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(30)),
              Clock.systemUTC());
      KitchenPrinting printing =
          new KitchenPrinting(
                  kitchen.client(),
                  kitchen.kitchenCursor(),
                  List.of("hot"),
                  printer,
                  fallbackLine.printer,
                  Duration.ofSeconds(2),
                  Locale.forLanguageTag("uk-UA"),
                  states::add)
              .start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("hot").isPresent());
      TableDto table = host.client().floor().tables().get(4);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      java.util.function.LongSupplier cuts =
          () -> virtual.elements().stream().filter(PrintElement.Cut.class::isInstance).count();

      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> cuts.getAsLong() == 1);

      virtual.setPaperOut(true);
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> fallbackLine.cuts() == 1);
      assertThat(fallbackLine.printed().get(0)).isEqualTo("РЕЗЕРВНИЙ ДРУК — Гаряча кухня");
      assertThat(states).contains(KitchenFeed.State.FALLBACK);

      virtual.setPaperOut(false);
      order(host, check);
      await().atMost(Duration.ofSeconds(20)).until(() -> cuts.getAsLong() == 2);
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      assertThat(cuts.getAsLong()).as("nothing printed twice").isEqualTo(2);
      assertThat(fallbackLine.cuts()).as("nothing printed twice").isEqualTo(1);
      assertThat(virtual.textLines())
          .contains("1 × Борщ з пампушками")
          .doesNotContain("РЕЗЕРВНИЙ ДРУК — Гаряча кухня", "ПОВТОР");
      printing.close();
      printer.close();
      connection.close();
    } finally {
      if (device != null) {
        device.close();
      }
      scheduler.shutdownNow();
    }
  }

  private KitchenPrinting printing(CloudTerminal kitchen, Line kitchenLine, Line fallbackLine) {
    return new KitchenPrinting(
            kitchen.client(),
            kitchen.kitchenCursor(),
            List.of("hot"),
            kitchenLine.printer,
            fallbackLine.printer,
            Duration.ofSeconds(2),
            Locale.forLanguageTag("uk-UA"),
            states::add)
        .start();
  }
}
