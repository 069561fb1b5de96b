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
  public static final String STATIONS = DeviceSettings.KITCHEN_STATIONS;

  private static final Logger LOG = LoggerFactory.getLogger(KitchenStationPrinter.class);

  /** A printer's connection and its service, closed together. */
  private record Opened(DeviceConnection connection, PrinterService printer) {
    void close() {
      printer.close();
      connection.close();
    }
  }

  private final ScheduledExecutorService scheduler;
  private final List<Opened> printers;
  private final KitchenPrinting printing;

  private KitchenStationPrinter(
      ScheduledExecutorService scheduler, List<Opened> printers, KitchenPrinting printing) {
    this.scheduler = scheduler;
    this.printers = printers;
    this.printing = printing;
  }

  /** The stations named in the setting, or none. */
  public static List<String> stations(CloudTerminal terminal) {
    return DeviceSettings.stationIds(terminal.setting(STATIONS).orElse(""));
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
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kasa-kitchen-printer");
              t.setDaemon(true);
              return t;
            });
    Opened kitchen =
        open(settings.kitchenPrinterUri(), settings.kitchenPrinterProfile(), scheduler, clock);
    // A fallback (ADR 0057) takes a station's tickets once its printer has been down a while.
    Opened fallback =
        settings.kitchenFallbackUri().isBlank()
            ? null
            : open(
                settings.kitchenFallbackUri(), settings.kitchenFallbackProfile(), scheduler, clock);
    LOG.info(
        "Printing kitchen tickets for {} on {}{}",
        stations,
        settings.kitchenPrinterUri(),
        fallback == null ? "" : ", falling back to " + settings.kitchenFallbackUri());
    return new KitchenStationPrinter(
        scheduler,
        fallback == null ? List.of(kitchen) : List.of(kitchen, fallback),
        new KitchenPrinting(
                terminal.client(),
                terminal.kitchenCursor(),
                stations,
                kitchen.printer(),
                fallback == null ? null : fallback.printer(),
                KitchenPrinting.FALLBACK_AFTER,
                storeLocale,
                states)
            .start());
  }

  private static Opened open(
      String uri, String profileId, ScheduledExecutorService scheduler, Clock clock) {
    var profile = PrinterProfiles.builtIn().get(profileId);
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(profile)).create(DeviceUri.parse(uri)), scheduler);
    connection.start();
    // Without a fallback a ticket waits for the printer as long as a kitchen would: an hour, then
    // the feed tries it again from its cursor. With one, it waits FALLBACK_AFTER (KitchenPrinting).
    PrinterService printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(
                Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofHours(1)),
            clock);
    return new Opened(connection, printer);
  }

  @Override
  public void close() {
    printing.close();
    printers.forEach(Opened::close);
    scheduler.shutdownNow();
  }
}
