package io.kasa.terminal.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.FireRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SendRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register printing for the demo's two stations on one kitchen printer over a serial line (a
 * socat pseudo-terminal), against the real service (ADR 0053): an order with options and a note
 * sent from the host stand prints as two tickets, read back byte by byte; the printing terminal
 * switched off misses a send and a void, and back on prints exactly those, once.
 */
class KitchenPrintingTest {

  private static TestCloud cloud;
  private static int terminals;
  @TempDir Path dir;

  private final PrinterProfile profile = PrinterProfiles.builtIn().get("generic-80mm");
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ByteArrayOutputStream paper = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private CloudTerminal terminal(Path where, boolean host) {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), "K" + terminals++, "kitchen");
    CloudTerminal terminal =
        CloudTerminal.open(where, Clock.systemUTC(), CloudClientConfig::defaults);
    terminal.enroll(URI.create("http://127.0.0.1:" + cloud.app.port()), t.enrollmentCode(), "k");
    if (host) {
      terminal.signIn(cloud.demo.hostId(), "5555");
    }
    return terminal;
  }

  private KitchenPrinting printing(CloudTerminal kitchen, PrinterService printer) {
    return printing(kitchen, printer, List.of("hot", "bar"));
  }

  private KitchenPrinting printing(
      CloudTerminal kitchen, PrinterService printer, List<String> stations) {
    return new KitchenPrinting(
            kitchen.client(),
            kitchen.kitchenCursor(),
            stations,
            printer,
            Locale.forLanguageTag("uk-UA"),
            state -> {})
        .start();
  }

  /**
   * A rare steak with pepper sauce «без цибулі» for seat 1 and {@code lattes} oat lattes for seat 2
   * on {@code check}: the hot kitchen's and the bar's; answers the steak's line.
   */
  private static UUID order(CloudTerminal host, UUID check, String lattes) {
    UUID steak = UUID.randomUUID();
    host.client()
        .addCheckLine(
            check,
            new AddLineRequest(
                steak,
                "steak",
                "1",
                1,
                List.of(
                    new ChosenModifierDto("doneness", "rare", 0, null, null),
                    new ChosenModifierDto("sauce", "pepper", 3500, null, null)),
                "без цибулі",
                null));
    host.client()
        .addCheckLine(
            check,
            new AddLineRequest(
                UUID.randomUUID(),
                "latte",
                lattes,
                2,
                List.of(new ChosenModifierDto("milk", "oat", 1500, null, null)),
                null,
                null));
    return steak;
  }

  /** The text lines printed so far, decoded from the bytes the line carried. */
  private List<String> printed(SocatPair line) {
    byte[] buf = new byte[8192];
    int n = line.peer().readBytes(buf, buf.length);
    if (n > 0) {
      paper.write(buf, 0, n);
    }
    return new EscPosDecoder(profile)
        .decode(paper.toByteArray()).stream()
            .filter(PrintElement.TextLine.class::isInstance)
            .map(e -> ((PrintElement.TextLine) e).text())
            .toList();
  }

  private long cuts() {
    return new EscPosDecoder(profile)
        .decode(paper.toByteArray()).stream().filter(PrintElement.Cut.class::isInstance).count();
  }

  private PrinterService printerOn(SocatPair line) {
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(profile))
                .create(DeviceUri.parse("serial:" + line.deviceEnd() + "?baud=19200")),
            scheduler);
    connection.start();
    return new PrinterService(
        connection,
        profile,
        new PrinterService.Settings(
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(30)),
        Clock.systemUTC());
  }

  /**
   * A course held by the send prints nothing then; fired, it prints at its station headed
   * «ПОДАВАТИ: курс 2» above the station, large, within the printer's columns (ADR 0056).
   */
  @Test
  void aHeldCourseFiredPrintsHeadedSoAtItsStation() throws Exception {
    try (SocatPair line = new SocatPair(dir, "fire").start();
        CloudTerminal host = terminal(dir.resolve("host"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen"), false)) {
      PrinterService printer = printerOn(line);
      KitchenPrinting on = printing(kitchen, printer);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("bar").isPresent());
      TableDto table = host.client().floor().tables().get(1);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      host.client()
          .addCheckLine(
              check, new AddLineRequest(UUID.randomUUID(), "borshch", "1", 1, null, null, 1));
      host.client()
          .addCheckLine(
              check,
              new AddLineRequest(
                  UUID.randomUUID(),
                  "steak",
                  "1",
                  2,
                  List.of(new ChosenModifierDto("doneness", "medium", 0, null, null)),
                  "без цибулі",
                  2));
      host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));
      await().atMost(Duration.ofSeconds(20)).until(() -> printed(line) != null && cuts() == 1);
      List<String> sent = printed(line);
      assertThat(sent).contains("1 × Борщ з пампушками").doesNotContain("1 × Стейк рібай");
      assertThat(String.join("\n", sent)).doesNotContain("ПОДАВАТИ");

      host.client().fireCourse(check, new FireRequest(UUID.randomUUID(), 2));
      await().atMost(Duration.ofSeconds(20)).until(() -> printed(line) != null && cuts() == 2);
      List<String> all = printed(line);
      List<String> fired = all.subList(sent.size(), all.size());
      assertThat(fired.get(0))
          .as("the fire first, above the station")
          .isEqualTo("ПОДАВАТИ: курс 2");
      assertThat(fired.get(1)).isEqualTo("Гаряча кухня");
      assertThat(fired).contains("1 × Стейк рібай", "+ Ступінь просмаження: Середня");
      assertThat(fired).contains("Примітка: без цибулі");
      for (String l : fired) {
        assertThat(l.length()).as(l).isLessThanOrEqualTo(profile.columnsFontA());
      }
      on.close();
      printer.close();
    } finally {
      scheduler.shutdownNow();
    }
  }

  /**
   * Issue 23's order: options and a note routed to two stations, the hot kitchen's printer on a
   * serial line decoded byte by byte, the bar a kitchen screen (the back office's page, ADR 0055)
   * that shows its ticket and never reaches the paper.
   */
  @Test
  void anOrderWithOptionsPrintsAtOneStationAndShowsOnTheOthersScreen() throws Exception {
    try (SocatPair line = new SocatPair(dir, "hot-only").start();
        CloudTerminal host = terminal(dir.resolve("host-s"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen-s"), false)) {
      KitchenPrinting on = printing(kitchen, printerOn(line), List.of("hot"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("hot").isPresent());
      // The last free table: the other tests of this class seat the first ones.
      TableDto table =
          host.client().floor().tables().stream()
              .filter(t -> "FREE".equals(t.state()))
              .reduce((a, b) -> b)
              .orElseThrow();
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      order(host, check, "1");
      host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));

      await().atMost(Duration.ofSeconds(20)).until(() -> printed(line) != null && cuts() == 1);
      assertThat(printed(line))
          .contains("Гаряча кухня", "1 × Стейк рібай", "+ Соус: Перцевий", "Примітка: без цибулі")
          .doesNotContain("Бар", "1 × Лате");

      String owner =
          cloud.officeCookie(cloud.officeAccount(cloud.demo.organisationId(), "owner", List.of()));
      java.net.http.HttpResponse<String> screen =
          cloud.officePage("/office/kitchen?store=" + cloud.demo.storeId() + "&station=bar", owner);
      assertThat(screen.statusCode()).isEqualTo(200);
      assertThat(screen.body())
          .contains("Лате", "Вівсяне", "Стіл " + table.name())
          .doesNotContain("Стейк рібай");
      on.close();
      assertThat(cuts()).as("the bar's ticket never reached the hot kitchen's paper").isEqualTo(1);
    }
  }

  @Test
  void anOrderPrintsOncePerStationAndWhatWasMissedPrintsOnceOnReturn() throws Exception {
    try (SocatPair line = new SocatPair(dir, "kitchen").start();
        CloudTerminal host = terminal(dir.resolve("host"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen"), false)) {
      DeviceConnection connection =
          DeviceConnection.of(
              new Transports(new Simulators(profile))
                  .create(DeviceUri.parse("serial:" + line.deviceEnd() + "?baud=19200")),
              scheduler);
      connection.start();
      PrinterService printer =
          new PrinterService(
              connection,
              profile,
              new PrinterService.Settings(
                  Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(30)),
              Clock.systemUTC());
      KitchenPrinting on = printing(kitchen, printer);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("bar").isPresent());

      TableDto table = host.client().floor().tables().get(0);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      UUID steak = order(host, check, "2");
      host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));
      await().atMost(Duration.ofSeconds(20)).until(() -> printed(line) != null && cuts() == 2);
      List<String> first = printed(line);
      assertThat(first)
          .contains(
              "Гаряча кухня",
              "Стіл " + table.name(),
              "1 × Стейк рібай",
              "місце 1",
              "+ Ступінь просмаження: З кров'ю",
              "+ Соус: Перцевий",
              "Примітка: без цибулі",
              "Бар",
              "2 × Лате",
              "+ Молоко: Вівсяне");
      assertThat(String.join("\n", first)).as("no prices in the kitchen").doesNotContain("35,00");
      for (String l : first) {
        assertThat(l.length()).as(l).isLessThanOrEqualTo(profile.columnsFontA());
      }

      // The printing terminal is off: a send and a void happen without it.
      on.close();
      await().pollDelay(Duration.ofMillis(300)).until(() -> true);
      host.client().addCheckLine(check, new AddLineRequest(UUID.randomUUID(), "borshch", "1", 2));
      host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));
      host.client().removeCheckLine(check, steak);
      KitchenPrinting back = printing(kitchen, printer);
      await().atMost(Duration.ofSeconds(20)).until(() -> printed(line) != null && cuts() == 4);
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      List<String> all = printed(line);
      assertThat(cuts()).as("nothing printed twice").isEqualTo(4);
      List<String> missed = all.subList(first.size(), all.size());
      assertThat(missed).contains("1 × Борщ з пампушками", "СКАСУВАННЯ", "1 × Стейк рібай");
      assertThat(missed).doesNotContain("2 × Лате", "ПОВТОР");
      back.close();
      printer.close();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
