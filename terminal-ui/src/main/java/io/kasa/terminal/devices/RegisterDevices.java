package io.kasa.terminal.devices;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.escpos.DrawerPulse;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.scanner.ScannerStatus;
import io.kasa.devices.scanner.SerialScanner;
import io.kasa.devices.scanner.UsbHidPosScanner;
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
 * The counter's devices as a technician set them: the receipt printer the register prints on,
 * connected in the background so a printer that is off never holds up the counter; the cash drawer,
 * kicked only through its own device — on its own port, or on the printer's with the configured pin
 * and pulse (ADR 0029); and a scanner on a serial line or in USB HID POS mode. With a {@code sim:}
 * URI a device is the built-in virtual one, whose output the demo shows on screen.
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
  private Runnable closeScanner = () -> {};

  private final DeviceSettings settings;

  /**
   * The devices of these settings: the receipt printer and the drawer; {@code drawerLeftOpen} is
   * how long the drawer may stand open before it reports being left open (asked each time).
   */
  public RegisterDevices(
      DeviceSettings settings, Clock clock, java.util.function.Supplier<Duration> drawerLeftOpen) {
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
    // Usually the drawer is wired to the printer: its pulse goes to the printer's port as a job of
    // its own, its switch read through the printer. A drawer on its own port gets the pulse there.
    CashDrawer.Port port;
    if (settings.drawerUri().isBlank()) {
      this.drawerConnection = null;
      port = CashDrawer.viaPrinter(printer, settings.drawerPulse(), DrawerPulse.DEFAULT_SETTLE);
    } else {
      this.drawerConnection =
          DeviceConnection.of(
              new Transports(simulators).create(DeviceUri.parse(settings.drawerUri())), scheduler);
      drawerConnection.start();
      port =
          CashDrawer.viaSerial(
              drawerConnection,
              settings.drawerPulse(),
              DrawerPulse.DEFAULT_SETTLE,
              Duration.ofMillis(700));
    }
    this.drawer =
        new CashDrawer(
            port,
            settings.drawerOpenHigh(),
            drawerLeftOpen,
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
   * Adds the settings' scanner, as its URI says: a USB scanner in HID POS mode ({@code
   * usb:vendor:product}), read from its interrupt endpoint and reopened when it comes back; or a
   * scanner on a serial port or the simulator ({@code serial:…}, {@code sim:scanner}), framed as
   * the settings say. Its scans go to {@code onScan}. Nothing when no scanner is set:
   * keyboard-wedge scanners need nothing here, the window hears them.
   */
  public void scanner(BarcodeParser parser, Clock clock, Consumer<ScanEvent> onScan) {
    scanner(parser, clock, onScan, s -> {});
  }

  /**
   * As {@link #scanner(BarcodeParser, Clock, Consumer)}; the scanner also tells {@code onStatus}
   * once when it is unplugged and once when it is back.
   */
  public void scanner(
      BarcodeParser parser,
      Clock clock,
      Consumer<ScanEvent> onScan,
      Consumer<ScannerStatus> onStatus) {
    if (settings.scannerUri().isBlank()) {
      return;
    }
    DeviceUri uri = DeviceUri.parse(settings.scannerUri());
    if (uri instanceof DeviceUri.Usb usb) {
      UsbHidPosScanner hid = new UsbHidPosScanner(usb, parser, Duration.ofSeconds(5), clock);
      hid.onScan(onScan);
      // Its reports carry whole scans: nothing is half-read when it goes; only say it went.
      hid.onState(
          connected ->
              onStatus.accept(
                  new ScannerStatus(
                      usb.toString(), connected, connected ? "" : "unplugged", clock.instant())));
      closeScanner = hid.start()::close;
      return;
    }
    scannerConnection = DeviceConnection.of(new Transports(simulators).create(uri), scheduler);
    scannerConnection.start();
    SerialScanner serial =
        new SerialScanner(
            scannerConnection, settings.scanFraming(), parser, Duration.ofMillis(300), clock);
    serial.onScan(onScan);
    serial.onStatus(onStatus);
    closeScanner = serial.start()::close;
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
        .drawerPulse(settings.drawerPulse())
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
    closeScanner.run();
    if (scannerConnection != null) {
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
