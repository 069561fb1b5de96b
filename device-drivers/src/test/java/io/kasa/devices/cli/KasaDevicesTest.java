package io.kasa.devices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.Profiles;
import io.kasa.devices.receipt.SampleReceipts;
import io.kasa.devices.receipt.TestPage;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import io.kasa.domain.receipt.Receipt;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The technicians' tool, run in process against pty devices and files. */
class KasaDevicesTest {

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

  private String serial() {
    return "serial:" + line.deviceEnd() + "?baud=115200";
  }

  @Test
  void helpOnEveryCommand() {
    for (String command :
        List.of(
            "ports", "profiles", "status", "test-print", "kick", "scan", "print", "store-logo")) {
      assertThat(run(command, "--help")).as(command).isZero();
    }
    assertThat(out.toString())
        .contains("Usage: kasa-devices print")
        .contains("--receipt=FILE.json");
  }

  @Test
  void profilesListsVendorCodePages() {
    assertThat(run("profiles")).isZero();
    assertThat(out.toString())
        .contains("epson-tm-t20iii")
        .contains("CP1251=46")
        .contains("xprinter-xp-80")
        .contains("CP1251=73")
        .contains("ESC GS t n: CP1251=34")
        .contains("escpos-printer-db TSP600")
        .contains("escpos-printer-db TM-T20III");
    // Profiles the database does not cover say so under their line.
    String t88vi = out.toString().substring(out.toString().indexOf("epson-tm-t88vi"));
    assertThat(t88vi.lines().skip(1).findFirst().orElseThrow())
        .contains("NOT VERIFIED")
        .contains("codePages");
  }

  @Test
  void portsListsSerialPortsAndUsbDevices() {
    assertThat(run("ports")).isZero();
    assertThat(out.toString()).contains("Serial ports:").contains("USB devices:");
  }

  @Test
  void testPrintOverAPtyPrintsUkrainianStylesBarcodesQrAndCuts() throws Exception {
    VirtualPrinter printer = ptyPrinter();
    assertThat(run("test-print", "--printer", serial(), "--profile", "epson-tm-t20iii")).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> printer.elements().stream().anyMatch(PrintElement.Cut.class::isInstance));
    List<PrintElement> elements = printer.elements();
    assertThat(printer.textLines())
        .contains("Українська: Ґанок, Їжак, Єнот, Ілля", "ІЇЄҐ іїєґ  1 234,50 грн");
    assertThat(elements).anyMatch(PrintElement.Qr.class::isInstance);
    assertThat(elements)
        .contains(
            new PrintElement.Barcode(io.kasa.devices.escpos.EscPos.Barcode.EAN13, "4820000191357"));
    assertThat(elements).noneMatch(PrintElement.Unknown.class::isInstance);
  }

  @Test
  void statusReportsPaperAndDrawer() throws Exception {
    VirtualPrinter printer = ptyPrinter();
    printer.setPaperNearEnd(true);
    assertThat(run("status", "--printer", serial(), "--profile", "epson-tm-t20iii")).isZero();
    assertThat(out.toString())
        .contains("Printer: PAPER_NEAR_END")
        .contains("Drawer signal (pin 3): low");
  }

  @Test
  void kickThroughThePrinterSendsThePulseOnThePinAsked() throws Exception {
    VirtualPrinter printer = ptyPrinter();
    assertThat(run("kick", "--printer", serial(), "--pin", "5")).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> printer.elements().contains(new PrintElement.DrawerKick(5, 100, 200)));
    assertThat(out.toString()).contains("Drawer kicked on pin 5; drawer reports open");
  }

  @Test
  void printRendersAReceiptGivenAsJson() throws Exception {
    VirtualPrinter printer = ptyPrinter();
    Receipt receipt = SampleReceipts.ukrainian(4, null);
    Path json = dir.resolve("receipt.json");
    Files.writeString(json, ReceiptJson.write(receipt));
    assertThat(ReceiptJson.read(json)).isEqualTo(receipt);
    assertThat(
            run(
                "print",
                "--printer",
                serial(),
                "--profile",
                "epson-tm-t20iii",
                "--receipt",
                json.toString()))
        .isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> printer.elements().stream().anyMatch(PrintElement.Cut.class::isInstance));
    assertThat(printer.textLines()).anyMatch(l -> l.startsWith("СУМА"));
    assertThat(printer.elements())
        .contains(
            new PrintElement.Barcode(
                io.kasa.devices.escpos.EscPos.Barcode.CODE128, "K1-T1-000042"));
  }

  @Test
  void storeLogoSendsTheDitheredImageToNvMemory() throws Exception {
    VirtualPrinter printer = ptyPrinter();
    BufferedImage image = new BufferedImage(800, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 800, 200);
    g.setColor(Color.BLACK);
    g.fillOval(100, 20, 600, 160);
    g.dispose();
    Path png = dir.resolve("logo.png");
    ImageIO.write(image, "png", png.toFile());
    assertThat(
            run(
                "store-logo",
                "--printer",
                serial(),
                "--profile",
                "epson-tm-t20iii",
                "--image",
                png.toString(),
                "--key",
                "LG"))
        .isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                printer.elements().stream().anyMatch(PrintElement.NvLogoStored.class::isInstance));
    PrintElement.NvLogoStored stored =
        printer.elements().stream()
            .filter(PrintElement.NvLogoStored.class::isInstance)
            .map(PrintElement.NvLogoStored.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(stored.key()).isEqualTo("LG");
    assertThat(stored.image().widthDots()).isEqualTo(576);
    assertThat(stored.image().heightDots()).isEqualTo(144);
    assertThat(stored.image().isBlack(288, 72)).isTrue();
    assertThat(stored.image().isBlack(5, 5)).isFalse();
  }

  @Test
  void scanPrintsEachScanWithItsVerdict() throws Exception {
    line = new SocatPair(dir, "scan").start();
    CompletableFuture<Integer> scanning =
        CompletableFuture.supplyAsync(
            () -> run("scan", "--scanner", "serial:" + line.deviceEnd(), "--count", "2"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> out.toString().contains("Waiting for scans"));
    line.writePeer("]E04820000191357\r4820000191351\r".getBytes(StandardCharsets.US_ASCII));
    assertThat(scanning.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .contains("OK       EAN_13 (]E0)  Gtin[gtin14=04820000191357")
        .contains("REJECTED CHECK_DIGIT: check digit wrong  raw=4820000191351");
  }

  @Test
  void scanTakesAControlCharacterPrefixByNameAndRefusesScansWithoutIt() throws Exception {
    line = new SocatPair(dir, "scan").start();
    CompletableFuture<Integer> scanning =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "scan",
                    "--scanner",
                    "serial:" + line.deviceEnd(),
                    "--prefix",
                    "<STX>",
                    "--count",
                    "2"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> out.toString().contains("Waiting for scans"));
    line.writePeer("\u00024820000191357\r4820000191357\r".getBytes(StandardCharsets.US_ASCII));
    assertThat(scanning.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .contains("OK       EAN_13  Gtin[gtin14=04820000191357")
        .contains("REJECTED MISSING_PREFIX");
  }

  @Test
  void userErrorsAreOneLineAndNonZero() {
    assertThat(run("test-print", "--printer", "serial:" + dir.resolve("ttyUSB9"))).isEqualTo(1);
    assertThat(run("test-print", "--printer", "lpt1")).isEqualTo(1);
    assertThat(run("test-print", "--printer", "file:/tmp/x", "--profile", "nope")).isEqualTo(1);
    assertThat(
            run(
                "print",
                "--printer",
                "file:" + dir.resolve("out.bin"),
                "--receipt",
                dir.resolve("missing.json").toString()))
        .isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "kasa-devices: No serial port " + dir.resolve("ttyUSB9") + ": check the cable",
            "kasa-devices: Bad device URI 'lpt1': no scheme (expected serial:, usb:, tcp://, file: or sim:)",
            "kasa-devices: Unknown printer profile 'nope'; known: "
                + String.join(", ", Profiles.ALL.all().stream().map(p -> p.id()).toList()),
            "kasa-devices: Cannot read " + dir.resolve("missing.json"));
  }

  @Test
  void testPageDecodesWithoutUnknownCommandsForEveryProfile() {
    for (var profile : Profiles.ALL.all()) {
      byte[] bytes = TestPage.bytes(profile, "file:/dev/null");
      assertThat(new EscPosDecoder(profile).decode(bytes))
          .as(profile.id())
          .noneMatch(PrintElement.Unknown.class::isInstance);
    }
  }
}
