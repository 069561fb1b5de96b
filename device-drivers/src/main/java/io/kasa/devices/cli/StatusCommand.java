package io.kasa.devices.cli;

import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.printer.StatusQuery;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads the printer's status once. Exit codes (docs/hardware.md): 0 ready (paper near its end
 * included), 1 a problem to fix (paper out, cover open, offline, an error, not a printer), 3 the
 * status is not known (no reply within the timeout, or a transport that cannot answer).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show printer and drawer status (DLE EOT 1-4).",
      "Exit code: 0 ready, 1 a problem to fix, 3 status not known."
    })
final class StatusCommand implements java.util.concurrent.Callable<Integer> {

  /** The status could not be read: nothing answered, or the transport cannot answer. */
  static final int STATUS_UNKNOWN = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

  @Option(
      names = "--timeout",
      defaultValue = "500",
      paramLabel = "MS",
      description = "How long to wait for each reply, ms (default ${DEFAULT-VALUE})")
  int timeoutMillis;

  @Override
  public Integer call() throws Exception {
    if (timeoutMillis < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--timeout must be at least 1 ms, not " + timeoutMillis);
    }
    Duration timeout = Duration.ofMillis(timeoutMillis);
    try (PrinterSession s = new PrinterSession(options)) {
      PrinterStatus status = s.connection.call(t -> StatusQuery.query(t, timeout, Instant.now()));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Printer: " + status.summary() + flags(status) + explain(status, timeout));
      out.println(
          "Drawer signal (pin 3): "
              + (status.known() ? (status.drawerSignalHigh() ? "high" : "low") : "unknown"));
      return exitCode(status);
    }
  }

  static int exitCode(PrinterStatus status) {
    return switch (status.reply()) {
      case NO_REPLY, NOT_AVAILABLE -> STATUS_UNKNOWN;
      case NOT_A_PRINTER, DISCONNECTED -> KasaDevices.USER_ERROR;
      case ANSWERED -> status.canPrint() ? 0 : KasaDevices.USER_ERROR;
    };
  }

  private static String flags(PrinterStatus status) {
    // The flags are an EnumSet view: always in the same order.
    return status.flags().isEmpty() ? "" : " " + status.flags();
  }

  private static String explain(PrinterStatus status, Duration timeout) {
    return switch (status.reply()) {
      case NO_REPLY ->
          " (nothing answered DLE EOT within "
              + timeout.toMillis()
              + " ms: a one-way printer, status switched off, or the wrong device)";
      case NOT_AVAILABLE -> " (status is not available on this transport: nothing was asked)";
      case NOT_A_PRINTER ->
          " (something answers, but not as an ESC/POS printer: check the address and port)";
      default -> "";
    };
  }
}
