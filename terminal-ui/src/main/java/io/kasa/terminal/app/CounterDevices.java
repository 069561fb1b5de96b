package io.kasa.terminal.app;

import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.terminal.devices.RegisterDevices;
import io.kasa.terminal.status.StatusViewModel;
import io.kasa.terminal.task.TaskExecutor;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The counter's devices as the register uses them: opened from the terminal's settings with their
 * states on the status bar, and let go while a technician has them.
 */
final class CounterDevices {

  private final Supplier<RegisterDevices> factory;
  private final StatusViewModel status;
  private final TaskExecutor tasks;
  private final Clock clock;
  private final Consumer<ScanEvent> scanned;
  private final Consumer<CashDrawer.Event> drawerEvents;
  private volatile RegisterDevices devices;
  private Supplier<AutoCloseable> kitchenFactory = () -> () -> {};
  private volatile AutoCloseable kitchen;

  /**
   * @param scanned where a scanner's scans go (on the UI thread)
   * @param drawerEvents what the drawer's switch reports (on the UI thread)
   */
  CounterDevices(
      Supplier<RegisterDevices> factory,
      StatusViewModel status,
      TaskExecutor tasks,
      Clock clock,
      Consumer<ScanEvent> scanned,
      Consumer<CashDrawer.Event> drawerEvents) {
    this.factory = factory;
    this.status = status;
    this.tasks = tasks;
    this.clock = clock;
    this.scanned = scanned;
    this.drawerEvents = drawerEvents;
  }

  /** Opens the devices of the terminal's settings and shows their state on the status bar. */
  void open() {
    RegisterDevices opened = factory.get();
    opened.printer().onStatus(s -> tasks.ui(() -> status.printer(s)));
    opened
        .drawer()
        .onEvent(
            e ->
                tasks.ui(
                    () -> {
                      status.drawer(
                          opened.drawer().state(), e.type() == CashDrawer.Event.Type.LEFT_OPEN);
                      drawerEvents.accept(e);
                    }));
    status.drawer(opened.drawer().state(), false);
    opened.scanner(
        // The store's label layouts are applied by the cart (ADR 0030).
        BarcodeParser.withoutEmbeddedLabels(),
        clock,
        scan -> tasks.ui(() -> scanned.accept(scan)),
        s -> tasks.ui(() -> status.scanner(s.connected())));
    status.printer(opened.printer().status());
    devices = opened;
    try {
      kitchen = kitchenFactory.get();
    } catch (RuntimeException e) {
      // A kitchen printer set wrongly must not keep the counter from selling; the technician's
      // screen names the bad setting.
      org.slf4j.LoggerFactory.getLogger(CounterDevices.class)
          .warn("The kitchen printer did not open: {}", e.getMessage());
    }
  }

  /** What prints kitchen tickets for this terminal's stations (ADR 0053), opened with the rest. */
  void kitchen(Supplier<AutoCloseable> factory) {
    this.kitchenFactory = factory;
  }

  /** Lets go of the devices (their ports), for the technician's bench. */
  void close() {
    AutoCloseable k = kitchen;
    kitchen = null;
    if (k != null) {
      try {
        k.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(CounterDevices.class)
            .warn("The kitchen printer did not close cleanly: {}", e.toString());
      }
    }
    RegisterDevices open = devices;
    devices = null;
    if (open != null) {
      open.close();
    }
  }

  /** The devices in use now, or null while a technician has them. */
  RegisterDevices current() {
    return devices;
  }

  /** Asks the printer how it is, so paper out shows before the next sale. */
  void refreshPrinter() {
    RegisterDevices now = devices;
    if (now != null) {
      now.printer().refreshStatus();
    }
  }
}
