package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The sale screen's banner ("Added: …") lies in the cart's free space below its lines, so the line
 * just added stays readable; once the lines fill the cart it lies across the top, over the oldest
 * lines, while the newest stays in sight at the bottom.
 */
class CartBannerTest extends RegisterUiTest {

  @Override
  String terminalPrefix() {
    return "CB";
  }

  private Stage stage;

  @Override
  @Start
  void start(Stage stage) {
    this.stage = stage;
    super.start(stage);
  }

  @ParameterizedTest(name = "{0} at {1}×{2}")
  @CsvSource({"en, 1024, 768", "uk, 1280, 800", "uk, 1024, 768", "en, 1280, 800"})
  void theBannerNeverCoversTheLineJustAddedOrChanged(
      String language, int width, int height, FxRobot robot) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
          fixture.register.messages().localeProperty().set(Locale.forLanguageTag(language));
        });
    String picture = "register-banner-" + language + "-" + width + "x" + height;
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    // Water first; then bread and milk, each scan a line of its own, until the cart overflows.
    robot.interact(() -> fixture.register.sale().cart().joinRepeatsProperty().set(false));
    boolean sawBelow = false;
    boolean sawTop = false;
    for (int n = 1; n <= 14; n++) {
      scan(robot, n == 1 ? WATER : n % 2 == 0 ? BREAD : MILK, n);
      int added = n;
      await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> clear(robot, "line " + added));
      Bounds over = banner(robot);
      Bounds line = selectedCell(robot);
      Node cart = robot.lookup("#cart").query();
      Bounds list = cart.localToScene(cart.getLayoutBounds());
      if (n == 1) {
        Screenshots.saveIfAsked(robot, stage.getScene(), picture + "-below");
      }
      sawBelow |= over.getMinY() > line.getMaxY();
      sawTop |= over.getMinY() < list.getMinY() + 8;
    }
    Screenshots.saveIfAsked(robot, stage.getScene(), picture + "-top");
    assertThat(sawBelow).as("the banner lay below the lines while there was room").isTrue();
    assertThat(sawTop).as("the banner lay across the top once the lines filled the cart").isTrue();
    // Water again joins the first line, scrolled into sight at the top: the banner goes below.
    robot.interact(() -> fixture.register.sale().cart().joinRepeatsProperty().set(true));
    fixture.devices().virtualScanner().scan(WATER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fixture.register.sale().lines().get(0).quantity().startsWith("2"));
    await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> clear(robot, "the joined line"));
    Screenshots.saveIfAsked(robot, stage.getScene(), picture + "-bottom");
  }

  /** The banner shows and the selected line lies clear of it. */
  private static void clear(FxRobot robot, String what) {
    Bounds over = banner(robot);
    Bounds line = selectedCell(robot);
    assertThat(over.intersects(line))
        .as("%s at %s under the banner at %s", what, line, over)
        .isFalse();
  }

  private static final String WATER = "4820003456781";
  private static final String BREAD = "4820000191357";
  private static final String MILK = "4820001234565";

  private void scan(FxRobot robot, String code, int lines) {
    fixture.devices().virtualScanner().scan(code);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fixture.register.sale().lines().size() == lines);
  }

  private static Bounds banner(FxRobot robot) {
    Label banner = robot.lookup("#banner").queryAs(Label.class);
    assertThat(banner.getText()).matches("(Added|Додано): .+");
    return banner.localToScene(banner.getLayoutBounds());
  }

  /** The cell of the cart's selected line (the one just added or changed), as drawn. */
  private static Bounds selectedCell(FxRobot robot) {
    for (Node n : robot.lookup("#cart").query().lookupAll(".list-cell")) {
      if (n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible() && c.isSelected()) {
        return c.localToScene(c.getLayoutBounds());
      }
    }
    throw new AssertionError("no selected line on screen");
  }
}
