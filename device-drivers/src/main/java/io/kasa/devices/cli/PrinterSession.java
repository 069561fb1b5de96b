package io.kasa.devices.cli;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrintResult;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A connected printer for the length of one command. */
final class PrinterSession implements AutoCloseable {
  final PrinterProfile profile;
  final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-devices");
            t.setDaemon(true);
            return t;
          });
  final DeviceConnection connection;
  final PrinterService printer;

  PrinterSession(PrinterOptions options) throws DeviceException {
    profile = options.resolveProfile();
    DeviceUri uri = DeviceUri.parse(options.printer);
    connection =
        DeviceConnection.of(new Transports(new Simulators(profile)).create(uri), scheduler);
    try {
      connection.connect();
    } catch (DeviceException e) {
      close();
      throw e;
    }
    printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(
                Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(15)),
            Clock.systemUTC());
  }

  void print(String what, byte[] bytes) throws Exception {
    PrintResult result = printer.print(PrintJob.of(what, bytes)).get(60, TimeUnit.SECONDS);
    if (!result.printed()) {
      throw new DeviceException(result.failure(), result.message());
    }
  }

  @Override
  public void close() {
    if (printer != null) {
      printer.close();
    }
    connection.close();
    scheduler.shutdownNow();
  }
}
