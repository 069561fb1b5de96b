package io.kasa.devices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.devices.Profiles;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
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
 * tools/escpos-check): no unknown commands, Ukrainian text intact. CI installs the parser and sets
 * KASA_THIRD_PARTY_DECODER=required; elsewhere the test is skipped when node or npos is missing.
 */
class ThirdPartyDecoderTest {

  private static final Path TOOL = Path.of("..", "tools", "escpos-check");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"generic-80mm", "epson-tm-t20iii"})
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

    // Both profiles print Ukrainian in WPC1251: the text runs npos found must read back intact.
    StringBuilder text = new StringBuilder();
    for (JsonNode run : result.get("text")) {
      text.append(
          new String(HexFormat.of().parseHex(run.asText()), Charset.forName("windows-1251")));
    }
    assertThat(Profiles.ALL.get(profile).pages().get(0).name()).isEqualTo("CP1251");
    assertThat(text.toString())
        .contains("Українська: Ґанок, Їжак, Єнот, Ілля")
        .contains("ІЇЄҐ іїєґ  1 234,50 грн");
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
