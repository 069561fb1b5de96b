package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.sim.FaultProxy;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.service.auth.Role;
import java.time.Duration;
import java.util.UUID;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a manager changes on the service reaches a running register within seconds, with no restart
 * and nobody asking it to sync (ADR 0028): a new price is the next scan's price, a new cashier
 * signs in, and a dismissed one is refused — at a till that was offline when it happened, once it
 * has been back, and still after it goes offline again.
 */
class LiveChangesTest extends RegisterUiTest {

  private static final Duration SECONDS = Duration.ofSeconds(30);

  @Override
  String terminalPrefix() {
    return "L";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
  }

  /** Types like a keyboard-wedge scanner: every key at once, then Enter. */
  private static void wedgeScan(FxRobot robot, Scene scene, String code) {
    robot.interact(
        () -> {
          var target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
          for (char c : code.toCharArray()) {
            Event.fireEvent(
                target,
                new KeyEvent(
                    KeyEvent.KEY_TYPED,
                    String.valueOf(c),
                    "",
                    KeyCode.UNDEFINED,
                    false,
                    false,
                    false,
                    false));
          }
          Event.fireEvent(
              target,
              new KeyEvent(
                  KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static UUID org() {
    return cloud.demo.organisationId();
  }

  private boolean onThePinPad(FxRobot robot, String name) {
    return robot.lookup(name).tryQuery().isPresent();
  }

  /** Types {@code pin} on the PIN pad without choosing a name, and presses Enter. */
  private static void pinAlone(FxRobot robot, String pin) {
    for (char c : pin.toCharArray()) {
      robot.clickOn(String.valueOf(c));
    }
    robot.clickOn("#signin-enter");
  }

  @Test
  void aPriceChangedOnTheServiceIsTheNextScansPriceWithoutARestart(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await().atMost(SECONDS).until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    cloud.services.admin().setPrice(org(), "water", 3150);
    // The register's own replica takes it in; nothing here asks it to.
    await()
        .atMost(SECONDS)
        .until(
            () ->
                fixture
                        .terminal
                        .catalog()
                        .byId("water")
                        .map(CatalogItem::price)
                        .orElseThrow()
                        .minor()
                    == 3150);
    wedgeScan(robot, fixture.register.scene(), "4820003456781");
    await().atMost(SECONDS).until(() -> fixture.register.sale().lines().size() == 1);
    assertThat(fixture.register.sale().lines().get(0).price()).isEqualTo("31,50");
    assertThat(robot.lookup("#total").queryAs(Label.class).getText()).contains("31,50");
  }

  @Test
  void aQuickKeyShownBeforeAPriceChangeSellsAtTheNewPrice(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await().atMost(SECONDS).until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    robot.interact(
        () ->
            robot
                .lookup("#category-Напої")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
    await().atMost(SECONDS).until(() -> robot.lookup("#quick-water").tryQuery().isPresent());
    cloud.services.admin().setPrice(org(), "water", 3250);
    // The keys on screen are read again once the till has taken the change in.
    await()
        .atMost(SECONDS)
        .until(
            () ->
                fixture.register.sale().quickItems().stream()
                    .anyMatch(i -> i.id().equals("water") && i.price().minor() == 3250));
    robot.clickOn("#quick-water");
    await().atMost(SECONDS).until(() -> fixture.register.sale().lines().size() == 1);
    assertThat(fixture.register.sale().lines().get(0).price()).isEqualTo("32,50");
  }

  @Test
  void aNewCashierAddedOnTheServiceSignsInAtTheRunningRegister(FxRobot robot) {
    cloud.services.admin().createEmployee(org(), "Марта", Role.CASHIER, "3579");
    await().atMost(SECONDS).until(() -> onThePinPad(robot, "Марта"));
    TestRegister.signIn(robot, "Марта", "3579");
    await().atMost(SECONDS).until(() -> robot.lookup("#cart").tryQuery().isPresent());
    assertThat(robot.lookup("#status-employee").queryAs(Label.class).getText()).contains("Марта");
  }

  @Test
  void aDismissedCashierIsRefusedAtATillThatWasOfflineAndCameBack(FxRobot robot) throws Exception {
    UUID leaver = cloud.services.admin().createEmployee(org(), "Устим", Role.CASHIER, "2468");
    await().atMost(SECONDS).until(() -> onThePinPad(robot, "Устим"));
    fixture.network.fault(FaultProxy.Fault.REFUSE);
    cloud.services.admin().staff().deactivate(org(), leaver);
    fixture.network.fault(FaultProxy.Fault.NONE);
    await().atMost(SECONDS).until(() -> !onThePinPad(robot, "Устим"));

    fixture.network.fault(FaultProxy.Fault.REFUSE);
    pinAlone(robot, "2468");
    await().atMost(SECONDS).until(() -> !fixture.register.signIn().errorProperty().get().isEmpty());
    assertThat(robot.lookup("#cart").tryQuery()).as("still at the PIN pad").isEmpty();
    assertThat(fixture.terminal.settings().staffMember(leaver)).isEmpty();
  }
}
