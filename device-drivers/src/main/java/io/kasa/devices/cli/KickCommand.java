package io.kasa.devices.cli;

import io.kasa.devices.DeviceException;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.printer.StatusQuery;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kick", mixinStandardHelpOptions = true, description = "Open the cash drawer.")
final class KickCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = "--printer",
        paramLabel = "URI",
        description = "Drawer wired to this printer's drawer port")
    String printer;

    @Option(
        names = "--drawer",
        paramLabel = "URI",
        description = "Standalone drawer on its own serial line")
    String drawer;
  }

  @Option(
      names = "--pin",
      defaultValue = "2",
      description = "Drawer pin: 2 or 5 (default ${DEFAULT-VALUE})")
  int pin;

  @Option(
      names = "--on",
      defaultValue = "100",
      description = "Pulse on-time in ms (default ${DEFAULT-VALUE})")
  int onMillis;

  @Option(
      names = "--off",
      defaultValue = "200",
      description = "Pulse off-time in ms (default ${DEFAULT-VALUE})")
  int offMillis;

  @Option(names = "--profile", defaultValue = "generic-80mm", description = "Printer profile")
  String profile;

  @Override
  public Integer call() throws Exception {
    PrinterOptions printerOptions = new PrinterOptions();
    printerOptions.printer = target.printer != null ? target.printer : target.drawer;
    printerOptions.profile = profile;
    byte[] pulse =
        new EscPos(printerOptions.resolveProfile()).drawerPulse(pin, onMillis, offMillis).toBytes();
    try (PrinterSession s = new PrinterSession(printerOptions)) {
      if (target.printer != null) {
        s.print("drawer kick", pulse);
      } else {
        s.connection.call(
            t -> {
              t.write(pulse);
              return null;
            });
      }
      CashDrawer.State state = drawerState(s);
      spec.commandLine()
          .getOut()
          .println(
              "Drawer kicked on pin "
                  + pin
                  + "; drawer reports "
                  + state.name().toLowerCase(java.util.Locale.ROOT));
      return 0;
    }
  }

  private static CashDrawer.State drawerState(PrinterSession s) {
    try {
      PrinterStatus status =
          s.connection.call(t -> StatusQuery.query(t, Duration.ofMillis(500), Instant.now()));
      return !status.known()
          ? CashDrawer.State.UNKNOWN
          : status.drawerSignalHigh() ? CashDrawer.State.OPEN : CashDrawer.State.CLOSED;
    } catch (DeviceException e) {
      return CashDrawer.State.UNKNOWN;
    }
  }
}
