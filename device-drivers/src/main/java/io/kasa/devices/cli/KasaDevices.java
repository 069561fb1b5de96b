package io.kasa.devices.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kasa-devices}: the technicians' command-line tool for finding, configuring and testing
 * receipt printers, cash drawers and scanners. A user error prints one line and exits non-zero.
 */
@Command(
    name = "kasa-devices",
    mixinStandardHelpOptions = true,
    version = "kasa-devices 0.1.0",
    description = "Find, configure and test receipt printers, cash drawers and barcode scanners.",
    subcommands = {
      PortsCommand.class,
      ProfilesCommand.class,
      StatusCommand.class,
      TestPrintCommand.class,
      KickCommand.class,
      ScanCommand.class,
      PrintCommand.class,
      StoreLogoCommand.class
    })
public final class KasaDevices implements Runnable {

  /** Exit code for a device or input problem the user can fix. */
  static final int USER_ERROR = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the tool with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new KasaDevices());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("kasa-devices: " + plain(e));
          return USER_ERROR;
        });
    return cli.execute(args);
  }

  static String plain(Exception e) {
    Throwable t = e;
    while (t.getCause() != null
        && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
