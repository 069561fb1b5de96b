package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.service.TestCloud;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.enroll.EnrollmentView;
import io.kasa.terminal.enroll.EnrollmentViewModel;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * First run against the real service: a wrong address is reported, the right one answers, the
 * one-time code enrolls the terminal with the catalogue counted in, and the printer step is skipped
 * for the virtual printer. A code whose answers were lost enrolls when tried again.
 */
@ExtendWith(ApplicationExtension.class)
class EnrollmentWizardTest {

  private static TestCloud cloud;
  @TempDir static Path dir;
  private CloudTerminal terminal;
  private FxTaskExecutor tasks;
  private final AtomicReference<String> done = new AtomicReference<>();

  @BeforeAll
  static void startCloud() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stopCloud() throws Exception {
    cloud.close();
  }

  @Start
  void start(Stage stage) {
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    terminal =
        CloudTerminal.open(
            dir.resolve("wizard-" + java.util.UUID.randomUUID()),
            Clock.systemUTC(),
            CloudClientConfig::defaults);
    tasks = new FxTaskExecutor();
    Messages messages = new Messages(Locale.ENGLISH);
    EnrollmentViewModel vm =
        new EnrollmentViewModel(
            new WizardEnrollment(terminal),
            tasks,
            messages,
            PrinterProfiles.builtIn().all().stream().map(p -> p.id()).toList(),
            done::set);
    stage.setScene(new Scene(new EnrollmentView(vm, messages), 1024, 700));
    stage.show();
  }

  @AfterEach
  void stop() {
    tasks.close();
    terminal.close();
  }

  private static void set(FxRobot robot, String id, String text) {
    robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
  }

  private static String message(FxRobot robot) {
    return robot.lookup("#enroll-message").queryAs(Label.class).getText();
  }

  @Test
  void aCodeWhoseAnswersWereLostEnrollsWhenTheTechnicianTriesItAgain(FxRobot robot)
      throws Exception {
    String code =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "T5", "Каса 5")
            .enrollmentCode();
    try (FaultProxy network = new FaultProxy("127.0.0.1", cloud.app.port())) {
      set(robot, "#enroll-url", "http://127.0.0.1:" + network.port());
      set(robot, "#enroll-code", code);
      // The service enrolls the terminal each time; every answer is lost on the way back.
      network.fault(FaultProxy.Fault.LOSE_RESPONSE);
      robot.clickOn("#enroll-go");
      await().atMost(Duration.ofSeconds(30)).until(() -> message(robot).startsWith("Not enrolled"));
      assertThat(terminal.enrolled()).isFalse();
      assertThat(network.faultsInjected()).isPositive();
      network.fault(FaultProxy.Fault.NONE);
      robot.clickOn("#enroll-go");
      await().atMost(Duration.ofSeconds(30)).until(() -> message(robot).startsWith("Enrolled"));
      assertThat(terminal.enrolled()).isTrue();
      assertThat(terminal.config().terminalCode()).isEqualTo("T5");
    }
  }

  @Test
  void aWrongAddressIsSaidThenTheCodeEnrollsAndLoadsTheCatalogue(FxRobot robot) {
    set(robot, "#enroll-url", "http://127.0.0.1:1");
    robot.clickOn("#enroll-test");
    await().atMost(Duration.ofSeconds(15)).until(() -> message(robot).startsWith("No answer"));
    set(robot, "#enroll-url", "http://127.0.0.1:" + cloud.app.port());
    robot.clickOn("#enroll-test");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> message(robot).equals("The service answers."));
    set(robot, "#enroll-code", "WRONG-CODE-0000");
    robot.clickOn("#enroll-go");
    await().atMost(Duration.ofSeconds(15)).until(() -> message(robot).startsWith("Not enrolled"));
    assertThat(terminal.enrolled()).isFalse();
    set(robot, "#enroll-code", cloud.demo.terminal().enrollmentCode().toLowerCase(Locale.ROOT));
    robot.clickOn("#enroll-go");
    // The devices step's buttons are visible themselves all along (their pane is not): wait for
    // the message that comes with the step.
    await().atMost(Duration.ofSeconds(30)).until(() -> message(robot).startsWith("Enrolled"));
    assertThat(terminal.enrolled()).isTrue();
    // The demo's counter items and its shelf (DemoData): over a hundred.
    assertThat(terminal.catalog().size()).isGreaterThan(100);
    robot.clickOn("#enroll-skip");
    await().atMost(Duration.ofSeconds(10)).until(() -> done.get() != null);
    assertThat(done.get()).isEqualTo("sim:printer");
    assertThat(terminal.setting(DeviceChoice.PRINTER_URI)).contains("sim:printer");
  }
}
