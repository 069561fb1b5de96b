package io.kasa.terminal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.FxTaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The PIN pad on screen: a check that lasts shows that it is being checked. */
@ExtendWith(ApplicationExtension.class)
class SignInViewTest {

  private static final SignInViewModel.Person OLENA =
      new SignInViewModel.Person(UUID.randomUUID(), "Олена", "CASHIER");

  private final CountDownLatch answer = new CountDownLatch(1);
  private final FxTaskExecutor tasks = new FxTaskExecutor();
  private SignInViewModel vm;

  @Start
  void start(Stage stage) {
    vm =
        new SignInViewModel(
            (person, pin) -> {
              try {
                // As a PBKDF2 check on a loaded machine: it lasts until the test lets it answer.
                answer.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new SignInViewModel.SignedIn(OLENA, false);
            },
            tasks,
            new Messages(Locale.forLanguageTag("uk")),
            signedIn -> {});
    vm.staff(List.of(OLENA), Locale.forLanguageTag("uk"));
    stage.setScene(
        new Scene(new SignInView(vm, new Messages(Locale.forLanguageTag("uk"))), 1280, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    answer.countDown();
    tasks.close();
  }

  @Test
  void aSlowCheckShowsTheSpinnerUntilItAnswers(FxRobot robot) {
    assertThat(robot.lookup("#signin-busy").query().isVisible()).isFalse();
    assertThat(robot.lookup("#signin-who").queryAs(Label.class).getText())
        .isEqualTo("Введіть свій PIN-код (або спершу торкніться свого імені)");
    robot.interact(
        () -> {
          "1111".chars().forEach(c -> vm.digit((char) c));
          vm.submit();
        });
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#signin-busy").query().isVisible());
    answer.countDown();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !robot.lookup("#signin-busy").query().isVisible());
    assertThat(vm.busyProperty().get()).isFalse();
  }
}
