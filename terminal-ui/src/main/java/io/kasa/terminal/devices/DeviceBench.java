package io.kasa.terminal.devices;

import com.fazecast.jSerialComm.SerialPort;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrintResult;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.receipt.TestPage;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.sim.VirtualScanner;
import io.kasa.devices.transport.UsbDiscovery;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.EmbeddedLayout;
import io.kasa.domain.barcode.ScanResult;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.status.StatusViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The technician's bench: the devices of a set of settings opened for testing — the receipt printer
 * with its drawer, the kitchen printer and the scanner — with every status change, drawer event and
 * scan reported as a line for the diagnostics log.
 */
public final class DeviceBench implements AutoCloseable {

  /**
   * A serial port or USB device attached to this machine, by the URI that opens it.
   *
   * @param uri the URI that opens it
   * @param description what the serial or USB library calls it
   * @param usb the USB device behind a serial port, or null when it is none or not known
   * @param byId its stable {@code /dev/serial/by-id} names
   */
  public record Attached(String uri, String description, PortNames.Usb usb, List<String> byId) {

    public Attached {
      byId = List.copyOf(byId);
    }

    /** A port or device the system says nothing more about. */
    public Attached(String uri, String description) {
      this(uri, description, null, List.of());
    }
  }

  /**
   * The bench would not send a job, for a reason the technician can put right; the reason is a
   * message key with its arguments, said in the screen's words.
   */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    Refused(String key, Object... args) {
      super(key);
      this.key = key;
      this.args = args.clone();
    }

    public String key() {
      return key;
    }

    public Object[] args() {
      return args.clone();
    }
  }

  /** Which device a report is about. */
  public enum Source {
    RECEIPT_PRINTER,
    KITCHEN_PRINTER,
    FALLBACK_PRINTER,
    DRAWER,
    SCANNER
  }

  /**
   * What a device reported, in the register's language.
   *
   * @param source the device
   * @param text the line for the screen and the diagnostics log
   */
  public record Report(Source source, String text) {}

  /** The key the bench stores the logo under in the printer's memory. */
  public static final String LOGO_KEY = "K1";

  private final DeviceSettings settings;
  private final RegisterDevices receipt;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-bench");
            t.setDaemon(true);
            return t;
          });
  private final BenchPrinter kitchen;
  private final BenchPrinter fallback;
  private final Clock clock;
  private volatile Consumer<SentJob> sent = job -> {};

  /**
   * Opens the devices of {@code settings}; what they report goes to {@code log}, in words of {@code
   * m}; the drawer is reported left open after {@code drawerLeftOpen}, as at the counter.
   */
  public DeviceBench(
      DeviceSettings settings,
      Clock clock,
      java.util.function.Supplier<Duration> drawerLeftOpen,
      Messages m,
      Consumer<Report> log) {
    this.settings = settings;
    this.clock = clock;
    this.receipt = new RegisterDevices(settings, clock, drawerLeftOpen);
    receipt
        .printer()
        .onStatus(
            s ->
                log.accept(
                    new Report(
                        Source.RECEIPT_PRINTER, m.get("device.log.receiptPrinter", status(s, m)))));
    receipt
        .drawer()
        .onEvent(
            e ->
                log.accept(
                    new Report(
                        Source.DRAWER,
                        m.get(
                            "device.log.drawer." + e.type().name().toLowerCase(Locale.ROOT),
                            e.openFor().toSeconds()))));
    receipt.scanner(
        new BarcodeParser(List.of(EmbeddedLayout.weight("22"))),
        clock,
        scan -> log.accept(new Report(Source.SCANNER, describe(scan, m))),
        s ->
            log.accept(
                new Report(
                    Source.SCANNER,
                    m.get(
                        s.connected() ? "device.log.scanner.back" : "device.log.scanner.lost",
                        s.source()))));
    kitchen =
        BenchPrinter.open(
            settings.kitchenPrinterUri(),
            settings.kitchenPrinterProfile(),
            scheduler,
            clock,
            s ->
                log.accept(
                    new Report(
                        Source.KITCHEN_PRINTER, m.get("device.log.kitchenPrinter", status(s, m)))));
    fallback =
        BenchPrinter.open(
            settings.kitchenFallbackUri(),
            settings.kitchenFallbackProfile(),
            scheduler,
            clock,
            s ->
                log.accept(
                    new Report(
                        Source.FALLBACK_PRINTER,
                        m.get("device.log.fallbackPrinter", status(s, m)))));
  }

  /** The serial ports and USB devices attached now; USB is left out where it cannot be read. */
  public static List<Attached> attached() {
    List<Attached> out = new ArrayList<>();
    PortNames names = PortNames.system();
    for (SerialPort p : SerialPort.getCommPorts()) {
      String path = p.getSystemPortPath();
      out.add(
          new Attached(
              "serial:" + path,
              p.getPortDescription(),
              names.usb(path).orElse(null),
              names.byId(path)));
    }
    try {
      for (UsbDiscovery.UsbDeviceInfo d : UsbDiscovery.list()) {
        String name =
            ((d.manufacturer() == null ? "" : d.manufacturer() + " ")
                    + (d.product() == null ? "" : d.product()))
                .strip();
        out.add(
            new Attached(
                d.uri().toString(),
                String.format(
                    java.util.Locale.ROOT,
                    "%04x:%04x class %02x %s",
                    d.vendorId(),
                    d.productId(),
                    d.deviceClass(),
                    name)));
      }
    } catch (Exception | LinkageError e) {
      // No USB access here (no libusb, or no permission): the serial ports still show.
    }
    return out;
  }

  /**
   * Every job this bench sends goes to {@code listener} as it goes out (from the calling thread),
   * whatever the device: what a real printer was sent is kept as well as the virtual one's.
   */
  public void onSent(Consumer<SentJob> listener) {
    this.sent = listener;
  }

  /** Whether a kitchen printer is set. */
  public boolean hasKitchen() {
    return kitchen != null;
  }

  /** Whether a kitchen fallback printer is set (ADR 0057). */
  public boolean hasFallback() {
    return fallback != null;
  }

  /**
   * Prints the test page on the kitchen's fallback printer.
   *
   * @throws IllegalStateException when none is set
   */
  public CompletableFuture<PrintResult> testFallback() {
    if (fallback == null) {
      throw new IllegalStateException("No kitchen fallback printer is set");
    }
    return testPage(fallback.printer(), settings.kitchenFallbackUri(), SentJob.Kind.FALLBACK_TEST);
  }

  /**
   * Prints the test page on the receipt printer, or on the kitchen printer.
   *
   * @throws IllegalStateException when the kitchen's is asked for and none is set
   */
  public CompletableFuture<PrintResult> testPage(boolean onKitchen) {
    PrinterService printer =
        onKitchen ? (kitchen == null ? null : kitchen.printer()) : receipt.printer();
    if (printer == null) {
      throw new IllegalStateException("No kitchen printer is set");
    }
    String uri = onKitchen ? settings.kitchenPrinterUri() : settings.printerUri();
    return testPage(printer, uri, onKitchen ? SentJob.Kind.KITCHEN_TEST : SentJob.Kind.TEST_PAGE);
  }

  private CompletableFuture<PrintResult> testPage(
      PrinterService printer, String uri, SentJob.Kind kind) {
    byte[] bytes = TestPage.bytes(printer.profile(), uri);
    List<String> lines =
        new io.kasa.devices.sim.EscPosDecoder(printer.profile())
            .decode(bytes).stream()
                .filter(io.kasa.devices.sim.PrintElement.TextLine.class::isInstance)
                .map(e -> ((io.kasa.devices.sim.PrintElement.TextLine) e).text())
                .toList();
    send(kind, uri, printer.profile(), bytes, lines);
    return printer.print(PrintJob.of("test page", bytes));
  }

  /** Kicks the drawer with the settings' pin and pulse; answers whether it was seen to open. */
  public CompletableFuture<CashDrawer.OpenResult> openDrawer() {
    send(
        SentJob.Kind.DRAWER_PULSE,
        settings.drawerUri().isBlank() ? settings.printerUri() : settings.drawerUri(),
        receipt.printer().profile(),
        receipt.drawerPulse(),
        List.of());
    return receipt.drawer().open();
  }

  /**
   * Stores {@code image} in the receipt printer's NV memory under {@link #LOGO_KEY}, scaled to the
   * paper and dithered to black and white.
   */
  public CompletableFuture<PrintResult> storeLogo(Path image) throws IOException {
    BufferedImage source = Files.isReadable(image) ? ImageIO.read(image.toFile()) : null;
    if (source == null) {
      throw new Refused("tech.logo.unreadable", image.toString());
    }
    var profile = receipt.printer().profile();
    if (!profile.nvGraphics()) {
      throw new Refused("tech.logo.unsupported", profile.name());
    }
    MonochromeImage logo = MonochromeImage.fromImage(source, profile.paperWidthDots());
    byte[] bytes = new EscPos(profile).initialize().storeNvLogo(LOGO_KEY, logo).toBytes();
    send(SentJob.Kind.LOGO, settings.printerUri(), profile, bytes, List.of());
    return receipt.printer().print(PrintJob.of("store logo", bytes));
  }

  /**
   * Prints the set-up's summary on the receipt printer, each line as it prints and broken to fit
   * its paper.
   */
  public CompletableFuture<PrintResult> printSummary(List<String> lines) {
    var profile = receipt.printer().profile();
    List<String> laid = summaryLines(lines, profile);
    byte[] bytes = summaryBytes(laid, profile);
    send(SentJob.Kind.SUMMARY, settings.printerUri(), profile, bytes, laid);
    return receipt.printer().print(PrintJob.of("device summary", bytes));
  }

  /** The summary's lines as {@code profile}'s printer prints them, none wider than its paper. */
  static List<String> summaryLines(List<String> lines, PrinterProfile profile) {
    EscPos printer = new EscPos(profile);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.addAll(io.kasa.devices.receipt.TextWrap.wrap(printer.printable(line), printer.columns()));
    }
    return out;
  }

  /** The printed summary: {@code laid} lines as they are, then a feed and a cut. */
  static byte[] summaryBytes(List<String> laid, PrinterProfile profile) {
    EscPos p = new EscPos(profile).initialize();
    laid.forEach(p::line);
    return p.feed(3).cut(EscPos.Cut.PARTIAL).toBytes();
  }

  private void send(
      SentJob.Kind kind, String device, PrinterProfile profile, byte[] bytes, List<String> lines) {
    sent.accept(new SentJob(kind, clock.instant(), device, profile, bytes, lines));
  }

  public Optional<VirtualPrinter> virtualPrinter() {
    return receipt.virtualPrinter();
  }

  public io.kasa.devices.sim.VirtualDrawer virtualDrawer() {
    return receipt.virtualDrawer();
  }

  public VirtualScanner virtualScanner() {
    return receipt.virtualScanner();
  }

  /** A printer's status in a few words: connected or not, and what it reports. */
  static String status(io.kasa.devices.printer.PrinterStatus s, Messages m) {
    switch (s.reply()) {
      case NOT_A_PRINTER:
        return m.get("device.printer.notAPrinter");
      case NOT_AVAILABLE:
        return m.get("device.printer.noStatusLine");
      case NO_REPLY:
        return m.get("device.printer.unreported");
      default:
        break;
    }
    return m.get("device.printer." + StatusViewModel.printerKey(s));
  }

  /** A scan as the diagnostics log shows it: the bytes as received, then what they were read as. */
  public static String describe(ScanEvent scan, Messages m) {
    ScanResult r = scan.result();
    StringBuilder hex = new StringBuilder();
    for (byte b : r.raw().getBytes(StandardCharsets.ISO_8859_1)) {
      if (hex.length() > 0) {
        hex.append(' ');
      }
      hex.append(String.format(java.util.Locale.ROOT, "%02x", b & 0xff));
    }
    // Symbologies, reasons and details stay as the decoder names them: support reads them.
    String read =
        r instanceof ScanResult.Accepted a
            ? a.symbology() + " " + a.code()
            : m.get(
                "device.log.scanRefused",
                ((ScanResult.Rejected) r).reason() + " " + ((ScanResult.Rejected) r).detail());
    return m.get("device.log.scan", String.valueOf(scan.source()), hex.toString(), r.raw(), read);
  }

  @Override
  public void close() {
    receipt.close();
    if (kitchen != null) {
      kitchen.close();
    }
    if (fallback != null) {
      fallback.close();
    }
    scheduler.shutdownNow();
  }
}
