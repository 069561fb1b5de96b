package io.kasa.terminal.cli;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.app.BuildInfo;
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
    versionProvider = KasaRegister.Version.class,
    sortOptions = false,
    description =
        "The Kasa register. The first start opens the enrollment wizard (or give --service and"
            + " --enrollment-code).")
public final class KasaRegister implements Callable<Integer> {

  @Option(
      names = "--data",
      description =
          "The terminal's data folder (default: $KASA_DATA, else ~/.local/share/kasa on Linux,"
              + " %LOCALAPPDATA%\\Kasa on Windows, ~/Library/Application Support/Kasa on macOS)")
  Path data;

  @Option(
      names = "--self-test",
      description =
          "Load JavaFX, SQLite, the serial and USB natives and the receipt font, check the data"
              + " folder, print what was found and exit (0 when all work)")
  boolean selfTest;

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

  @Option(
      names = "--repeated-items",
      description =
          "The same item scanned again: JOIN adds it to its line (the default), SEPARATE makes a"
              + " line of its own; kept for next time")
  io.kasa.terminal.sale.RepeatedItems repeatedItems;

  @Mixin WindowOptions window = new WindowOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new KasaRegister()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(cli.execute(args));
  }

  /** {@code --version}: the build and what it runs on. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return BuildInfo.current().lines().toArray(String[]::new);
    }
  }

  /** Where the terminal keeps its data when {@code --data} is not given. */
  static Path defaultData() {
    String env = System.getenv("KASA_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = System.getenv("LOCALAPPDATA");
      return (local == null ? home.resolve("AppData").resolve("Local") : Path.of(local))
          .resolve("Kasa");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Kasa");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg))
        .resolve("kasa");
  }

  @Override
  public Integer call() throws Exception {
    if (data == null) {
      data = defaultData();
    }
    if (selfTest) {
      return SelfTest.run(data, spec.commandLine().getOut());
    }
    CloudTerminal terminal =
        CloudTerminal.open(data.resolve("store"), Clock.systemUTC(), CloudClientConfig::defaults);
    terminal.reportVersion(BuildInfo.current().version());
    try {
      if (!terminal.enrolled() && service != null && code != null) {
        terminal.enroll(service, code, "kasa-register");
      }
      if (printer != null) {
        DeviceChoice.save(terminal, printer, profile);
      }
      if (repeatedItems != null) {
        terminal.setting(io.kasa.terminal.sale.RepeatedItems.SETTING, repeatedItems.name());
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
