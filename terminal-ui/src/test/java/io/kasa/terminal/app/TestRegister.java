package io.kasa.terminal.app;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.devices.RegisterDevices;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.FxTaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A register for UI tests: a new terminal of the demo store enrolled with the real service through
 * a fault proxy (the network a test can cut), its own SQLite store, the simulated scanner and card
 * reader, the virtual printer, in English.
 */
final class TestRegister implements AutoCloseable {

  private static final AtomicInteger TERMINALS = new AtomicInteger();

  final CloudTerminal terminal;
  final Register register;
  final FxTaskExecutor tasks;
  final Path data;
  final FaultProxy network;

  TestRegister(TestCloud cloud, Path dir, String prefix) {
    this(cloud, dir, prefix, Locale.ENGLISH, RegisterWindow.Theme.LIGHT, t -> {});
  }

  /** A register speaking {@code language} in {@code theme} (the theme applied by the caller). */
  TestRegister(
      TestCloud cloud, Path dir, String prefix, Locale language, RegisterWindow.Theme theme) {
    this(cloud, dir, prefix, language, theme, t -> {});
  }

  /**
   * A register whose terminal {@code devices} sets up (device settings) once enrolled, before the
   * register opens its devices.
   */
  TestRegister(
      TestCloud cloud,
      Path dir,
      String prefix,
      Locale language,
      RegisterWindow.Theme theme,
      java.util.function.Consumer<CloudTerminal> devices) {
    int n = TERMINALS.incrementAndGet();
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), prefix + n, "Каса " + prefix);
    data = dir.resolve("terminal-" + prefix + n);
    try {
      network = new FaultProxy("127.0.0.1", cloud.app.port());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URI url = URI.create("http://127.0.0.1:" + network.port());
    terminal =
        CloudTerminal.open(data.resolve("store"), Clock.systemUTC(), CloudClientConfig::defaults);
    // A device name as a code (the receipt shows it): no English word on a Ukrainian receipt.
    terminal.enroll(url, t.enrollmentCode(), prefix + n + "-test");
    // A serial scanner too (the simulator), beside the keyboard wedge.
    terminal.setting(DeviceChoice.SCANNER_URI, "sim:scanner");
    // The card reader with the processor's test cards on the screen.
    terminal.setting(DeviceChoice.CARD_READER_URI, "sim:card-reader");
    DeviceChoice.save(terminal, "sim:printer", "epson-tm-t20iii");
    devices.accept(terminal);
    tasks = new FxTaskExecutor();
    register =
        new Register(
            terminal,
            () -> DeviceChoice.open(terminal, Clock.systemUTC()),
            data.resolve("receipts"),
            new Messages(language),
            tasks,
            Clock.systemDefaultZone(),
            theme,
            Duration.ofMinutes(5));
  }

  /** The register's devices now. */
  RegisterDevices devices() {
    return register.devices();
  }

  /** Taps an employee on the PIN pad, types the PIN on its keys and signs in. */
  static void signIn(org.testfx.api.FxRobot robot, String name, String pin) {
    robot.clickOn(name);
    for (char c : pin.toCharArray()) {
      robot.clickOn(String.valueOf(c));
    }
    robot.clickOn("#signin-enter");
  }

  /** F6, count a 1,000.00 float (two 500s), open the shift, back to the sale. */
  static void openShift(org.testfx.api.FxRobot robot, Register register) {
    // The sale screen may still be settling (a new sale, the quick keys) when it first shows: a
    // query meanwhile can meet a button between two parents.
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#shift");
    robot.clickOn("#plus-50000");
    robot.clickOn("#plus-50000");
    robot.clickOn("#open-shift");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> register.shift().openProperty().get());
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
  }

  @Override
  public void close() throws IOException {
    network.close();
    register.close();
    tasks.close();
    terminal.close();
  }
}
