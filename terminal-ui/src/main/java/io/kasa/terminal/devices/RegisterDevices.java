package io.kasa.terminal.devices;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The receipt printer the register prints on (the cash drawer is wired to it and kicked through
 * it), connected in the background so a printer that is off never holds up the counter. With a
 * {@code sim:} URI the printer is the built-in virtual one, whose output the demo shows on screen.
 */
public final class RegisterDevices implements AutoCloseable {

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-devices");
            t.setDaemon(true);
            return t;
          });
  private final Simulators simulators;
  private final DeviceConnection connection;
  private final PrinterService printer;
  private final boolean simulated;

  public RegisterDevices(DeviceUri printerUri, PrinterProfile profile, Clock clock) {
    this.simulators = new Simulators(profile);
    this.simulated = printerUri instanceof DeviceUri.Sim;
    this.connection = DeviceConnection.of(new Transports(simulators).create(printerUri), scheduler);
    this.printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(
                Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(30)),
            clock);
    connection.start();
  }

  public PrinterService printer() {
    return printer;
  }

  /** The virtual printer, when the register prints on it (demo mode, tests). */
  public Optional<VirtualPrinter> virtualPrinter() {
    return simulated ? Optional.of(simulators.printer()) : Optional.empty();
  }

  @Override
  public void close() {
    printer.close();
    connection.close();
    scheduler.shutdownNow();
  }
}
