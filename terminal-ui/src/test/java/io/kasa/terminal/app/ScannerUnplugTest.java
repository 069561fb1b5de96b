package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.transport.SocatPair;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.ui.Banner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A serial scanner on a socat pty, framed with an STX prefix and CR LF as the technician set it:
 * pulled out, the status bar says so; plugged back in, the bar's note says it is back; a half scan
 * from before the unplug never reaches the sale.
 */
class ScannerUnplugTest extends RegisterUiTest {

  private SocatPair line;

  @Override
  String terminalPrefix() {
    return "SC";
  }

  @Override
  @Start
  void start(Stage stage) {
    try {
      line = new SocatPair(dir, "scanner").start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    fixture =
        new TestRegister(
            cloud,
            dir,
            terminalPrefix(),
            Locale.ENGLISH,
            RegisterWindow.Theme.LIGHT,
            t -> {
              t.setting(DeviceSettings.SCANNER_URI, "serial:" + line.deviceEnd());
              t.setting(DeviceSettings.SCANNER_PREFIX, "<STX>");
              t.setting(DeviceSettings.SCANNER_TERMINATOR, "CRLF");
            });
    stage.setScene(fixture.register.scene());
    stage.show();
  }

  @AfterEach
  void unplug() {
    line.close();
  }

  private void send(String s) {
    line.writePeer(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void unpluggedAndBackShowOnTheStatusBarAndAHalfScanIsDropped(FxRobot robot) throws Exception {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    send("\u0002]E04820000191357\r\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.register.sale().lines().size() == 1);
    assertThat(robot.lookup("#status-scanner").queryAs(Label.class).isVisible()).isFalse();

    send("\u0002]E0482000");
    // Let the reader take the half scan before the cable goes.
    Thread.sleep(300);
    line.unplug();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> text(robot, "#status-scanner").equals("Scanner unplugged — check its cable"));
    assertThat(robot.lookup("#status-scanner").queryAs(Label.class).isVisible()).isTrue();

    line.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> text(robot, "#status-note").equals("Scanner connected again"));
    assertThat(text(robot, "#status-scanner")).isEmpty();

    // Had the half scan been kept, this one would have joined it and been refused.
    send("\u0002]E04820000191357\r\n");
    await().atMost(Duration.ofSeconds(10)).until(this::breadTwice);
    assertThat(fixture.register.sale().bannerProperty().get())
        .satisfiesAnyOf(
            b -> assertThat(b).isNull(), b -> assertThat(b.kind()).isNotEqualTo(Banner.Kind.ERROR));
  }

  /** The bread on the sale twice: two lines, or one line of two. */
  private boolean breadTwice() {
    var lines = fixture.register.sale().lines();
    return lines.size() == 2 || (lines.size() == 1 && lines.get(0).quantity().startsWith("2"));
  }
}
