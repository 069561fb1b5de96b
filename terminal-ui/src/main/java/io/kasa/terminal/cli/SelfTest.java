package io.kasa.terminal.cli;

import com.fazecast.jSerialComm.SerialPort;
import io.kasa.print.ReceiptPdf;
import io.kasa.terminal.app.BuildInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.usb4java.LibUsb;

/**
 * {@code --self-test}: loads each part of the installation that needs more than Java classes —
 * JavaFX and its natives, SQLite's native library, jSerialComm's and libusb's natives, the receipt
 * PDF font — and the data folder, prints what it found and answers 0 when all of them work. Needs
 * no display, no network and no device: a technician runs it on a fresh installation.
 */
final class SelfTest {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SelfTest.class);

  /** The outcome of one check, as printed. */
  record Check(String part, boolean ok, String found) {}

  /** Text the receipt font must draw: Ukrainian letters and the hryvnia sign. */
  static final String RECEIPT_TEXT = "ҐґЄєІіЇїЙйЩщЬьЮюЯя ₴ №";

  private SelfTest() {}

  /** Runs every check, prints them to {@code out}, and answers the process's exit code. */
  static int run(Path data, PrintWriter out) {
    List<Check> checks = new ArrayList<>();
    checks.add(java());
    checks.add(attempt("JavaFX", SelfTest::javafx));
    checks.add(attempt("SQLite", SelfTest::sqlite));
    checks.add(attempt("Serial", SelfTest::serial));
    checks.add(attempt("USB", SelfTest::usb));
    checks.add(attempt("PDF font", SelfTest::font));
    checks.add(attempt("Data folder", () -> dataFolder(data)));
    out.println(BuildInfo.current().lines().get(0) + " — self-test");
    for (Check c : checks) {
      out.printf(Locale.ROOT, "  %-4s %-12s %s%n", c.ok() ? "ok" : "FAIL", c.part(), c.found());
    }
    long failed = checks.stream().filter(c -> !c.ok()).count();
    // In the log too (the installed register's log file), for support after the fact.
    LOG.info(
        "Self-test: {} of {} checks passed{}",
        checks.size() - failed,
        checks.size(),
        checks.stream()
            .filter(c -> !c.ok())
            .map(c -> "; " + c.part() + " failed: " + c.found())
            .collect(Collectors.joining()));
    out.println(
        failed == 0
            ? "All " + checks.size() + " checks passed."
            : failed + " of " + checks.size() + " checks failed.");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private interface Probe {
    String found() throws Exception;
  }

  private static Check attempt(String part, Probe probe) {
    try {
      return new Check(part, true, probe.found());
    } catch (Exception | LinkageError e) {
      return new Check(part, false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Check java() {
    Runtime.Version v = Runtime.version();
    return new Check(
        "Java",
        v.feature() >= 17,
        v + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"));
  }

  /**
   * Starts the JavaFX toolkit, which loads its native libraries (glass, prism). Without a display
   * the toolkit stops there, after the natives loaded: that is reported, not failed.
   */
  private static String javafx() throws Exception {
    String version = BuildInfo.javafxVersion();
    boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (UnsupportedOperationException e) {
      if (!display && String.valueOf(e.getMessage()).contains("DISPLAY")) {
        return version + ": natives loaded; no display attached, so no window was tried";
      }
      throw e;
    }
    if (!started.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the JavaFX toolkit did not start within 20 s");
    }
    Platform.exit();
    return version + ": toolkit started on the display";
  }

  /** Opens an in-memory database and makes an FTS5 table, as the catalogue replica does. */
  private static String sqlite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.execute("CREATE VIRTUAL TABLE probe USING fts5(name)");
      try (ResultSet r = s.executeQuery("SELECT sqlite_version()")) {
        r.next();
        return r.getString(1) + " with FTS5";
      }
    }
  }

  private static String serial() {
    SerialPort[] ports = SerialPort.getCommPorts();
    return "jSerialComm "
        + SerialPort.getVersion()
        + "; ports: "
        + (ports.length == 0
            ? "none"
            : Arrays.stream(ports)
                .map(SerialPort::getSystemPortPath)
                .collect(Collectors.joining(", ")));
  }

  /** Loads libusb (in usb4java's native library) and counts the devices on the bus. */
  private static String usb() {
    String version = LibUsb.getVersion().toString();
    org.usb4java.Context context = new org.usb4java.Context();
    int result = LibUsb.init(context);
    if (result != LibUsb.SUCCESS) {
      // The library loaded; this machine has no USB bus to read (a container, say).
      return "libusb " + version + "; no USB bus to read: " + LibUsb.errorName(result);
    }
    try {
      org.usb4java.DeviceList list = new org.usb4java.DeviceList();
      int count = LibUsb.getDeviceList(context, list);
      if (count >= 0) {
        LibUsb.freeDeviceList(list, true);
      }
      return "libusb "
          + version
          + "; "
          + (count < 0 ? "devices not listed: " + LibUsb.errorName(count) : count + " devices");
    } finally {
      LibUsb.exit(context);
    }
  }

  private static String font() throws Exception {
    String missing = ReceiptPdf.missingGlyphs(RECEIPT_TEXT);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the receipt font cannot draw " + missing);
    }
    return "DejaVu Sans Mono draws Ukrainian and ₴";
  }

  private static String dataFolder(Path data) throws Exception {
    Path dir = data.toAbsolutePath();
    Files.createDirectories(dir);
    Path probe = Files.createTempFile(dir, ".self-test", ".tmp");
    Files.delete(probe);
    return dir + " is writable";
  }
}
