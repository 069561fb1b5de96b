package io.kasa.terminal.kitchen;

import io.kasa.client.kitchen.KitchenFeed;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import io.kasa.terminal.devices.DeviceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This register's kitchen printer printing for the stations named in its {@code kitchen-stations}
 * setting (ADR 0053; ids separated by commas, e.g. {@code hot,bar}). Opened and closed with the
 * register's other devices, so a technician's bench gets the port while they work.
 */
public final class KitchenStationPrinter implements AutoCloseable {

  /** The stations this terminal's kitchen printer prints for, by id, separated by commas. */
  public static final String STATIONS = "kitchen-stations";

  private static final Logger LOG = LoggerFactory.getLogger(KitchenStationPrinter.class);

  private final ScheduledExecutorService scheduler;
  private final DeviceConnection connection;
  private final PrinterService printer;
  private final KitchenPrinting printing;

  private KitchenStationPrinter(
      ScheduledExecutorService scheduler,
      DeviceConnection connection,
      PrinterService printer,
      KitchenPrinting printing) {
    this.scheduler = scheduler;
    this.connection = connection;
    this.printer = printer;
    this.printing = printing;
  }

  /** The stations named in the setting, or none. */
  public static List<String> stations(CloudTerminal terminal) {
    return Arrays.stream(terminal.setting(STATIONS).orElse("").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * Starts printing for the terminal's stations on its kitchen printer; nothing (an empty handle)
   * when either is not set.
   */
  public static AutoCloseable open(
      CloudTerminal terminal, Clock clock, Locale storeLocale, Consumer<KitchenFeed.State> states) {
    DeviceSettings settings = DeviceSettings.read(terminal::setting);
    List<String> stations = stations(terminal);
    if (settings.kitchenPrinterUri().isBlank() || stations.isEmpty()) {
      return () -> {};
    }
    var profile = PrinterProfiles.builtIn().get(settings.kitchenPrinterProfile());
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kasa-kitchen-printer");
              t.setDaemon(true);
              return t;
            });
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(profile))
                .create(DeviceUri.parse(settings.kitchenPrinterUri())),
            scheduler);
    connection.start();
    // A ticket waits for the printer as long as a kitchen would: an hour, then the feed tries it
    // again from its cursor.
    PrinterService printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(
                Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofHours(1)),
            clock);
    LOG.info("Printing kitchen tickets for {} on {}", stations, settings.kitchenPrinterUri());
    return new KitchenStationPrinter(
        scheduler,
        connection,
        printer,
        new KitchenPrinting(
                terminal.client(), terminal.kitchenCursor(), stations, printer, storeLocale, states)
            .start());
  }

  @Override
  public void close() {
    printing.close();
    printer.close();
    connection.close();
    scheduler.shutdownNow();
  }
}
