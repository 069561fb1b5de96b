package io.kasa.terminal.devices;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A kitchen printer on the technician's bench (the kitchen's own, or its fallback, ADR 0057): its
 * connection and its printer service, opened and closed together, its status reported as it
 * changes. A job waits for it 30 s, as long as a technician watches a test page.
 */
final class BenchPrinter implements AutoCloseable {

  private final DeviceConnection connection;
  private final PrinterService printer;

  private BenchPrinter(DeviceConnection connection, PrinterService printer) {
    this.connection = connection;
    this.printer = printer;
  }

  /** The printer at {@code uri}, started; null when {@code uri} is blank (none set). */
  static BenchPrinter open(
      String uri,
      String profileId,
      ScheduledExecutorService scheduler,
      Clock clock,
      Consumer<PrinterStatus> status) {
    if (uri.isBlank()) {
      return null;
    }
    var profile = PrinterProfiles.builtIn().get(profileId);
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(profile)).create(DeviceUri.parse(uri)), scheduler);
    PrinterService printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(
                Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(30)),
            clock);
    printer.onStatus(status);
    connection.start();
    return new BenchPrinter(connection, printer);
  }

  PrinterService printer() {
    return printer;
  }

  @Override
  public void close() {
    printer.close();
    connection.close();
  }
}
