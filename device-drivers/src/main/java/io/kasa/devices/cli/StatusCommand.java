package io.kasa.devices.cli;

import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.printer.StatusQuery;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show printer and drawer status (DLE EOT 1-4).")
final class StatusCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

  @Override
  public Integer call() throws Exception {
    try (PrinterSession s = new PrinterSession(options)) {
      PrinterStatus status =
          s.connection.call(t -> StatusQuery.query(t, Duration.ofMillis(500), Instant.now()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Printer: " + status.summary() + (status.flags().isEmpty() ? "" : " " + status.flags()));
      out.println(
          "Drawer signal (pin 3): "
              + (status.known() ? (status.drawerSignalHigh() ? "high" : "low") : "unknown"));
      return 0;
    }
  }
}
