package io.kasa.terminal.devices;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.scanner.SerialScanner;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.sim.VirtualScanner;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import io.kasa.domain.barcode.BarcodeParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
  private final CashDrawer drawer;
  private final boolean simulated;
  private final DeviceConnection drawerConnection;
  private DeviceConnection scannerConnection;
  private SerialScanner scanner;

  private final DeviceSettings settings;

  /** The devices of these settings: the receipt printer, the drawer wired to it. */
  public RegisterDevices(DeviceSettings settings, Clock clock) {
    this.settings = settings;
    DeviceUri printerUri = DeviceUri.parse(settings.printerUri());
    PrinterProfile profile = settings.receiptProfile();
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
    // Usually the drawer is wired to the printer: kicked by the receipt, its switch read through
    // it. A drawer on its own port gets the same pulse there.
    CashDrawer.Port port;
    if (settings.drawerUri().isBlank()) {
      this.drawerConnection = null;
      port =
          CashDrawer.viaPrinter(
              printer, settings.drawerPin(), settings.drawerPulseMs(), settings.drawerPulseMs());
    } else {
      this.drawerConnection =
          DeviceConnection.of(
              new Transports(simulators).create(DeviceUri.parse(settings.drawerUri())), scheduler);
      drawerConnection.start();
      port = CashDrawer.viaSerial(drawerConnection, drawerPulse(), Duration.ofMillis(700));
    }
    this.drawer =
        new CashDrawer(
            port,
            settings.drawerOpenHigh(),
            Duration.ofSeconds(60),
            Duration.ofMillis(700),
            scheduler,
            clock);
    if (simulated) {
      // The simulated cashier shuts the drawer three seconds after it springs open.
      simulators
          .printer()
          .onPrinted(
              elements -> {
                if (elements.stream().anyMatch(e -> e instanceof PrintElement.DrawerKick)) {
                  scheduler.schedule(
                      () -> simulators.printer().setDrawerSignal(false), 3, TimeUnit.SECONDS);
                }
              });
    }
  }

  /**
   * Adds the settings' scanner on a serial port or the simulator ({@code serial:…}, {@code
   * sim:scanner}), framed as they say; its scans go to {@code onScan}. Nothing when no scanner is
   * set: keyboard-wedge scanners need nothing here, the window hears them.
   */
  public void scanner(BarcodeParser parser, Clock clock, Consumer<ScanEvent> onScan) {
    if (settings.scannerUri().isBlank()) {
      return;
    }
    DeviceUri uri = DeviceUri.parse(settings.scannerUri());
    scannerConnection = DeviceConnection.of(new Transports(simulators).create(uri), scheduler);
    scannerConnection.start();
    scanner =
        new SerialScanner(
            scannerConnection, settings.scanFraming(), parser, Duration.ofMillis(300), clock);
    scanner.onScan(onScan);
    scanner.start();
  }

  public DeviceSettings settings() {
    return settings;
  }

  /**
   * The bytes that kick the drawer with the settings' pin and pulse, as they go to the printer or
   * to the drawer's own port.
   */
  public byte[] drawerPulse() {
    return new io.kasa.devices.escpos.EscPos(printer.profile())
        .drawerPulse(settings.drawerPin(), settings.drawerPulseMs(), settings.drawerPulseMs())
        .toBytes();
  }

  public CashDrawer drawer() {
    return drawer;
  }

  /** The simulated drawer on its own port ({@code sim:drawer}), when the register uses it. */
  public io.kasa.devices.sim.VirtualDrawer virtualDrawer() {
    return simulators.drawer();
  }

  /** The simulated scanner, when the register uses it (demo mode, tests). */
  public VirtualScanner virtualScanner() {
    return simulators.scanner();
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
    if (scanner != null) {
      scanner.close();
      scannerConnection.close();
    }
    drawer.close();
    if (drawerConnection != null) {
      drawerConnection.close();
    }
    printer.close();
    connection.close();
    scheduler.shutdownNow();
  }
}
