package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Ordering at the host stand (ADR 0056), headless, against the real service: an item with a
 * required group goes through the register's own options picker and lands on the check with its
 * options, note and price; a note typed beside the code; courses chosen with Ctrl+digit and by
 * touch, held by F11 and fired with F12 and by touch, each line saying where it is.
 */
class HostStandCoursesTest extends RegisterUiTest {

  private static Map<String, String> otherHost;
  private Stage stage;

  @BeforeAll
  static void enrollTheOtherStand() {
    var other =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "C0", "Стійка 2");
    var enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + other.enrollmentCode() + "\"}",
            Map.of());
    otherHost =
        cloud.signedIn(
            "Bearer " + enrolled.json().get("credential").asText(), cloud.demo.hostId(), "5555");
  }

  @Override
  String terminalPrefix() {
    return "C";
  }

  /** TestFX looks for {@code @Start} on the test class itself. */
  @Override
  @Start
  void start(Stage stage) {
    this.stage = stage;
    super.start(stage);
  }

  private static JsonNode table(String name) {
    for (JsonNode t : cloud.send("GET", "/v1/floor", null, otherHost).json().get("tables")) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("No table " + name);
  }

  /** Seats two at {@code table} from the other stand; answers the check. */
  private static UUID seated(String table) {
    JsonNode t = table(table);
    UUID check = UUID.randomUUID();
    var seated =
        cloud.send(
            "POST",
            "/v1/floor/tables/" + t.get("id").asText() + "/seat",
            "{\"checkId\":\"" + check + "\",\"guests\":2,\"version\":" + t.get("version") + "}",
            otherHost);
    assertThat(seated.status()).as(seated.body()).isEqualTo(201);
    return check;
  }

  /** The check's lines as the service has them. */
  private static List<JsonNode> lines(UUID check) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode c : cloud.send("GET", "/v1/floor", null, otherHost).json().get("checks")) {
      if (c.get("id").asText().equals(check.toString())) {
        c.get("lines").forEach(found::add);
      }
    }
    return found;
  }

  private void openStandAt(FxRobot robot, String table) {
    TestRegister.signIn(robot, "Ірина", "5555");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                fixture.register.host() != null
                    && fixture.register.host().liveProperty().get()
                    && robot.lookup("#table-" + table).tryQuery().isPresent());
    tap(robot, "#table-" + table);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#item-code").tryQuery().map(Node::isVisible).orElse(false));
  }

  private String banner(FxRobot robot) {
    return robot.lookup("#host-banner").queryAs(Label.class).getText();
  }

  /** Whether what the query names is on screen: it and everything it sits in visible. */
  private static boolean shown(FxRobot robot, String query) {
    return robot
        .lookup(query)
        .tryQuery()
        .map(
            n -> {
              for (Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                  return false;
                }
              }
              return true;
            })
        .orElse(false);
  }

  private static long labels(FxRobot robot, String text) {
    return robot.lookup(text).queryAll().stream().filter(Label.class::isInstance).count();
  }

  @Test
  void aSteakAtTheStandAsksHowItIsDoneAndLandsWithItsOptionsNoteAndPrice(FxRobot robot) {
    UUID check = seated("1");
    openStandAt(robot, "1");

    tap(robot, "#item-note").write("без цибулі");
    tap(robot, "#item-code").write("steak");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> shown(robot, "#modifier-pane"));
    assertThat(robot.lookup("#modifier-title").queryAs(Label.class).getText())
        .isEqualTo("Стейк рібай");
    assertThat(robot.lookup("#modifier-confirm").queryButton().isDisabled())
        .as("how it is done is required")
        .isTrue();
    assertThat(robot.lookup("#modifier-note").queryTextInputControl().getText())
        .as("the note typed beside the code comes along")
        .isEqualTo("без цибулі");
    assertThat(shown(robot, "#check-lines")).as("the picker takes the column").isFalse();

    // The keys choose as at the register: a digit in the group marked, Tab to the next.
    robot.type(KeyCode.DIGIT1);
    robot.type(KeyCode.TAB);
    tap(robot, "#option-sauce-pepper");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !robot.lookup("#modifier-confirm").queryButton().isDisabled());
    pictures(robot, "host-modifiers");
    // The pictures' language button took the focus; Enter confirms from the picker, as a key.
    robot.interact(() -> robot.lookup("#modifier-pane").query().requestFocus());
    robot.type(KeyCode.ENTER);

    await().atMost(Duration.ofSeconds(10)).until(() -> lines(check).size() == 1);
    JsonNode line = lines(check).get(0);
    assertThat(line.get("itemId").asText()).isEqualTo("steak");
    assertThat(line.at("/modifiers/0/optionId").asText()).isEqualTo("rare");
    assertThat(line.at("/modifiers/1/optionId").asText()).isEqualTo("pepper");
    assertThat(line.get("note").asText()).isEqualTo("без цибулі");
    assertThat(line.get("amount").asLong()).isEqualTo(42_000 + 3_500);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("1 × Стейк рібай").tryQuery().isPresent());
    assertThat(shown(robot, "#modifier-pane")).isFalse();
    String extras =
        robot.lookup("#check-lines").lookup(".label").queryAll().stream()
            .map(n -> ((Label) n).getText())
            .reduce("", (a, b) -> a + "\n" + b);
    assertThat(extras)
        .contains("+ Ступінь просмаження: З кров'ю", "+ Соус: Перцевий", "без цибулі");
    assertThat(robot.lookup("#check-total").queryAs(Label.class).getText()).contains("455");
    // The row is as tall as its lines: the options, note and state under the item stay inside it
    // rather than spilling over the next row (the theme fixes list rows at 2.8em otherwise).
    List<String> spilled = new ArrayList<>();
    robot.interact(
        () -> {
          for (Node n : robot.lookup("#check-lines").lookup(".list-cell").queryAll()) {
            ListCell<?> cell = (ListCell<?>) n;
            Node shown = cell.getGraphic();
            if (cell.isEmpty() || shown == null || !cell.isVisible()) {
              continue;
            }
            var b = shown.getBoundsInParent();
            if (b.getMinY() < -0.5 || b.getMaxY() > cell.getHeight() + 0.5) {
              spilled.add(cell.getId() + ": " + b + " in a row " + cell.getHeight() + " tall");
            }
          }
        });
    assertThat(spilled).as("check rows that cut or overlap their lines").isEmpty();

    // Esc leaves the picker with nothing added; a note alone goes on an item without options.
    tap(robot, "#item-code").write("steak");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> shown(robot, "#modifier-pane"));
    robot.type(KeyCode.ESCAPE);
    await().atMost(Duration.ofSeconds(5)).until(() -> !shown(robot, "#modifier-pane"));
    tap(robot, "#item-note").write("гаряче");
    tap(robot, "#item-code").write("borshch");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> lines(check).size() == 2);
    assertThat(lines(check).get(1).get("note").asText()).isEqualTo("гаряче");
  }

  @Test
  void coursesAreHeldBySendingAndFiredByKeyAndByTouch(FxRobot robot) {
    UUID check = seated("2");
    openStandAt(robot, "2");
    tap(robot, "#item-code").write("borshch");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> lines(check).size() == 1);
    // Ctrl+2: course 2, kept for the items after.
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#item-course").queryButton().getText().startsWith("Course 2"));
    tap(robot, "#item-code").write("varenyky");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> lines(check).size() == 2);
    // A touch moves it on to course 3.
    tap(robot, "#item-course");
    assertThat(robot.lookup("#item-course").queryButton().getText()).startsWith("Course 3");
    tap(robot, "#item-code").write("uzvar");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> lines(check).size() == 3);
    assertThat(lines(check).get(1).get("course").asInt()).isEqualTo(2);
    assertThat(lines(check).get(2).get("course").asInt()).isEqualTo(3);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> labels(robot, "not sent yet · course 2") == 1);

    robot.type(KeyCode.F11);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(banner(robot))
                    .contains("sent to the kitchen: Гаряча кухня")
                    .contains("2 items wait for its course"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                labels(robot, "held for course 2") == 1
                    && labels(robot, "held for course 3") == 1
                    && labels(robot, "✓ at the kitchen") == 1);
    Button fire = robot.lookup("#fire-course").queryButton();
    assertThat(fire.getText()).isEqualTo("Fire course 2\nF12");
    pictures(robot, "host-courses");

    robot.type(KeyCode.F12);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(banner(robot)).contains("Course 2 of check").contains("Гаряча кухня"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#fire-course").queryButton().getText().contains("course 3"));
    tap(robot, "#fire-course");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(banner(robot)).contains("Course 3").contains("Бар"));
    await().atMost(Duration.ofSeconds(10)).until(() -> labels(robot, "✓ at the kitchen") == 3);
    for (JsonNode l : lines(check)) {
      assertThat(l.get("sentAt").isNull()).as(l.toString()).isFalse();
    }
    assertThat(robot.lookup("#fire-course").queryButton().isDisabled())
        .as("nothing left to fire")
        .isTrue();
    robot.type(KeyCode.F12);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(banner(robot)).contains("no course waiting"));
  }

  /**
   * The stand as it is, at 1024×768 and 1280×800 in both languages: nothing cut off or overlapping;
   * pictured with {@code -Dkasa.screenshots=DIR}. The window is put back as found.
   */
  private void pictures(FxRobot robot, String name) {
    double width = stage.getWidth();
    double height = stage.getHeight();
    try {
      List<String> problems =
          new ArrayList<>(
              LayoutCheck.atBothSizes(robot, stage, "en", name, found -> {}, language -> {}));
      // High contrast's 2 px borders take room: the crowded item row is checked in it too.
      robot.clickOn("#theme").clickOn("#theme");
      for (String p :
          LayoutCheck.atBothSizes(robot, stage, "en", name + "-hc", found -> {}, language -> {})) {
        problems.add("high contrast " + p);
      }
      robot.clickOn("#theme");
      assertThat(problems).as(String.join("\n", problems)).isEmpty();
    } finally {
      robot.interact(
          () -> {
            stage.setWidth(width);
            stage.setHeight(height);
          });
    }
  }

  /** Touches what the query names once it is shown and enabled. */
  private static FxRobot tap(FxRobot robot, String query) {
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(
            () -> {
              Node node =
                  robot
                      .lookup(query)
                      .match((Node n) -> n.getScene() != null && n.isVisible() && !n.isDisabled())
                      .query();
              robot.clickOn(node);
              return true;
            });
    return robot;
  }
}
