package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.service.catalog.QuickKeysOffice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The quick keys follow the layout arranged in the back office (ADR 0052): saved while the register
 * runs, its pages become the first category buttons in its order and a page's keys come in its
 * order, the category's other items after them; a key sells. Pictured with {@code
 * -Dkasa.screenshots=DIR}.
 */
class QuickKeysLayoutTest extends RegisterUiTest {

  private static final Duration SECONDS = Duration.ofSeconds(30);
  private Stage stage;

  @Override
  String terminalPrefix() {
    return "QK";
  }

  @Override
  @Start
  void start(Stage stage) {
    this.stage = stage;
    super.start(stage);
  }

  /** The ids of a container's children, in order. */
  private static List<String> ids(FxRobot robot, String container) {
    List<String> out = new ArrayList<>();
    robot.interact(
        () -> {
          for (Node n : robot.lookup(container).queryAs(Parent.class).getChildrenUnmodifiable()) {
            out.add(n.getId());
          }
        });
    return out;
  }

  private static void arrange(long expected, QuickKeysOffice.Page... pages) {
    UUID org = cloud.demo.organisationId();
    UUID store = cloud.demo.storeId();
    QuickKeysOffice office = cloud.services.app().screens().quickKeys();
    UUID account =
        cloud
            .services
            .officeAccounts()
            .create(
                org,
                "k" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "manager",
                List.of(),
                "correct horse battery")
            .id();
    long version = office.layout(org, store, s -> true).orElseThrow().version();
    assertThat(version).isEqualTo(expected);
    office.save(org, account, store, s -> true, version, List.of(pages));
  }

  @Test
  void theRegistersQuickKeysFollowTheLayoutArrangedInTheBackOffice(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await().atMost(SECONDS).until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    await().atMost(SECONDS).until(() -> !ids(robot, "#categories").isEmpty());
    assertThat(ids(robot, "#categories").get(0)).isNotEqualTo("category-Вибране");

    arrange(
        0,
        new QuickKeysOffice.Page("Вибране", List.of("water", "bread", "milk")),
        new QuickKeysOffice.Page("Кафе", List.of("uzvar", "varenyky")));
    // The running register takes the layout in from its change feed: no restart, nobody asks.
    await()
        .atMost(SECONDS)
        .until(
            () ->
                ids(robot, "#categories").size() > 2
                    && ids(robot, "#categories")
                        .subList(0, 2)
                        .equals(List.of("category-Вибране", "category-Кафе")));
    List<String> categories = ids(robot, "#categories");
    assertThat(categories.subList(2, categories.size()))
        .doesNotContain("category-Кафе")
        .contains("category-Напої", "category-Хліб");

    robot.interact(() -> robot.lookup("#category-Вибране").queryAs(ToggleButton.class).fire());
    await()
        .atMost(SECONDS)
        .until(
            () ->
                ids(robot, "#quick-items")
                    .equals(List.of("quick-water", "quick-bread", "quick-milk")));

    robot.interact(() -> robot.lookup("#category-Кафе").queryAs(ToggleButton.class).fire());
    await()
        .atMost(SECONDS)
        .until(
            () ->
                ids(robot, "#quick-items").size() > 2
                    && ids(robot, "#quick-items")
                        .subList(0, 2)
                        .equals(List.of("quick-uzvar", "quick-varenyky")));
    List<String> cafe = ids(robot, "#quick-items");
    assertThat(cafe.subList(2, cafe.size())).contains("quick-espresso", "quick-borshch");

    // Read at 1024×768 and 1280×800 in English (the tests' language) and in Ukrainian: nothing cut
    // off, overlapping or under 48 px.
    List<String> problems =
        LayoutCheck.atBothSizes(
            robot,
            stage,
            "en",
            "register-quick-keys",
            found -> {
              // The keys share the whole row: no more than a gap left empty at its end.
              TilePane keys = robot.lookup("#quick-items").queryAs(TilePane.class);
              double end =
                  keys.getChildren().stream()
                      .filter(k -> k.getBoundsInParent().getMinY() < keys.getVgap())
                      .mapToDouble(k -> k.getBoundsInParent().getMaxX())
                      .max()
                      .orElse(0);
              if (keys.getWidth() - end > keys.getHgap() + 1) {
                found.add(
                    "a row of quick keys leaves "
                        + Math.round(keys.getWidth() - end)
                        + " px empty");
              }
            },
            language -> {});
    assertThat(problems).as(String.join("\n", problems)).isEmpty();

    robot.clickOn("#quick-uzvar");
    await().atMost(SECONDS).until(() -> fixture.register.sale().lines().size() == 1);
    assertThat(fixture.register.sale().lines().get(0).name()).isEqualTo("Узвар 0,3 л");
  }
}
