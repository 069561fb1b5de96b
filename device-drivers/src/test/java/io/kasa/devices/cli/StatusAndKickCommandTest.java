package io.kasa.devices.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.Profiles;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} exit codes and words, {@code kick} defaults, against pty devices and sockets. */
class StatusAndKickCommandTest {

  @TempDir Path dir;
  private SocatPair line;
  private PtyDevice device;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void tearDown() {
    if (device != null) {
      device.close();
    }
    if (line != null) {
      line.close();
    }
  }

  private int run(String... args) {
    return KasaDevices.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private VirtualPrinter ptyPrinter() throws Exception {
    VirtualPrinter printer = new VirtualPrinter(Profiles.epson());
    line = new SocatPair(dir, "lp").start();
    device = new PtyDevice(line, printer::receive);
    return printer;
  }

  private String printer() {
    return "serial:" + line.deviceEnd();
  }

  @Test
  void aReadyPrinterExitsZero() throws Exception {
    ptyPrinter();
    assertThat(run("status", "--printer", printer())).isZero();
    assertThat(out.toString()).contains("Printer: READY");
  }

  @Test
  void paperOutExitsOne() throws Exception {
    ptyPrinter().setPaperOut(true);
    assertThat(run("status", "--printer", printer())).isEqualTo(1);
    assertThat(out.toString()).contains("Printer: PAPER_END");
  }

  @Test
  void coverOpenExitsOne() throws Exception {
    ptyPrinter().setCoverOpen(true);
    assertThat(run("status", "--printer", printer())).isEqualTo(1);
    assertThat(out.toString()).contains("Printer: COVER_OPEN");
  }

  @Test
  void flagsPrintInTheSameOrderEveryTime() throws Exception {
    VirtualPrinter p = ptyPrinter();
    p.setPaperOut(true);
    p.setCoverOpen(true);
    p.setOffline(true);
    run("status", "--printer", printer());
    assertThat(out.toString()).contains("[OFFLINE, COVER_OPEN, PAPER_END, PAPER_NEAR_END, ERROR]");
  }

  @Test
  void aSilentPrinterSaysNothingAnsweredWithinTheTimeout() throws Exception {
    ptyPrinter().setAnswersStatus(false);
    assertThat(run("status", "--printer", printer(), "--timeout", "300"))
        .isEqualTo(StatusCommand.STATUS_UNKNOWN);
    assertThat(out.toString())
        .contains("UNKNOWN")
        .contains("nothing answered DLE EOT within 300 ms");
  }

  @Test
  void aPlainFileSaysStatusIsNotAvailableThere() {
    assertThat(run("status", "--printer", "file:" + dir.resolve("capture.bin")))
        .isEqualTo(StatusCommand.STATUS_UNKNOWN);
    assertThat(out.toString()).contains("not available on this transport");
  }

  @Test
  void aWebServerOnThePrintersPortIsNotAPrinterAndExitsOne() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread http =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  s.getInputStream().read();
                  s.getOutputStream()
                      .write(
                          ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n"
                                  + "Connection: close\r\n\r\n<html><body>Bad Request</body></html>")
                              .getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                  Thread.sleep(2_000);
                } catch (Exception e) {
                  // the test is over
                }
              });
      http.setDaemon(true);
      http.start();
      int code = run("status", "--printer", "tcp://127.0.0.1:" + server.getLocalPort());
      assertThat(code).isEqualTo(1);
      assertThat(out.toString()).contains("NOT_A_PRINTER").doesNotContain("PAPER_END");
    }
  }

  @Test
  void portsSaysWhenThereIsNoUsbSubsystemAtAll() {
    assertThat(run("ports", "--usb-sysfs", dir.resolve("no-usb").toString())).isZero();
    assertThat(out.toString()).contains("no USB subsystem here").doesNotContain("none attached");
  }

  @Test
  void portsWithAUsbSubsystemDoesNotBlameTheSubsystem() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("usb/devices"));
    assertThat(run("ports", "--usb-sysfs", dir.resolve("usb").toString())).isZero();
    // Here the bus itself cannot be opened (no /dev/bus/usb in the build's container), or it is
    // empty: either way the words are not "no USB subsystem".
    assertThat(out.toString())
        .doesNotContain("no USB subsystem")
        .containsAnyOf("none attached", "present but cannot be read", "usb:");
  }

  @Test
  void kickTakesThePulseFromTheProfile() throws Exception {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    line = new SocatPair(dir, "dk").start();
    device =
        new PtyDevice(
            line,
            b -> {
              got.write(b, 0, b.length);
              return new byte[0];
            });
    int code =
        run(
            "kick",
            "--drawer",
            printer(),
            "--settle",
            "0",
            "--set",
            "drawerPin=5",
            "--set",
            "drawerOnMillis=61",
            "--set",
            "drawerOffMillis=120");
    assertThat(code).as(err.toString()).isZero();
    String bytes = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(got.toByteArray());
    assertThat(bytes).startsWith("1B 70 01 1F 3C");
    assertThat(out.toString()).contains("pin 5").contains("62 ms on, 120 ms off");
  }

  @Test
  void kickSendsTheRealTimePulseWhenAsked() throws Exception {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    line = new SocatPair(dir, "dc").start();
    device =
        new PtyDevice(
            line,
            b -> {
              got.write(b, 0, b.length);
              return new byte[0];
            });
    assertThat(run("kick", "--drawer", printer(), "--settle", "0", "--command", "DLE_DC4"))
        .as(err.toString())
        .isZero();
    assertThat(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(got.toByteArray()))
        .startsWith("10 14 01 00 01");
  }

  @Test
  void kickRefusesAnOffTimeShorterThanTheOnTime() {
    assertThat(run("kick", "--drawer", "file:" + dir.resolve("d"), "--on", "200", "--off", "100"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("must be at least the on-time");
  }
}
