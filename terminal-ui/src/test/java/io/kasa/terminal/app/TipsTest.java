package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.terminal.sale.SaleViewModel;
import java.time.Duration;
import java.util.Locale;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tips at the register against the real service (ADR 0054): the tip step before the card, a 10 %
 * preset and a tip typed on the keypad, the card charged both, the receipt's tip line, the tender's
 * tip on the service; and its pictures at 1024×768 and 1280×800 in Ukrainian and English.
 */
class TipsTest extends RegisterUiTest {

  private Stage stage;

  @Override
  String terminalPrefix() {
    return "P";
  }

  @Override
  @Start
  void start(Stage stage) {
    this.stage = stage;
    // The store takes tips (5, 10 and 15 %) before the till is enrolled and reads its rules.
    cloud
        .services
        .admin()
        .stores()
        .setTips(cloud.demo.organisationId(), cloud.demo.storeId(), true, null, null);
    super.start(stage);
  }

  /** Signed in, the shift open, a loaf of bread (31,00) scanned, on the payment screen. */
  private void breadToPay(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    robot.interact(
        () -> {
          var scene = fixture.register.scene();
          var target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
          for (char c : "4820000191357".toCharArray()) {
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
    await().atMost(Duration.ofSeconds(10)).until(() -> sale().lines().size() == 1);
    robot.clickOn("#pay");
  }

  private SaleViewModel sale() {
    return fixture.register.sale();
  }

  private void resize(FxRobot robot, int width, int height) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          stage.getScene().getRoot().applyCss();
          stage.getScene().getRoot().layout();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The tip step in each language at each size: nothing cut off or overlapping, and a picture. */
  private void pictures(FxRobot robot) {
    // The stage is shared with the classes after this one: put its size back afterwards.
    double width = stage.getWidth();
    double height = stage.getHeight();
    for (String language : new String[] {"uk", "en"}) {
      robot.interact(
          () -> fixture.register.messages().localeProperty().set(Locale.forLanguageTag(language)));
      WaitForAsyncUtils.waitForFxEvents();
      for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
        resize(robot, size[0], size[1]);
        assertThat(LayoutCheck.problems(stage.getScene()))
            .as(language + " " + size[0] + "×" + size[1])
            .isEmpty();
        for (int i = 1; i <= 3; i++) {
          Button preset = robot.lookup("#tip-preset-" + i).queryAs(Button.class);
          assertThat(preset.getHeight()).isGreaterThanOrEqualTo(48);
          assertThat(preset.getWidth()).isGreaterThanOrEqualTo(48);
        }
        Screenshots.saveIfAsked(
            robot, stage.getScene(), "tips/tip-step-" + language + "-" + size[0] + "x" + size[1]);
      }
    }
    robot.interact(() -> fixture.register.messages().localeProperty().set(Locale.ENGLISH));
    resize(robot, (int) width, (int) height);
  }

  @Test
  void aTenPercentTipIsChargedWithTheCardPrintedAndRecordedOnTheService(FxRobot robot)
      throws Exception {
    breadToPay(robot);
    robot.type(KeyCode.F11);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#tip-step").query().isVisible());
    // 5, 10 and 15 % of 31,00: 1,55, 3,10 and 4,65.
    assertThat(robot.lookup("#tip-preset-1").queryAs(Button.class).getText())
        .contains("5 %")
        .contains("1,55");
    assertThat(robot.lookup("#tip-preset-2").queryAs(Button.class).getText())
        .contains("10 %")
        .contains("3,10");
    assertThat(robot.lookup("#quick-cash").query().isVisible()).isFalse();
    pictures(robot);

    robot.clickOn("#tip-preset-2");
    assertThat(sale().cardWaitingProperty().get()).contains("34,10");
    robot.clickOn("#test-tok-approve");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    var paid = sale().sale();
    assertThat(paid.totals().total().minor()).isEqualTo(3100);
    assertThat(paid.tenders().get(0).tip().minor()).isEqualTo(310);
    assertThat(sale().receipt())
        // In the store's language (the receipt's), the same words as on paper.
        .anyMatch(l -> l.matches(".*(Tip|Чайові).*3[,.]10.*"))
        .anyMatch(l -> l.matches(".*(Charged to the card|Списано з картки).*34[,.]10.*"));

    fixture.terminal.syncNow();
    var recorded = fixture.terminal.client().sale(paid.id());
    assertThat(recorded.tenders())
        .extracting(t -> t.type() + " " + t.amount() + " " + t.tip())
        .containsExactly("CARD 3100 310");
    assertThat(recorded.totals().total()).isEqualTo(3100);
  }

  @Test
  void aTipTypedOnTheKeypadIsChargedWithTheCard(FxRobot robot) throws Exception {
    breadToPay(robot);
    robot.type(KeyCode.F11);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#tip-step").query().isVisible());
    robot.write("5");
    await().atMost(Duration.ofSeconds(5)).until(() -> "5".equals(sale().entryProperty().get()));
    robot.clickOn("#tip-other");
    assertThat(sale().cardWaitingProperty().get()).contains("36,00");
    robot.clickOn("#test-tok-approve");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    var paid = sale().sale();
    assertThat(paid.tenders().get(0).tip().minor()).isEqualTo(500);

    fixture.terminal.syncNow();
    var recorded = fixture.terminal.client().sale(paid.id());
    assertThat(recorded.tenders())
        .extracting(t -> t.type() + " " + t.amount() + " " + t.tip())
        .containsExactly("CARD 3100 500");
  }
}
