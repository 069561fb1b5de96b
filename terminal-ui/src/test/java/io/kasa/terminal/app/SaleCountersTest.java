package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.terminal.sale.CartLine;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The sale screen's cart at a real register: a colleague's sign-in keeps each cart for whoever rang
 * it up, a weighed item asks for its weight with its unit, parked sales are listed and recalled
 * with a touch.
 */
class SaleCountersTest extends RegisterUiTest {

  private Register register;

  @Override
  String terminalPrefix() {
    return "C";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
    register = fixture.register;
  }

  private void signIn(FxRobot robot, String name, String pin) {
    TestRegister.signIn(robot, name, pin);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
  }

  private void typeCode(FxRobot robot, String code) {
    robot.write(code);
    robot.type(KeyCode.ENTER);
  }

  @Test
  void aColleaguesSignInKeepsTheCartForTheCashierWhoRangItUp(FxRobot robot) {
    signIn(robot, "Олена", "1111");
    typeCode(robot, "4820000191357");
    typeCode(robot, "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> register.sale().lines().get(0).quantity().equals("2"));
    robot.interact(register::signOut);
    signIn(robot, "Андрій", "9999");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().isEmpty());
    robot.interact(register::signOut);
    signIn(robot, "Олена", "1111");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).name()).isEqualTo("Хліб житній");
    assertThat(register.sale().lines().get(0).quantity()).isEqualTo("2");
  }

  @Test
  void aWeighedItemWithoutAWeightAsksForItInKilogramsAndTheCashRoundingIsShownBeforePaying(
      FxRobot robot) {
    signIn(robot, "Олена", "1111");
    TestRegister.openShift(robot, register);
    typeCode(robot, "12345");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#weight-pane").query().isVisible());
    robot.clickOn("#weight-key-0");
    robot.clickOn("#weight-key-comma");
    robot.clickOn("#weight-key-5");
    assertThat(robot.lookup("#weight-entry").queryLabeled().getText()).isEqualTo("0,5 kg");
    Screenshots.saveIfAsked(robot, register.scene(), "sale-weight");
    robot.clickOn("#weight-ok");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    CartLine apples = register.sale().lines().get(0);
    assertThat(apples.quantity()).isEqualTo("0,5");
    assertThat(apples.unit()).isEqualTo("kg");
    assertThat(robot.lookup("#weight-pane").query().isVisible()).isFalse();
    robot.clickOn("#pay");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#rounding").query().isVisible());
    assertThat(robot.lookup("#due").queryLabeled().getText()).isEqualTo("21,25 ₴");
    assertThat(robot.lookup("#rounding").queryLabeled().getText())
        .matches("Cash rounded to 21,[23]0 ₴ \\([−+]0,05\\); a card pays 21,25 ₴");
    Screenshots.saveIfAsked(robot, register.scene(), "sale-rounding");
  }

  @Test
  void parkedSalesAreListedAndOneIsRecalledWithATouch(FxRobot robot) {
    signIn(robot, "Олена", "1111");
    typeCode(robot, "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    robot.clickOn("#park");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().isEmpty());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> register.sale().parkedCountProperty().get() == 1);
    robot.clickOn("#park");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#parked-pane").query().isVisible());
    Screenshots.saveIfAsked(robot, register.scene(), "sale-parked");
    robot.clickOn(robot.lookup("#parked-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().parkedCountProperty().get()).isZero();
    assertThat(robot.lookup("#parked-pane").query().isVisible()).isFalse();
  }
}
