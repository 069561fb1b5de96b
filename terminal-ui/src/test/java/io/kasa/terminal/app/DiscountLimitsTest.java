package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.store.Outbox;
import io.kasa.domain.sale.Discount;
import io.kasa.terminal.sale.SaleViewModel;
import io.kasa.terminal.ui.Banner;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Discount limits at the register (ADR 0033), with the demo store's defaults: a cashier gives up to
 * 10 % alone, a manager approves by PIN up to 50 %, beyond that nobody.
 */
class DiscountLimitsTest extends RegisterUiTest {

  private Register register;

  @Override
  String terminalPrefix() {
    return "D";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
    register = fixture.register;
  }

  /** Olena signed in, her shift open, a loaf of bread (31,00) in the cart. */
  private void breadRungUp(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, register);
    robot.interact(
        () -> {
          register.sale().type("4820000191357");
          register.sale().enter();
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
  }

  private Discount lineDiscount() {
    return register.sale().sale().line(1).lineDiscount().orElse(null);
  }

  @Test
  void aCashiersSmallDiscountAppliesAtOnce(FxRobot robot) {
    breadRungUp(robot);
    robot.write("10");
    robot.type(KeyCode.F5);
    await().atMost(Duration.ofSeconds(5)).until(() -> lineDiscount() != null);
    assertThat(register.sale().totalProperty().get()).isEqualTo("27,90 ₴");
    assertThat(lineDiscount().approvedBy()).isNull();
    assertThat(robot.lookup("#manager-pin").tryQuery()).isEmpty();
  }

  @Test
  void aLargeDiscountAsksForAManagersPinAndIsGivenInTheirNameUpToTheService(FxRobot robot) {
    breadRungUp(robot);
    long audited = cloud.audited("DISCOUNT");
    robot.write("20");
    robot.type(KeyCode.F5);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#manager-pin").tryQuery().isPresent());
    assertThat(lineDiscount()).as("nothing before the manager's PIN").isNull();
    robot.clickOn("#manager-pin").write("9999");
    robot.clickOn("OK");
    await().atMost(Duration.ofSeconds(10)).until(() -> lineDiscount() != null);
    assertThat(lineDiscount().approvedBy()).isEqualTo(cloud.demo.managerId());
    assertThat(register.sale().totalProperty().get()).isEqualTo("24,80 ₴");

    robot.clickOn("#pay");
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    fixture.terminal.syncNow();
    assertThat(fixture.terminal.outbox().find(register.sale().sale().id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    assertThat(cloud.audited("DISCOUNT")).isEqualTo(audited + 1);
  }

  @Test
  void aDiscountBeyondTheManagersLimitIsRefusedInTheCashiersWords(FxRobot robot) {
    breadRungUp(robot);
    robot.write("60");
    robot.type(KeyCode.F5);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> register.sale().bannerProperty().get().kind() == Banner.Kind.ERROR);
    Banner banner = register.sale().bannerProperty().get();
    assertThat(banner.text())
        .isEqualTo("A 60 % discount is not allowed here: the most a manager may approve is 50 %");
    assertThat(robot.lookup("#manager-pin").tryQuery()).isEmpty();
    assertThat(lineDiscount()).isNull();
  }
}
