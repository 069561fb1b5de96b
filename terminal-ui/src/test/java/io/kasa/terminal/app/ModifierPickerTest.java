package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.store.Outbox;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.SaleLine;
import io.kasa.terminal.sale.CartLine;
import io.kasa.terminal.sale.SaleViewModel;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The register's modifier picker (ADR 0043): the demo latte asks for its milk (required) and offers
 * extras (up to two); what is chosen is sold, journalled, printed, and can be changed on the line.
 */
class ModifierPickerTest extends RegisterUiTest {

  private static final String LATTE = "4820005678952";
  private Stage stage;

  @Override
  String terminalPrefix() {
    return "MP";
  }

  @Override
  @Start
  void start(Stage stage) {
    this.stage = stage;
    super.start(stage);
  }

  private void signInAndOpenShift(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
  }

  private static boolean shown(FxRobot robot, String query) {
    return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
  }

  private void scanLatte(FxRobot robot) {
    fixture.devices().virtualScanner().scan(LATTE);
    await().atMost(Duration.ofSeconds(10)).until(() -> shown(robot, "#modifier-pane"));
    await().atMost(Duration.ofSeconds(10)).until(() -> shown(robot, "#option-milk-regular"));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean confirmDisabled(FxRobot robot) {
    return robot.lookup("#modifier-confirm").query().isDisabled();
  }

  private static String text(FxRobot robot, String query) {
    return plain(robot.lookup(query).queryAs(Labeled.class).getText());
  }

  private static String plain(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  @Test
  void theLatteWithOatMilkAnExtraAndANoteIsSoldJournalledAndPrinted(FxRobot robot) {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    scanLatte(robot);
    assertThat(text(robot, "#modifier-title")).isEqualTo("Лате");
    assertThat(text(robot, "#modifier-rule-milk")).isEqualTo("choose 1 option");
    assertThat(text(robot, "#modifier-rule-coffee-extras")).isEqualTo("optional, up to 2 options");
    assertThat(text(robot, "#option-milk-oat")).isEqualTo("Вівсяне\n+15,00 ₴");
    assertThat(text(robot, "#modifier-price")).isEqualTo("55,00 ₴");
    assertThat(confirmDisabled(robot)).isTrue();
    picturesAndLayout(robot, "en");

    robot.clickOn("#option-milk-oat");
    assertThat(confirmDisabled(robot)).isFalse();
    assertThat(text(robot, "#modifier-price")).isEqualTo("70,00 ₴");
    // The keyboard: Tab to the extras, 1 chooses their first (a shot, +15,00).
    robot.type(KeyCode.TAB);
    robot.type(KeyCode.DIGIT1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                robot
                    .lookup("#option-coffee-extras-shot")
                    .queryAs(ToggleButton.class)
                    .isSelected());
    assertThat(text(robot, "#modifier-price")).isEqualTo("85,00 ₴");
    robot.interact(
        () -> robot.lookup("#modifier-note").queryAs(TextField.class).setText("без піни"));
    // Enter with no text field focused confirms.
    robot.interact(() -> stage.getScene().getRoot().requestFocus());
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(shown(robot, "#modifier-pane")).isFalse();
    CartLine row = register.sale().lines().get(0);
    assertThat(row.extras())
        .containsExactly(
            "+ Молоко: Вівсяне  +15,00", "+ Додатки: Додатковий шот  +15,00", "Note: без піни");
    assertThat(plain(row.price())).isEqualTo("55,00");
    assertThat(plain(row.amount())).startsWith("85,00");
    assertThat(shown(robot, "#line-extras")).isTrue();
    // The line shows every choice and the note in full, its row as tall as they need.
    robot.interact(
        () -> {
          stage.getScene().getRoot().applyCss();
          stage.getScene().getRoot().layout();
        });
    assertThat(LayoutCheck.problems(stage.getScene()))
        .as("the cart with a line's choices")
        .isEmpty();
    Screenshots.saveIfAsked(robot, stage.getScene(), "register-cart-modifiers");

    // Quantity changes keep the choices.
    robot.interact(
        () -> {
          register.sale().type("2");
          register.sale().quantityOfSelected();
        });
    SaleLine line = register.sale().sale().line(1);
    assertThat(line.modifiers())
        .extracting(ChosenModifier::optionName)
        .containsExactly("Вівсяне", "Додатковий шот");
    assertThat(line.note()).isEqualTo("без піни");
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(17_000);

    robot.clickOn("#pay");
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    Outbox.Entry journalled =
        fixture.terminal.outbox().find(register.sale().sale().id()).orElseThrow();
    assertThat(journalled.body()).contains("\"oat\"", "Вівсяне", "\"shot\"", "без піни", "1500");
    fixture.terminal.syncNow();
    assertThat(fixture.terminal.outbox().find(register.sale().sale().id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.devices().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("Вівсяне")));
    String paper = String.join("\n", fixture.devices().virtualPrinter().orElseThrow().textLines());
    assertThat(paper).contains("Молоко: Вівсяне", "Додатковий шот", "без піни");
  }

  @Test
  void confirmWaitsForTheMilkAndCancelAddsNothing(FxRobot robot) {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    scanLatte(robot);
    assertThat(confirmDisabled(robot)).isTrue();
    // An extra alone does not make the latte: the milk is still asked.
    robot.clickOn("#option-coffee-extras-syrup");
    assertThat(confirmDisabled(robot)).isTrue();
    robot.type(KeyCode.ENTER);
    assertThat(register.sale().lines()).isEmpty();
    // Up to two extras: a third is refused in words and not chosen.
    robot.clickOn("#option-coffee-extras-shot");
    robot.clickOn("#option-coffee-extras-no-sugar");
    assertThat(
            robot.lookup("#option-coffee-extras-no-sugar").queryAs(ToggleButton.class).isSelected())
        .isFalse();
    assertThat(register.sale().bannerProperty().get().text()).contains("at most 2 options");
    robot.clickOn("#modifier-cancel");
    await().atMost(Duration.ofSeconds(5)).until(() -> !shown(robot, "#modifier-pane"));
    assertThat(register.sale().lines()).isEmpty();
    // Esc cancels as well; the next scan starts afresh.
    scanLatte(robot);
    assertThat(robot.lookup("#option-coffee-extras-shot").queryAs(ToggleButton.class).isSelected())
        .isFalse();
    robot.type(KeyCode.ESCAPE);
    await().atMost(Duration.ofSeconds(5)).until(() -> !shown(robot, "#modifier-pane"));
    assertThat(register.sale().lines()).isEmpty();
    assertThat(register.sale().sale().lines()).isEmpty();
  }

  @Test
  void tappingALineChangesItsChoices(FxRobot robot) {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    scanLatte(robot);
    robot.clickOn("#option-milk-regular");
    robot.clickOn("#modifier-confirm");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(5_500);

    robot.clickOn("#line-extras");
    await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot, "#modifier-pane"));
    // The line's choices, as they are.
    assertThat(robot.lookup("#option-milk-regular").queryAs(ToggleButton.class).isSelected())
        .isTrue();
    robot.clickOn("#option-milk-lactose-free");
    assertThat(robot.lookup("#option-milk-regular").queryAs(ToggleButton.class).isSelected())
        .isFalse();
    assertThat(text(robot, "#modifier-price")).isEqualTo("65,00 ₴");
    robot.clickOn("#modifier-confirm");
    await().atMost(Duration.ofSeconds(5)).until(() -> !shown(robot, "#modifier-pane"));
    assertThat(register.sale().lines()).hasSize(1);
    assertThat(register.sale().lines().get(0).extras())
        .containsExactly("+ Молоко: Безлактозне  +10,00");
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(6_500);

    // Cancel on a line leaves it as it was.
    robot.clickOn("#line-extras");
    await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot, "#modifier-pane"));
    robot.clickOn("#option-milk-oat");
    robot.clickOn("#modifier-cancel");
    await().atMost(Duration.ofSeconds(5)).until(() -> !shown(robot, "#modifier-pane"));
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(6_500);

    // The same latte again, asking the same, joins its line.
    scanLatte(robot);
    robot.clickOn("#option-milk-lactose-free");
    robot.clickOn("#modifier-confirm");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> register.sale().sale().totals().total().minor() == 13_000);
    assertThat(register.sale().lines()).hasSize(1);
  }

  /**
   * The picker read from the scene at 1024×768 and 1280×800 in English and then Ukrainian: nothing
   * cut off, overlapping or under 48 px; pictured with {@code -Dkasa.screenshots=DIR}.
   */
  private void picturesAndLayout(FxRobot robot, String first) {
    List<String> problems =
        LayoutCheck.atBothSizes(
            robot,
            stage,
            first,
            "register-modifiers",
            found -> {},
            language -> {
              if ("uk".equals(language)) {
                assertThat(text(robot, "#modifier-rule-milk")).isEqualTo("оберіть 1 варіант");
                assertThat(text(robot, "#modifier-rule-coffee-extras"))
                    .isEqualTo("за бажанням, до 2 варіантів");
              }
            });
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }
}
