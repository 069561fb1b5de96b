package io.kasa.terminal.app;

import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.terminal.devices.RegisterDevices;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.i18n.ServiceWords;
import io.kasa.terminal.status.StatusViewModel;
import io.kasa.terminal.task.TaskExecutor;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cash drawer as the counter uses it (ADR 0029): kicked once, through the drawer device the
 * technician set — its own port, or the printer's with the configured pin and pulse — for a cash
 * sale, a refund paid in cash and "no sale". A drawer that does not open says so on the status bar
 * and never holds up or undoes the sale; one left open longer than the store allows raises an alert
 * and is audited.
 */
final class CounterDrawer {

  private static final Logger LOG = LoggerFactory.getLogger(CounterDrawer.class);

  private final Supplier<RegisterDevices> devices;
  private final StatusViewModel status;
  private final Messages messages;
  private final TaskExecutor tasks;
  private final CloudTerminal terminal;
  private final Supplier<UUID> employee;
  private String alert = "";

  CounterDrawer(
      Supplier<RegisterDevices> devices,
      StatusViewModel status,
      Messages messages,
      TaskExecutor tasks,
      CloudTerminal terminal,
      Supplier<UUID> employee) {
    this.devices = devices;
    this.status = status;
    this.messages = messages;
    this.tasks = tasks;
    this.terminal = terminal;
    this.employee = employee;
  }

  /**
   * Kicks the drawer; completes with whether the pulse went out (never exceptionally). A drawer
   * that did not take it shows on the status bar in the cashier's words.
   */
  CompletableFuture<Boolean> open() {
    RegisterDevices now = devices.get();
    if (now == null) {
      tasks.ui(() -> failed(messages.get("counter.drawer.withTechnician")));
      return CompletableFuture.completedFuture(false);
    }
    return now.drawer()
        .open()
        .thenApply(
            r -> {
              if (!r.kicked()) {
                // The device's own words are for the log; the cashier reads the screen's.
                LOG.warn("The drawer did not open: {}", r.message());
                tasks.ui(() -> failed(ServiceWords.drawer(messages, r)));
              }
              return r.kicked();
            });
  }

  /** What the drawer's switch reported: a drawer left open is an alert and an audit event. */
  void event(CashDrawer.Event e) {
    if (e.type() == CashDrawer.Event.Type.LEFT_OPEN) {
      long seconds = e.openFor().toSeconds();
      alert = messages.get("counter.drawer.leftOpen", seconds);
      status.note(alert);
      UUID who = employee.get();
      tasks.submit(
          () -> {
            terminal.recordAudit(
                "DRAWER_LEFT_OPEN",
                who,
                "open " + seconds + " s (limit " + limit().toSeconds() + " s)");
            return null;
          },
          done -> {},
          failure -> LOG.warn("The drawer left open was not audited", failure));
    } else if (e.type() == CashDrawer.Event.Type.CLOSED
        && status.noteProperty().get().equals(alert)) {
      status.note("");
      alert = "";
    }
  }

  private java.time.Duration limit() {
    return io.kasa.terminal.devices.DeviceChoice.drawerLeftOpen(terminal);
  }

  private void failed(String words) {
    status.drawerFailed();
    status.note(messages.get("counter.drawer.failed", words));
  }
}
