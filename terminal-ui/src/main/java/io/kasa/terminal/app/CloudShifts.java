package io.kasa.terminal.app;

import io.kasa.api.shifts.ShiftReport;
import io.kasa.api.shifts.ShiftReportPrint;
import io.kasa.client.http.CloudProblemException;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.client.terminal.UnsyncedEntriesException;
import io.kasa.terminal.checkout.JournalCheckout;
import io.kasa.terminal.checkout.ReportOutput;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.Shifts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The shift screen's calls on the terminal's cloud side, with the reports printed and kept. */
final class CloudShifts implements Shifts {

  private final CloudTerminal terminal;
  private final ReportOutput reports;
  private final Supplier<JournalCheckout.Cashier> cashier;
  private final Messages messages;
  private final Clock clock;

  CloudShifts(
      CloudTerminal terminal,
      ReportOutput reports,
      Supplier<JournalCheckout.Cashier> cashier,
      Messages messages,
      Clock clock) {
    this.terminal = terminal;
    this.reports = reports;
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
      terminal.shifts().cashMovement(type, amount, reason, cashier.get().id(), override(manager));
    } catch (SignInRefused e) {
      throw refused(e);
    }
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
          .close(shift, counted, true, cashier.get().id(), override(manager))
          .map(this::print);
    } catch (UnsyncedEntriesException e) {
      throw new Unsynced(e.unsynced());
    } catch (SignInRefused e) {
      throw refused(e);
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
      return reports.print(
          report,
          new ShiftReportPrint.Context(
              store.name(),
              terminal.config().terminalCode(),
              cashier.get().name(),
              Currency.getInstance(store.currency()),
              ZoneId.systemDefault(),
              clock.instant(),
              Locale.forLanguageTag(store.locale())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CloudTerminal.ManagerOverride override(ManagerPin manager) {
    return manager == null
        ? null
        : new CloudTerminal.ManagerOverride(manager.managerId(), manager.pin());
  }

  private Refused refused(SignInRefused e) {
    return new Refused(
        messages.get(
            switch (e.reason()) {
              case LOCKED_OUT -> "signin.locked";
              case NOT_A_MANAGER -> "manager.needed";
              case WRONG_PIN, UNKNOWN_EMPLOYEE -> "signin.wrong";
            }),
        e.reason() == SignInRefused.Reason.NOT_A_MANAGER);
  }
}
