package io.kasa.devices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.devices.Profiles;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import io.kasa.devices.vendor.VendorPages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kasa-devices test-print} over a pty, read back by a third-party ESC/POS parser (npos, in
 * tools/escpos-check): no unknown commands, Ukrainian text intact. The text runs npos finds are
 * decoded in the page the printer would be in, following the code-page commands in npos's reading
 * through the vendor's own numbering ({@link VendorPages}), never by assuming one page. CI installs
 * the parser and sets KASA_THIRD_PARTY_DECODER=required; elsewhere the test is skipped when node or
 * npos is missing.
 */
class ThirdPartyDecoderTest {

  private static final Path TOOL = Path.of("..", "tools", "escpos-check");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"generic-80mm", "epson-tm-t20iii", "rongta-rp326", "star-tsp650-escpos"})
  void testPrintReadsCleanlyWithNpos(String profile) throws Exception {
    boolean required = "required".equals(System.getenv("KASA_THIRD_PARTY_DECODER"));
    boolean installed = Files.isDirectory(TOOL.resolve("node_modules/npos")) && nodeAvailable();
    if (required) {
      assertThat(installed)
          .as("npos in tools/escpos-check (npm ci --prefix tools/escpos-check) and node")
          .isTrue();
    }
    Assumptions.assumeTrue(installed, "node and tools/escpos-check/node_modules are not installed");

    VirtualPrinter printer = new VirtualPrinter(PrinterProfiles.builtIn().get(profile));
    SocatPair line = new SocatPair(dir, "lp").start();
    PtyDevice device = new PtyDevice(line, printer::receive);
    try {
      int code =
          KasaDevices.run(
              new String[] {
                "test-print",
                "--printer",
                "serial:" + line.deviceEnd() + "?baud=115200",
                "--profile",
                profile
              },
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(new StringWriter(), true));
      assertThat(code).isZero();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> printer.elements().stream().anyMatch(PrintElement.Cut.class::isInstance));
    } finally {
      device.close();
      line.close();
    }
    Path bin = dir.resolve(profile + ".bin");
    printer.saveTo(bin);

    Process node =
        new ProcessBuilder("node", TOOL.resolve("check.js").toString(), bin.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), Charset.defaultCharset());
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode result = new ObjectMapper().readTree(output);
    assertThat(result.get("unknown").isNull()).as(output).isTrue();
    assertThat(node.exitValue()).isZero();
    assertThat(result.get("commands").has("GS (k")).isTrue();
    assertThat(result.get("commands").has("GS V")).isTrue();

    PrinterProfile printerProfile = Profiles.ALL.get(profile);
    String text = readAsTheVendor(printerProfile, result.get("sequence"));
    assertThat(text)
        .contains("Українська: Ґанок, Їжак, Єнот, Ілля")
        .contains("ІЇЄҐ іїєґ  1 234,50 грн");
  }

  /** npos's reading, each text run decoded in the page the vendor's printer has selected there. */
  private static String readAsTheVendor(PrinterProfile profile, JsonNode sequence) {
    StringBuilder text = new StringBuilder();
    VendorPages.Table page = VendorPages.initial();
    for (JsonNode node : sequence) {
      String name = node.get(0).asText();
      byte[] bytes = HexFormat.of().parseHex(node.get(1).asText());
      switch (name) {
        case "text" -> {
          for (byte b : bytes) {
            text.append(b == '\n' ? '\n' : page.decode(b));
          }
        }
        case "ESC @" -> page = VendorPages.initial();
        case "ESC t", "ESC GS t" -> {
          int n = bytes[bytes.length - 1] & 0xff;
          page =
              VendorPages.select(
                  profile,
                  name.equals("ESC t")
                      ? PrinterProfile.PageCommand.ESC_T
                      : PrinterProfile.PageCommand.ESC_GS_T,
                  n);
          assertThat(page)
              .as("%s: %s %d on a %s printer", profile.id(), name, n, profile.vendor())
              .isNotNull();
        }
        default -> {}
      }
    }
    return text.toString();
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
