package io.kasa.terminal.app;

import io.kasa.api.shifts.ShiftReport;
import io.kasa.api.shifts.ShiftReportPrint;
import io.kasa.client.http.CloudProblemException;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.client.terminal.UnsyncedEntriesException;
import io.kasa.terminal.checkout.JournalCheckout;
import io.kasa.terminal.checkout.Printouts;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.Shifts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The shift screen's calls on the terminal's cloud side, with the reports printed and kept and the
 * drawer opened through its own device.
 */
final class CloudShifts implements Shifts {

  private final CloudTerminal terminal;
  private final Printouts printouts;
  private final Supplier<java.util.concurrent.CompletableFuture<Boolean>> drawer;
  private final Supplier<JournalCheckout.Cashier> cashier;
  private final Messages messages;
  private final Clock clock;

  CloudShifts(
      CloudTerminal terminal,
      Printouts printouts,
      Supplier<java.util.concurrent.CompletableFuture<Boolean>> drawer,
      Supplier<JournalCheckout.Cashier> cashier,
      Messages messages,
      Clock clock) {
    this.terminal = terminal;
    this.printouts = printouts;
    this.drawer = drawer;
    this.cashier = cashier;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Optional<UUID> current() {
    return terminal.shifts().current();
  }

  @Override
  public void open(long openingFloat) {
    terminal.shifts().open(openingFloat, cashier.get().id());
  }

  @Override
  public void movement(String type, long amount, String reason, ManagerPin manager) throws Refused {
    try {
      terminal
          .shifts()
          .cashMovement(type, amount, reason, cashier.get().id(), ManagerPins.override(manager));
    } catch (SignInRefused e) {
      throw ManagerPins.refused(e, messages);
    }
  }

  @Override
  public java.util.concurrent.CompletableFuture<Boolean> openDrawer() {
    return drawer.get();
  }

  @Override
  public Optional<List<String>> xReport() {
    try {
      return terminal.shifts().xReport().map(this::print);
    } catch (CloudProblemException | CloudUnreachableException e) {
      // Signed in offline (no session) or the service went away meanwhile.
      return Optional.empty();
    }
  }

  @Override
  public Optional<List<String>> close(long counted, ManagerPin manager) throws Unsynced, Refused {
    UUID shift =
        terminal
            .shifts()
            .current()
            .orElseThrow(() -> new Refused(messages.get("shift.none"), false));
    try {
      return terminal
          .shifts()
          .close(shift, counted, true, cashier.get().id(), ManagerPins.override(manager))
          .map(this::print);
    } catch (UnsyncedEntriesException e) {
      throw new Unsynced(e.unsynced());
    } catch (SignInRefused e) {
      throw ManagerPins.refused(e, messages);
    }
  }

  /** Prints a Z report whose close was delivered late, if one is waiting; answers whether. */
  boolean printLateZ() {
    Optional<ShiftReport> z = terminal.shifts().zReportToPrint();
    z.ifPresent(
        r -> {
          print(r);
          terminal.shifts().zReportPrinted();
        });
    return z.isPresent();
  }

  private List<String> print(ShiftReport report) {
    var store = terminal.config().store();
    try {
      ShiftReportPrint.Context context =
          new ShiftReportPrint.Context(
              store.name(),
              terminal.config().terminalCode(),
              cashier.get().name(),
              Currency.getInstance(store.currency()),
              store.zone(),
              clock.instant(),
              Locale.forLanguageTag(store.locale()));
      // X reports are printed as often as asked: each keeps its own file.
      String name =
          report.kind()
              + "-"
              + report.shiftId()
              + ("X".equals(report.kind()) ? "-" + context.printedAt().toEpochMilli() : "");
      return printouts.report(ShiftReportPrint.receipt(report, context), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
