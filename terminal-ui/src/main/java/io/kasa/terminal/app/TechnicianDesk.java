package io.kasa.terminal.app;

import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.devices.DeviceBench;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.scan.WedgeInput;
import io.kasa.terminal.task.TaskExecutor;
import io.kasa.terminal.tech.TechView;
import io.kasa.terminal.tech.TechViewModel;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The technician's screen (where a technician lands on signing in): device set-up and diagnostics
 * on the terminal's saved device settings, with support bundles beside the receipts folder and
 * every job the bench sends kept in it.
 */
final class TechnicianDesk {

  private final CloudTerminal terminal;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final Clock clock;
  private final Path receipts;
  private TechViewModel technician;
  private TechView view;

  TechnicianDesk(
      CloudTerminal terminal, TaskExecutor tasks, Messages messages, Clock clock, Path receipts) {
    this.terminal = terminal;
    this.tasks = tasks;
    this.messages = messages;
    this.clock = clock;
    this.receipts = receipts;
  }

  /** A fresh technician's screen, started; the register has let go of its devices first. */
  TechView open() {
    technician =
        new TechViewModel(
            new TechViewModel.Store() {
              @Override
              public DeviceSettings saved() {
                return DeviceChoice.settings(terminal);
              }

              @Override
              public void save(DeviceSettings settings) {
                DeviceChoice.save(terminal, settings);
              }

              @Override
              public String terminal() {
                var c = terminal.config();
                return c.store().code() + "-" + c.terminalCode() + " · " + c.terminalName();
              }
            },
            new CloudDeviceBackup(terminal),
            (settings, log) ->
                new DeviceBench(
                    settings,
                    clock,
                    () -> io.kasa.terminal.devices.DeviceChoice.drawerLeftOpen(terminal),
                    messages,
                    log),
            DeviceBench::attached,
            tasks,
            messages,
            clock,
            receipts.resolveSibling("support"),
            // The bench's jobs are kept with what the register prints: beside the receipts.
            receipts);
    // The stations to tick for the kitchen printer, as the service has them (ADR 0057).
    technician.stationsFrom(() -> terminal.client().kitchenStations());
    view = new TechView(technician, messages);
    technician.start();
    return view;
  }

  /** Scans go to the technician's scanner test. */
  WedgeInput.Target target() {
    return ScanTarget.scansOnly(technician::scanned);
  }

  TechViewModel model() {
    return technician;
  }

  /** Closes the technician's screen; answers whether one was open (its devices to reopen). */
  boolean close() {
    if (technician == null) {
      return false;
    }
    technician.close();
    technician = null;
    view = null;
    return true;
  }
}
