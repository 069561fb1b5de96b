package io.kasa.terminal.cli;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.devices.DeviceChoice;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasa-register}: the register on this terminal's data folder. */
@Command(
    name = "kasa-register",
    mixinStandardHelpOptions = true,
    version = "kasa-register 0.1.0",
    sortOptions = false,
    description =
        "The Kasa register. The first start opens the enrollment wizard (or give --service and"
            + " --enrollment-code).")
public final class KasaRegister implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "kasa-terminal",
      description = "The terminal's data folder (default ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--service", description = "The service's URL, to enroll this terminal")
  URI service;

  @Option(
      names = "--enrollment-code",
      description = "The one-time code from `kasa-cloud admin create-terminal`")
  String code;

  @Option(
      names = "--printer",
      description =
          "Use this receipt printer (a device URI, e.g. usb:04b8:0e28); kept for next time")
  String printer;

  @Option(
      names = "--profile",
      description = "The printer's profile (kasa-devices profiles; default epson-tm-t20iii)")
  String profile;

  @Mixin WindowOptions window = new WindowOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new KasaRegister());
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    CloudTerminal terminal =
        CloudTerminal.open(data.resolve("store"), Clock.systemUTC(), CloudClientConfig::defaults);
    try {
      if (!terminal.enrolled() && service != null && code != null) {
        terminal.enroll(service, code, "kasa-register");
      }
      if (printer != null) {
        DeviceChoice.save(terminal, printer, profile);
      }
    } catch (RuntimeException e) {
      terminal.close();
      throw e;
    }
    // Not enrolled yet: the window opens on the enrollment wizard.
    window.run(terminal, data.resolve("receipts"), () -> {});
    return 0;
  }
}
