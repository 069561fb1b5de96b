package io.kasa.devices.cli;

import io.kasa.devices.DeviceException;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.escpos.DrawerPulse;
import io.kasa.devices.printer.StatusQuery;
import io.kasa.devices.profile.PrinterProfile;
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

  @Option(names = "--pin", description = "Drawer pin: 2 or 5 (default: the profile's)")
  Integer pin;

  @Option(
      names = "--on",
      paramLabel = "MS",
      description =
          "Pulse on-time in ms, rounded up to the command's unit: ESC_P 2-510 in 2 ms steps,"
              + " DLE_DC4 100-800 in 100 ms steps (default: the profile's)")
  Integer onMillis;

  @Option(
      names = "--off",
      paramLabel = "MS",
      description =
          "Pulse off-time in ms, at least the on-time; DLE_DC4 uses the on-time"
              + " (default: the profile's)")
  Integer offMillis;

  @Option(
      names = "--command",
      paramLabel = "ESC_P|DLE_DC4",
      description =
          "ESC_P (queued with print data) or DLE_DC4 (real-time, for printers that need it)"
              + " (default: the profile's)")
  String command;

  @Option(
      names = "--settle",
      paramLabel = "MS",
      defaultValue = "200",
      description =
          "Time after the pulse for the drawer to move before its switch is read"
              + " (default ${DEFAULT-VALUE})")
  int settleMillis;

  @Option(names = "--profile", defaultValue = "generic-80mm", description = "Printer profile")
  String profile;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      description = "Override a profile field, e.g. --set drawerCommand=DLE_DC4")
  java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    PrinterOptions printerOptions = new PrinterOptions();
    printerOptions.printer = target.printer != null ? target.printer : target.drawer;
    printerOptions.profile = profile;
    printerOptions.overrides = overrides;
    DrawerPulse pulse = pulse(printerOptions.resolveProfile());
    if (settleMillis < 0) {
      throw new IllegalArgumentException("--settle is 0 ms or more, not " + settleMillis);
    }
    byte[] bytes = pulse.toBytes();
    try (PrinterSession s = new PrinterSession(printerOptions)) {
      if (target.printer != null) {
        s.print("drawer kick", bytes);
      } else {
        s.connection.call(
            t -> {
              t.write(bytes);
              return null;
            });
      }
      // Read the switch only once the pulse is over and the drawer has had time to move.
      Thread.sleep(pulse.duration().toMillis() + settleMillis);
      CashDrawer.State state = drawerState(s);
      spec.commandLine()
          .getOut()
          .println(
              "Drawer kicked on pin "
                  + pulse.pin()
                  + "; drawer reports "
                  + state.name().toLowerCase(java.util.Locale.ROOT)
                  + " ("
                  + pulse.command()
                  + ", "
                  + pulse.onMillis()
                  + " ms on, "
                  + pulse.offMillis()
                  + " ms off)");
      return 0;
    }
  }

  /** The pulse asked for, each value not given taken from the profile. */
  DrawerPulse pulse(PrinterProfile p) {
    DrawerPulse defaults = p.drawerPulse();
    return new DrawerPulse(
        pin != null ? pin : defaults.pin(),
        command != null ? DrawerPulse.Command.parse(command) : defaults.command(),
        onMillis != null ? onMillis : defaults.onMillis(),
        offMillis != null ? offMillis : defaults.offMillis());
  }

  private CashDrawer.State drawerState(PrinterSession s) {
    try {
      java.util.Optional<Boolean> high =
          target.printer != null
              ? s.connection
                  .call(t -> StatusQuery.query(t, Duration.ofMillis(500), Instant.now()))
                  .drawerSignal()
              : s.connection.call(t -> StatusQuery.drawerSignal(t, Duration.ofMillis(500)));
      return high.map(h -> h ? CashDrawer.State.OPEN : CashDrawer.State.CLOSED)
          .orElse(CashDrawer.State.UNKNOWN);
    } catch (DeviceException e) {
      return CashDrawer.State.UNKNOWN;
    }
  }
}
