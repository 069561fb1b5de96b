package io.kasa.devices.cli;

import io.kasa.devices.receipt.TestPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "test-print",
    mixinStandardHelpOptions = true,
    description = "Print a test page: Ukrainian text, styles, a barcode, a QR code, feed and cut.")
final class TestPrintCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

  @Override
  public Integer call() throws Exception {
    try (PrinterSession s = new PrinterSession(options)) {
      s.print("test page", TestPage.bytes(s.profile, options.printer));
      spec.commandLine()
          .getOut()
          .println("Test page sent to " + options.printer + " (" + s.profile.name() + ")");
      return 0;
    }
  }
}
