package io.kasa.terminal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.app.RegisterWindow;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The on-screen keyboard over any text field, and prompts that stay in focused empty fields. */
@ExtendWith(ApplicationExtension.class)
class OnScreenKeyboardTest {

  private TextField amount;
  private TextField reason;
  private Button ok;
  private TextField low;

  @Start
  void start(Stage stage) {
    amount = new TextField();
    reason = new TextField();
    ok = new Button("OK");
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    amount.setId("amount");
    amount.setPromptText("Amount");
    reason.setId("reason");
    reason.setPromptText("Reason");
    low = new TextField();
    low.setId("low");
    javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
    VBox.setVgrow(gap, javafx.scene.layout.Priority.ALWAYS);
    Scene scene = new Scene(new VBox(12, amount, reason, ok, gap, low), 1024, 768);
    OnScreenKeyboard.offerOn(scene, () -> OnScreenKeyboard.Layout.of(Locale.ENGLISH));
    stage.setScene(scene);
    stage.show();
    amount.requestFocus();
  }

  @Test
  void touchingAFieldBringsUpAKeyboardThatTypesIntoIt(FxRobot robot) {
    robot.clickOn("#reason");
    for (String key : List.of("q", "w", "e")) {
      robot.clickOn(key);
    }
    robot.clickOn("#osk-backspace");
    assertThat(reason.getText()).isEqualTo("qw");
    assertThat(amount.getText()).isEmpty();
    assertThat(reason.isFocused()).isTrue();

    robot.clickOn("#osk-language");
    robot.clickOn("ж");
    assertThat(reason.getText()).isEqualTo("qwж");
  }

  @Test
  void theKeyboardGoesWhenTheFocusLeavesTheTextFields(FxRobot robot) {
    robot.clickOn("#amount");
    assertThat(robot.lookup("#osk-language").tryQuery()).isPresent();
    robot.interact(ok::requestFocus);
    assertThat(robot.lookup("#osk-language").tryQuery()).isEmpty();
  }

  @Test
  void aTouchOutsideTheFieldsPutsTheKeyboardAway(FxRobot robot) {
    robot.clickOn("#reason");
    assertThat(robot.lookup("#osk-language").tryQuery()).isPresent();
    robot.interact(() -> ok.setFocusTraversable(false));
    robot.clickOn(ok);
    assertThat(robot.lookup("#osk-language").tryQuery()).isEmpty();
    assertThat(reason.isFocused()).isTrue();
  }

  @Test
  void theLanguageAndBackspaceKeysShowTheirWholeLabelInBothLayouts(FxRobot robot) {
    robot.clickOn("#amount");
    for (int layout = 0; layout < 2; layout++) {
      for (String id : List.of("#osk-language", "#osk-backspace", "#osk-clear", "#osk-hide")) {
        Button key = robot.lookup(id).queryButton();
        assertThat(shown(key)).as(id).isEqualTo(key.getText());
        assertThat(key.getWidth()).as(id).isGreaterThanOrEqualTo(48);
        assertThat(key.getHeight()).as(id).isGreaterThanOrEqualTo(48);
      }
      robot.clickOn("#osk-language");
    }
  }

  @Test
  void aFieldLowOnTheScreenStaysInSightOverTheKeyboard(FxRobot robot) {
    robot.clickOn("#low");
    Node key = robot.lookup("#osk-language").query();
    javafx.stage.Window keyboard = key.getScene().getWindow();
    double fieldTop = low.localToScreen(low.getBoundsInLocal()).getMinY();
    assertThat(keyboard.getY() + keyboard.getHeight()).isLessThanOrEqualTo(fieldTop);
    robot.clickOn("z").clickOn("x");
    assertThat(low.getText()).isEqualTo("zx");
  }

  @Test
  void aFocusedEmptyFieldKeepsItsPrompt(FxRobot robot) {
    robot.interact(amount::requestFocus);
    assertThat(amount.isFocused()).isTrue();
    Text prompt =
        robot
            .from(amount)
            .lookup((Node n) -> n instanceof Text t && "Amount".equals(t.getText()))
            .query();
    assertThat(prompt.isVisible()).isTrue();
    assertThat(prompt.getFill()).isNotEqualTo(Color.TRANSPARENT);
  }

  /** What the button's skin draws: its text, or the text cut with an ellipsis. */
  private static String shown(Button b) {
    return ((Text) b.lookup(".text")).getText();
  }
}
