package io.kasa.devices.cli;

import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.domain.receipt.Receipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "print",
    mixinStandardHelpOptions = true,
    description = "Render a receipt model given as JSON and print it.")
final class PrintCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

  @Option(
      names = "--receipt",
      required = true,
      paramLabel = "FILE.json",
      description = "The receipt, in the JSON form of pos-domain's Receipt")
  Path receipt;

  @Option(
      names = "--logo",
      paramLabel = "KEY",
      description = "Print the NV logo stored under this key at the top")
  String logo;

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(receipt)) {
      throw new IOException("Cannot read " + receipt);
    }
    Receipt model = ReceiptJson.read(receipt);
    try (PrinterSession s = new PrinterSession(options)) {
      ReceiptOptions ro =
          logo == null ? ReceiptOptions.defaults() : ReceiptOptions.defaults().withNvLogo(logo);
      s.print("receipt " + model.number(), new ReceiptRenderer(s.profile, ro).render(model));
      spec.commandLine().getOut().println("Printed receipt " + model.number());
      return 0;
    }
  }
}
