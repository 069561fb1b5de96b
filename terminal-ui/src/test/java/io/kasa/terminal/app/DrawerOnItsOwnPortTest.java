package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.sim.VirtualDrawer;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import io.kasa.terminal.devices.DeviceSettings;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A cash drawer on its own serial line (a socat pseudo-terminal), wired to pin 5 with a 200 ms
 * pulse: "no sale" kicks it with exactly those bytes, once; a drawer left open longer than the
 * store allows raises an alert on the register and an audit event on the service.
 */
class DrawerOnItsOwnPortTest extends RegisterUiTest {

  /** ESC p, pin 5 (m = 1), 200 ms on and off in 2 ms units (100 = 0x64). */
  private static final byte[] PIN_5_200_MS = {0x1b, 0x70, 0x01, 0x64, 0x64};

  private SocatPair line;
  private PtyDevice device;
  private final VirtualDrawer drawer = new VirtualDrawer();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  @Override
  String terminalPrefix() {
    return "D";
  }

  @Override
  @Start
  void start(Stage stage) {
    try {
      line = new SocatPair(dir, "drawer" + System.nanoTime()).start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    device = new PtyDevice(line, this::answer);
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    fixture =
        new TestRegister(
            cloud,
            dir,
            terminalPrefix(),
            Locale.ENGLISH,
            RegisterWindow.Theme.LIGHT,
            t -> {
              t.setting(DeviceSettings.DRAWER_URI, "serial:" + line.deviceEnd() + "?baud=9600");
              t.setting(DeviceSettings.DRAWER_PIN, "5");
              t.setting(DeviceSettings.DRAWER_PULSE, "200");
            });
    stage.setScene(fixture.register.scene());
    stage.show();
  }

  @AfterEach
  void unplug() {
    device.close();
    line.close();
    cloud.services.admin().setDrawerLeftOpen(cloud.demo.organisationId(), cloud.demo.storeId(), 60);
  }

  /** The drawer's side of the line: kicks open it, DLE EOT 1 reads its switch (high = open). */
  private byte[] answer(byte[] bytes) {
    synchronized (received) {
      received.write(bytes, 0, bytes.length);
    }
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0x1b && i + 1 < bytes.length && bytes[i + 1] == 'p') {
        drawer.kick();
        i += 4;
      } else if (bytes[i] == 0x10 && i + 2 < bytes.length && bytes[i + 1] == 0x04) {
        reply.write(drawer.statusByte());
        i += 2;
      }
    }
    return reply.toByteArray();
  }

  private int kicksReceived() {
    String all;
    synchronized (received) {
      all = HexFormat.of().formatHex(received.toByteArray());
    }
    String kick = HexFormat.of().formatHex(PIN_5_200_MS);
    return all.split(kick, -1).length - 1;
  }

  /** A manager signs in, opens the shift and presses "no sale" with her PIN. */
  private void noSale(FxRobot robot) {
    TestRegister.signIn(robot, "Андрій", "9999");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    robot.clickOn("#shift");
    robot.clickOn("#no-sale");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#manager-pin").tryQuery().isPresent());
    robot.clickOn("#manager-pin").write("9999");
    robot.clickOn("OK");
  }

  @Test
  void noSalePulsesTheDrawerOnItsOwnPortWithTheConfiguredPinAndPulseOnce(FxRobot robot) {
    noSale(robot);
    await().atMost(Duration.ofSeconds(15)).until(() -> kicksReceived() == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot
                    .lookup("#shift-message")
                    .queryAs(Label.class)
                    .getText()
                    .equals("Drawer opened (no sale), recorded"));
    assertThat(drawer.kicks()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                robot
                    .lookup("#status-drawer")
                    .queryAs(Label.class)
                    .getText()
                    .equals("Drawer open"));
    assertThat(kicksReceived()).as("kicked once").isEqualTo(1);
  }

  @Test
  void aDrawerLeftOpenPastTheStoresTimeIsAlertedAndAudited(FxRobot robot) {
    long before = cloud.audited("DRAWER_LEFT_OPEN");
    cloud.services.admin().setDrawerLeftOpen(cloud.demo.organisationId(), cloud.demo.storeId(), 10);
    // The store's new time reaches the till live (ADR 0028).
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> fixture.terminal.config().store().drawerLeftOpenSeconds() == 10);
    noSale(robot);
    await().atMost(Duration.ofSeconds(15)).until(drawer::isOpen);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                robot
                    .lookup("#status-note")
                    .queryAs(Label.class)
                    .getText()
                    .matches("The drawer has been open for \\d+ seconds: close it"));
    assertThat(robot.lookup("#status-drawer").queryAs(Label.class).getText())
        .isEqualTo("Drawer left open — close it");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              fixture.terminal.syncNow();
              return cloud.audited("DRAWER_LEFT_OPEN") == before + 1;
            });
    // Pushed shut, the alert goes.
    drawer.close();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#status-note").queryAs(Label.class).getText().isEmpty());
  }
}
