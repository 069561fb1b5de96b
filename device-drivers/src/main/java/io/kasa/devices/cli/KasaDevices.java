package io.kasa.devices.cli;

import com.fazecast.jSerialComm.SerialPort;
import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrintResult;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.printer.StatusQuery;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.scanner.ScanFraming;
import io.kasa.devices.scanner.SerialScanner;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import io.kasa.devices.transport.UsbDiscovery;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.receipt.Receipt;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
      KasaDevices.Ports.class,
      KasaDevices.Profiles.class,
      KasaDevices.Status.class,
      KasaDevices.TestPrint.class,
      KasaDevices.Kick.class,
      KasaDevices.Scan.class,
      KasaDevices.Print.class,
      KasaDevices.StoreLogo.class
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

  private static String plain(Exception e) {
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

  /** Options shared by commands that talk to a printer. */
  static class PrinterOptions {
    @Option(
        names = "--printer",
        required = true,
        paramLabel = "URI",
        description =
            "Printer URI, e.g. serial:/dev/ttyUSB0?baud=19200, usb:04b8:0e15, tcp://10.0.0.5:9100, file:/dev/usb/lp0")
    String printer;

    @Option(
        names = "--profile",
        paramLabel = "ID",
        defaultValue = "generic-80mm",
        description = "Printer profile (see `profiles`); default: ${DEFAULT-VALUE}")
    String profile;

    @Option(
        names = "--set",
        paramLabel = "FIELD=VALUE",
        description =
            "Override a profile field, e.g. --set columnsFontA=42 --set codePages=CP1251:73")
    Map<String, String> overrides = new LinkedHashMap<>();

    PrinterProfile resolveProfile() {
      PrinterProfile base = PrinterProfiles.builtIn().get(profile);
      return overrides.isEmpty() ? base : PrinterProfiles.withOverrides(base, overrides);
    }
  }

  /** A connected printer for the length of one command. */
  static final class Session implements AutoCloseable {
    final PrinterProfile profile;
    final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kasa-devices");
              t.setDaemon(true);
              return t;
            });
    final DeviceConnection connection;
    final PrinterService printer;

    Session(PrinterOptions options) throws DeviceException {
      profile = options.resolveProfile();
      DeviceUri uri = DeviceUri.parse(options.printer);
      connection =
          DeviceConnection.of(new Transports(new Simulators(profile)).create(uri), scheduler);
      try {
        connection.connect();
      } catch (DeviceException e) {
        close();
        throw e;
      }
      printer =
          new PrinterService(
              connection,
              profile,
              new PrinterService.Settings(
                  Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(15)),
              Clock.systemUTC());
    }

    void print(String what, byte[] bytes) throws Exception {
      PrintResult result = printer.print(PrintJob.of(what, bytes)).get(60, TimeUnit.SECONDS);
      if (!result.printed()) {
        throw new DeviceException(result.failure(), result.message());
      }
    }

    @Override
    public void close() {
      if (printer != null) {
        printer.close();
      }
      connection.close();
      scheduler.shutdownNow();
    }
  }

  @Command(
      name = "ports",
      mixinStandardHelpOptions = true,
      description = "List serial ports and USB devices.")
  static final class Ports implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Serial ports:");
      SerialPort[] ports = SerialPort.getCommPorts();
      if (ports.length == 0) {
        out.println("  (none)");
      }
      for (SerialPort p : ports) {
        out.printf("  serial:%s  %s%n", p.getSystemPortPath(), p.getPortDescription());
      }
      out.println("USB devices:");
      try {
        List<UsbDiscovery.UsbDeviceInfo> devices = UsbDiscovery.list();
        if (devices.isEmpty()) {
          out.println("  (none)");
        }
        for (UsbDiscovery.UsbDeviceInfo d : devices) {
          out.printf(
              "  %s  class %02x  %s %s%n",
              d.uri(),
              d.deviceClass(),
              d.manufacturer() == null ? "" : d.manufacturer(),
              d.product() == null ? "" : d.product());
        }
      } catch (Exception | LinkageError e) {
        out.println(
            "  (USB is not available here: "
                + plain(e instanceof Exception ex ? ex : new Exception(e))
                + ")");
      }
      return 0;
    }
  }

  @Command(
      name = "profiles",
      mixinStandardHelpOptions = true,
      description = "List the printer profiles.")
  static final class Profiles implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%-20s %-36s %5s %5s  %-4s %-3s %s%n",
          "ID", "NAME", "DOTS", "COLS", "CUT", "QR", "CODE PAGES (ESC t n)");
      for (PrinterProfile p : PrinterProfiles.builtIn().all()) {
        StringBuilder pages = new StringBuilder();
        p.codePages()
            .forEach(
                (page, n) ->
                    pages
                        .append(pages.length() == 0 ? "" : " ")
                        .append(page)
                        .append('=')
                        .append(n));
        out.printf(
            "%-20s %-36s %5d %2d/%-2d  %-4s %-3s %s%n",
            p.id(),
            p.name(),
            p.paperWidthDots(),
            p.columnsFontA(),
            p.columnsFontB(),
            p.hasCutter() ? (p.partialCut() ? "yes" : "full") : "no",
            p.qrCode() ? "yes" : "no",
            pages);
      }
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show printer and drawer status (DLE EOT 1-4).")
  static final class Status implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

    @Override
    public Integer call() throws Exception {
      try (Session s = new Session(options)) {
        PrinterStatus status =
            s.connection.call(t -> StatusQuery.query(t, Duration.ofMillis(500), Instant.now()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "Printer: "
                + status.summary()
                + (status.flags().isEmpty() ? "" : " " + status.flags()));
        out.println(
            "Drawer signal (pin 3): "
                + (status.known() ? (status.drawerSignalHigh() ? "high" : "low") : "unknown"));
        return 0;
      }
    }
  }

  @Command(
      name = "test-print",
      mixinStandardHelpOptions = true,
      description =
          "Print a test page: Ukrainian text, styles, a barcode, a QR code, feed and cut.")
  static final class TestPrint implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

    @Override
    public Integer call() throws Exception {
      try (Session s = new Session(options)) {
        s.print("test page", TestPage.bytes(s.profile, options.printer));
        spec.commandLine()
            .getOut()
            .println("Test page sent to " + options.printer + " (" + s.profile.name() + ")");
        return 0;
      }
    }
  }

  @Command(name = "kick", mixinStandardHelpOptions = true, description = "Open the cash drawer.")
  static final class Kick implements java.util.concurrent.Callable<Integer> {
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
          new EscPos(printerOptions.resolveProfile())
              .drawerPulse(pin, onMillis, offMillis)
              .toBytes();
      try (Session s = new Session(printerOptions)) {
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

    private static CashDrawer.State drawerState(Session s) {
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

  @Command(
      name = "scan",
      mixinStandardHelpOptions = true,
      description = "Print each scan (code, symbology, valid or why rejected) until interrupted.")
  static final class Scan implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--scanner",
        required = true,
        paramLabel = "URI",
        description = "Scanner URI, e.g. serial:/dev/ttyACM0")
    String scanner;

    @Option(
        names = "--terminator",
        defaultValue = "ANY",
        description = "Scan terminator: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    ScanFraming.Terminator terminator;

    @Option(
        names = "--prefix",
        defaultValue = "",
        description = "Prefix the scanner adds (stripped)")
    String prefix;

    @Option(
        names = "--suffix",
        defaultValue = "",
        description = "Suffix the scanner adds before the terminator (stripped)")
    String suffix;

    @Option(
        names = "--count",
        defaultValue = "0",
        description = "Stop after this many scans (0: until interrupted)")
    int count;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
      DeviceConnection connection =
          DeviceConnection.of(
              new Transports(new Simulators(PrinterProfiles.builtIn().defaultProfile()))
                  .create(DeviceUri.parse(scanner)),
              scheduler);
      try {
        connection.connect();
        CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
        try (SerialScanner reader =
            new SerialScanner(
                connection,
                new ScanFraming(prefix, suffix, terminator, 512),
                BarcodeParser.withoutEmbeddedLabels(),
                Duration.ofSeconds(1),
                Clock.systemUTC())) {
          reader.onScan(
              e -> {
                out.println(describe(e));
                out.flush();
                done.countDown();
              });
          reader.start();
          out.println("Waiting for scans on " + scanner + (count > 0 ? "" : " (Ctrl+C to stop)"));
          out.flush();
          if (count > 0) {
            done.await();
          } else {
            new CountDownLatch(1).await();
          }
        }
        return 0;
      } finally {
        connection.close();
        scheduler.shutdownNow();
      }
    }

    static String describe(ScanEvent e) {
      if (e.result() instanceof ScanResult.Accepted a) {
        return "OK       "
            + a.symbology()
            + (a.aimPrefix() == null ? "" : " (" + a.aimPrefix() + ")")
            + "  "
            + a.code();
      }
      ScanResult.Rejected r = (ScanResult.Rejected) e.result();
      return "REJECTED " + r.reason() + ": " + r.detail() + "  raw=" + printable(r.raw());
    }

    private static String printable(String raw) {
      StringBuilder s = new StringBuilder();
      for (char c : raw.toCharArray()) {
        s.append(c < 0x20 || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c));
      }
      return s.toString();
    }
  }

  @Command(
      name = "print",
      mixinStandardHelpOptions = true,
      description = "Render a receipt model given as JSON and print it.")
  static final class Print implements java.util.concurrent.Callable<Integer> {
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
      try (Session s = new Session(options)) {
        ReceiptOptions ro =
            logo == null ? ReceiptOptions.defaults() : ReceiptOptions.defaults().withNvLogo(logo);
        s.print("receipt " + model.number(), new ReceiptRenderer(s.profile, ro).render(model));
        spec.commandLine().getOut().println("Printed receipt " + model.number());
        return 0;
      }
    }
  }

  @Command(
      name = "store-logo",
      mixinStandardHelpOptions = true,
      description = "Store a logo in the printer's NV memory from an image file.")
  static final class StoreLogo implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

    @Option(
        names = "--image",
        required = true,
        paramLabel = "FILE",
        description = "PNG, JPEG, GIF or BMP image")
    Path image;

    @Option(
        names = "--key",
        defaultValue = "K1",
        description = "Two-character key to store it under (default ${DEFAULT-VALUE})")
    String key;

    @Override
    public Integer call() throws Exception {
      BufferedImage source = Files.isReadable(image) ? ImageIO.read(image.toFile()) : null;
      if (source == null) {
        throw new IOException("Cannot read an image from " + image);
      }
      try (Session s = new Session(options)) {
        MonochromeImage logo = MonochromeImage.fromImage(source, s.profile.paperWidthDots());
        s.print("store logo", new EscPos(s.profile).initialize().storeNvLogo(key, logo).toBytes());
        spec.commandLine()
            .getOut()
            .printf("Stored a %dx%d logo under key %s%n", logo.widthDots(), logo.heightDots(), key);
        return 0;
      }
    }
  }
}
