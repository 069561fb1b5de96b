package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.transport.SocatPair;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.tech.TechViewModel;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The technician's screen, headless, against the simulators, a printer on a socat pseudo-terminal
 * and the real service: a test page over the serial line, the drawer, a scan shown with its raw
 * bytes, a logo stored in NV memory, the set-up backed up and restored on a replacement terminal,
 * and the register using what was applied once the technician signs out.
 */
class TechnicianTest extends RegisterUiTest {

  @Override
  String terminalPrefix() {
    return "S";
  }

  /** TestFX looks for {@code @Start} on the test class itself. */
  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
  }

  private TechViewModel signInAsTechnician(FxRobot robot) {
    TestRegister.signIn(robot, "Тарас", "7777");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#diagnostics").tryQuery().isPresent());
    return fixture.register.technician();
  }

  private static void set(FxRobot robot, String id, String value) {
    robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).setText(value));
  }

  private static String banner(FxRobot robot) {
    return robot.lookup("#tech-banner").queryAs(Label.class).getText();
  }

  @Test
  void aProfileTheDatabaseDoesNotCoverIsMarkedNotVerifiedUnderItsChoice(FxRobot robot) {
    TechViewModel vm = signInAsTechnician(robot);
    robot.interact(() -> vm.field(DeviceSettings.PRINTER_PROFILE).set("epson-tm-t88vi"));
    Label note = robot.lookup("#printer-profile-provenance").queryAs(Label.class);
    assertThat(note.getText()).startsWith("Not verified:").contains("code page numbers");
    assertThat(note.getStyleClass()).contains("warning");

    robot.interact(() -> vm.field(DeviceSettings.PRINTER_PROFILE).set("epson-tm-t20iii"));
    assertThat(note.getText()).isEqualTo("Facts from escpos-printer-db TM-T20III.");
    assertThat(note.getStyleClass()).doesNotContain("warning");
  }

  @Test
  void aTestPageGoesOverTheSerialLineOfTheAppliedPrinter(FxRobot robot) throws Exception {
    TechViewModel tech = signInAsTechnician(robot);
    assertThat(fixture.register.devices()).as("the register let go of its devices").isNull();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                robot
                    .lookup("#status-printer")
                    .queryAs(Label.class)
                    .getText()
                    .contains("with the technician"));
    try (SocatPair line = new SocatPair(dir, "printer").start()) {
      set(robot, "printer-uri", "serial:" + line.deviceEnd() + "?baud=19200");
      robot.interact(() -> tech.field(DeviceSettings.PRINTER_PROFILE).set("generic-80mm"));
      robot.type(KeyCode.F2);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(banner(robot)).contains("applied"));
      robot.type(KeyCode.F3);
      StringBuilder received = new StringBuilder();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                byte[] buf = new byte[4096];
                int n = line.peer().readBytes(buf, buf.length);
                if (n > 0) {
                  received.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
                return received.indexOf("Test page") >= 0 && received.indexOf("\u001dV") >= 0;
              });
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> banner(robot).contains("Test page printed"));
    }
    // Signed out, the register opens the printer the technician applied.
    robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
    await().atMost(Duration.ofSeconds(5)).until(() -> fixture.register.devices() != null);
    assertThat(fixture.register.devices().settings().printerUri()).startsWith("serial:");
    assertThat(fixture.register.devices().settings().printerProfile()).isEqualTo("generic-80mm");
  }

  @Test
  void drawerScanAndLogoOnTheSimulators(FxRobot robot) throws Exception {
    TechViewModel tech = signInAsTechnician(robot);
    set(robot, "scanner-uri", "sim:scanner");
    set(robot, "drawer-pulse", "120");
    robot.clickOn("#apply");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(banner(robot)).contains("applied"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> robot.lookup("#bench-printer").queryAs(Label.class).getText().contains("ready"));
    robot.clickOn("#open-drawer");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> banner(robot).matches("The drawer (opened|was kicked.*)"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> robot.lookup("#bench-drawer").queryAs(Label.class).getText().contains("opened"));
    assertThat(tech.bench().virtualPrinter().orElseThrow().elements())
        .anyMatch(e -> e instanceof PrintElement.DrawerKick k && k.onMillis() == 120);

    tech.bench().virtualScanner().scan("4820000191357");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot
                    .lookup("#last-scan")
                    .queryAs(Label.class)
                    .getText()
                    .contains("4820000191357"));
    assertThat(robot.lookup("#last-scan").queryAs(Label.class).getText())
        .contains("34 38 32 30")
        .contains("EAN_13");
    tech.bench().virtualScanner().scan("4820000191358");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#last-scan").queryAs(Label.class).getText().contains("refused"));

    Path image = dir.resolve("logo.png");
    BufferedImage logo = new BufferedImage(200, 80, BufferedImage.TYPE_INT_RGB);
    var g = logo.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 200, 80);
    g.setColor(java.awt.Color.BLACK);
    g.fillOval(20, 10, 160, 60);
    g.dispose();
    ImageIO.write(logo, "png", image.toFile());
    set(robot, "logo-path", image.toString());
    robot.type(KeyCode.F6);
    await().atMost(Duration.ofSeconds(10)).until(() -> banner(robot).contains("Logo stored"));
    assertThat(tech.bench().virtualPrinter().orElseThrow().elements())
        .anyMatch(e -> e instanceof PrintElement.NvLogoStored s && s.key().equals("K1"));

    // A drawer on its own port rather than through the printer.
    set(robot, "drawer-uri", "sim:drawer");
    robot.clickOn("#apply");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(banner(robot)).contains("applied"));
    robot.clickOn("#open-drawer");
    await().atMost(Duration.ofSeconds(10)).until(() -> tech.bench().virtualDrawer().kicks() == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> banner(robot).matches("The drawer (opened|was kicked.*)"));

    set(robot, "drawer-pulse", "5000");
    robot.clickOn("#apply");
    await().atMost(Duration.ofSeconds(5)).until(() -> banner(robot).contains("drawer-pulse-ms"));

    robot.type(KeyCode.F10);
    await().atMost(Duration.ofSeconds(10)).until(() -> banner(robot).contains("written to"));
    Path support = fixture.data.resolve("support");
    try (var files = Files.list(support)) {
      Path export = files.findFirst().orElseThrow();
      String text = Files.readString(export);
      assertThat(text)
          .contains("KASA DEVICE SET-UP")
          .contains("scanner-uri = sim:scanner")
          .contains("Diagnostics")
          .contains("4820000191357");
    }
    robot.type(KeyCode.F9);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tech.bench().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("drawer-pulse-ms = 120")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> rows(FxRobot robot, String id) {
    return List.copyOf(robot.lookup("#" + id).queryAs(ListView.class).getItems());
  }

  @Test
  void aTestPageAndADrawerPulseAreListedWithTheirBytesReadBackAndKeptBesideTheReceipts(
      FxRobot robot) throws Exception {
    signInAsTechnician(robot);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> robot.lookup("#bench-printer").queryAs(Label.class).getText().contains("ready"));
    robot.type(KeyCode.F3);
    await().atMost(Duration.ofSeconds(10)).until(() -> banner(robot).contains("Test page printed"));
    assertThat(rows(robot, "bench-jobs")).hasSize(1);
    assertThat(rows(robot, "job-decoded"))
        .startsWith("0000  ESC @ (initialise)")
        .anyMatch(l -> l.endsWith("«Тестова сторінка / Test page» LF"))
        .anyMatch(l -> l.contains("GS V (cut, partial"));

    robot.clickOn("#open-drawer");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> banner(robot).matches("The drawer (opened|was kicked.*)"));
    await().atMost(Duration.ofSeconds(5)).until(() -> rows(robot, "bench-jobs").size() == 2);
    assertThat(robot.lookup("#bench-jobs").queryAs(ListView.class).getItems().get(0).toString())
        .contains("DRAWER_PULSE");
    assertThat(rows(robot, "job-decoded"))
        .containsExactly("0000  ESC p (drawer pulse pin 2, 100 ms)");
    robot.clickOn("#job-hex");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#job-hex-view").query().isVisible());
    assertThat(rows(robot, "job-hex-view")).containsExactly("0000  1B 70 00 32 64           .p.2d");
    assertThat(robot.lookup("#job-decoded").query().isVisible()).isFalse();

    // Kept where the register keeps its receipts, as the demo's virtual printer keeps them.
    Path receipts = fixture.data.resolve("receipts");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              try (var files = Files.list(receipts)) {
                assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .anyMatch(f -> f.matches("test-page-\\d{8}-\\d{6}\\.escpos"))
                    .anyMatch(f -> f.matches("test-page-\\d{8}-\\d{6}\\.pdf"))
                    .anyMatch(f -> f.matches("drawer-pulse-\\d{8}-\\d{6}\\.escpos"));
              }
            });
    try (var files = Files.list(receipts)) {
      Path pulse =
          files
              .filter(f -> f.getFileName().toString().startsWith("drawer-pulse"))
              .findFirst()
              .orElseThrow();
      // The configured off-time (the profile's 200 ms), not the on-time again.
      assertThat(Files.readAllBytes(pulse)).containsExactly(0x1b, 'p', 0, 50, 100);
    }
  }

  @Test
  void aReplacementTerminalRestoresTheSetUpBackedUpByTheOldOne(FxRobot robot) throws Exception {
    signInAsTechnician(robot);
    set(robot, "printer-uri", "tcp://192.168.1.50:9100");
    set(robot, "kitchen-uri", "tcp://192.168.1.51:9100");
    robot.clickOn("#apply");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(banner(robot)).contains("applied"));
    robot.type(KeyCode.F7);
    await().atMost(Duration.ofSeconds(10)).until(() -> banner(robot).contains("backed up"));

    // The old terminal breaks: the store's admin issues its code again for the new device.
    String code = fixture.terminal.config().terminalCode();
    var again =
        cloud
            .services
            .admin()
            .replaceTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), code);
    try (CloudTerminal replacement =
        CloudTerminal.open(
            dir.resolve("replacement"), Clock.systemUTC(), CloudClientConfig::defaults)) {
      replacement.enroll(
          URI.create("http://127.0.0.1:" + cloud.app.port()), again.enrollmentCode(), "new");
      replacement.signIn(cloud.demo.technicianId(), "7777");
      var restored = new CloudDeviceBackup(replacement).restore().orElseThrow();
      assertThat(restored)
          .containsEntry(DeviceSettings.PRINTER_URI, "tcp://192.168.1.50:9100")
          .containsEntry(DeviceSettings.KITCHEN_URI, "tcp://192.168.1.51:9100");
    }
    // The old device's credential no longer works.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try {
                fixture.terminal.client().terminalConfig();
                return false;
              } catch (RuntimeException refused) {
                return true;
              }
            });
  }

  /**
   * The kitchen's settings (ADR 0057): the store's stations read from the real service as boxes to
   * tick, a fallback printer with its profile and its own test print; wrong combinations refused
   * naming the setting; applied, kept on the terminal. Read at 1024×768 and 1280×800 in both
   * languages with the form scrolled to them.
   */
  @Test
  void theKitchenStationsComeFromTheServiceAndTheFallbackPrinterIsSetAndTested(FxRobot robot)
      throws Exception {
    TechViewModel tech = signInAsTechnician(robot);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot.lookup("#kitchen-station-hot").tryQuery().isPresent()
                    && robot.lookup("#kitchen-station-bar").tryQuery().isPresent());
    CheckBox hot = robot.lookup("#kitchen-station-hot").queryAs(CheckBox.class);
    assertThat(hot.getText()).isEqualTo("Гаряча кухня");
    assertThat(robot.lookup("#kitchen-station-bar").queryAs(CheckBox.class).getText())
        .isEqualTo("Бар");
    assertThat(robot.lookup("#kitchen-stations-note").queryAs(Label.class).getText())
        .isEqualTo("None ticked: this register prints no kitchen tickets.");

    // Stations without a kitchen printer, and a fallback that is the kitchen printer, are refused.
    robot.interact(() -> hot.setSelected(true));
    assertThat(tech.field(DeviceSettings.KITCHEN_STATIONS).get()).isEqualTo("hot");
    robot.type(KeyCode.F2);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(banner(robot))
                    .contains(
                        "kitchen-stations: the stations need a kitchen printer"
                            + " (kitchen-printer-uri)"));
    Path kitchenFile = dir.resolve("kitchen.escpos");
    Path fallbackFile = dir.resolve("fallback.escpos");
    set(robot, "kitchen-uri", "file:" + kitchenFile);
    set(robot, "kitchen-fallback-uri", "file:" + kitchenFile);
    robot.type(KeyCode.F2);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(banner(robot))
                    .contains(
                        "kitchen-fallback-uri: must be another printer than kitchen-printer-uri"));
    set(robot, "kitchen-fallback-uri", "file:" + fallbackFile);
    robot.interact(() -> tech.field(DeviceSettings.KITCHEN_FALLBACK_PROFILE).set("generic-58mm"));
    robot.interact(
        () -> robot.lookup("#kitchen-station-bar").queryAs(CheckBox.class).setSelected(true));
    robot.type(KeyCode.F2);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(banner(robot)).contains("applied"));
    assertThat(fixture.terminal.setting(DeviceSettings.KITCHEN_STATIONS)).contains("hot,bar");
    assertThat(fixture.terminal.setting(DeviceSettings.KITCHEN_FALLBACK_URI))
        .contains("file:" + fallbackFile);
    assertThat(fixture.terminal.setting(DeviceSettings.KITCHEN_FALLBACK_PROFILE))
        .contains("generic-58mm");
    assertThat(robot.lookup("#kitchen-stations-note").queryAs(Label.class).isVisible()).isFalse();

    // The fallback's own test print goes to the fallback, not to the kitchen printer.
    robot.interact(() -> scrollTo(robot.lookup("#test-fallback").query()));
    robot.clickOn("#test-fallback");
    await().atMost(Duration.ofSeconds(10)).until(() -> banner(robot).contains("Test page printed"));
    assertThat(new String(Files.readAllBytes(fallbackFile), StandardCharsets.ISO_8859_1))
        .contains("Test page")
        .contains("fallback.escpos");
    assertThat(Files.exists(kitchenFile) ? Files.size(kitchenFile) : 0L)
        .as("nothing on the kitchen printer")
        .isZero();

    Stage stage = (Stage) robot.lookup("#kitchen-stations").query().getScene().getWindow();
    double width = stage.getWidth();
    double height = stage.getHeight();
    List<String> problems =
        LayoutCheck.atBothSizes(
            robot,
            stage,
            "en",
            "technician-kitchen",
            found -> {
              scrollTo(robot.lookup("#kitchen-stations").query());
              stage.getScene().getRoot().layout();
              found.addAll(LayoutCheck.problems(stage.getScene()));
            },
            language -> {
              if ("uk".equals(language)) {
                assertThat(
                        robot
                            .lookup("#test-fallback")
                            .queryAs(javafx.scene.control.Button.class)
                            .getText())
                    .startsWith("Тест резервного");
              }
            });
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    // The jobs list names the test's own file, a temporary path with no place to break; the
    // addresses a technician types (tcp://192.168.1.51:9100, serial:/dev/ttyUSB0) are short.
    problems.removeIf(p -> p.contains(dir.toString()));
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /** Scrolls the set-up so that {@code node} is near the top of what shows. */
  private static void scrollTo(javafx.scene.Node node) {
    javafx.scene.Node p = node.getParent();
    while (p != null && !(p instanceof ScrollPane)) {
      p = p.getParent();
    }
    ScrollPane form = (ScrollPane) p;
    var content = form.getContent();
    var at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    double room = content.getBoundsInLocal().getHeight() - form.getViewportBounds().getHeight();
    form.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (at.getMinY() - 160) / room)));
  }
}
