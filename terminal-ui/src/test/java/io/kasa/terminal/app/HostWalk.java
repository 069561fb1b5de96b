package io.kasa.terminal.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.TestCloud;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The host stand walked as a host at the door would for {@link LayoutWalkTest}: the empty floor,
 * the form of a new party, a party chosen with a table, the seated table's check with its actions,
 * and the ways to split it. Afterwards the floor is put back as it was (through another stand), so
 * the next walk starts from the same floor.
 */
final class HostWalk {

  private final TestCloud cloud;
  private final Map<String, String> otherStand;

  HostWalk(TestCloud cloud) {
    this.cloud = cloud;
    var other =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "W0", "Стійка W");
    var enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + other.enrollmentCode() + "\"}",
            Map.of());
    otherStand =
        cloud.signedIn(
            "Bearer " + enrolled.json().get("credential").asText(), cloud.demo.hostId(), "5555");
  }

  /**
   * Buttons are fired and fields filled directly: after the walk's dialogs the window may not have
   * the keyboard's focus, and the keys are the host stand test's business.
   */
  void walk(FxRobot robot, Consumer<String> look) {
    look.accept("host-stand");
    fire(robot, "#open-party-form");
    await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot, "#party-name"));
    robot.interact(() -> robot.lookup("#party-name").queryAs(TextField.class).setText("Коваленко"));
    look.accept("host-party-form");
    fire(robot, "#add-party");
    await().atMost(Duration.ofSeconds(10)).until(() -> shown(robot, "#party-Коваленко"));
    robot.clickOn("#party-Коваленко");
    robot.clickOn("#table-6");
    look.accept("host-seat");
    fire(robot, "#seat");
    await().atMost(Duration.ofSeconds(10)).until(() -> shown(robot, "#item-code"));
    String[] items = {"espresso", "borshch"};
    for (int i = 0; i < items.length; i++) {
      String item = items[i];
      int lines = i + 1;
      robot.interact(() -> robot.lookup("#item-code").queryAs(TextField.class).setText(item));
      // The button is disabled while the stand waits for the service: the next item is added
      // once the last is on the check (a busy machine may take a while).
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !robot.lookup("#add-item").queryAs(ButtonBase.class).isDisabled());
      fire(robot, "#add-item");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  robot.lookup("#check-lines").queryAs(ListView.class).getItems().size() == lines);
    }
    look.accept("host-check");
    fire(robot, "#split");
    await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot, "#split-even"));
    look.accept("host-split");
    fire(robot, "#split-back");
    clearTable("6");
  }

  private static void fire(FxRobot robot, String query) {
    robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Whether the node is on screen: it and every parent visible. */
  private static boolean shown(FxRobot robot, String query) {
    return robot
        .lookup(query)
        .tryQuery()
        .filter(
            n -> {
              for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                  return false;
                }
              }
              return true;
            })
        .isPresent();
  }

  /** Takes the items off the table's check and clears it, as another stand. */
  private void clearTable(String name) {
    JsonNode floor = cloud.send("GET", "/v1/floor", null, otherStand).json();
    for (JsonNode t : floor.get("tables")) {
      if (!t.get("name").asText().equals(name)) {
        continue;
      }
      String table = t.get("id").asText();
      for (JsonNode c : floor.get("checks")) {
        if (c.get("tableId").asText().equals(table)) {
          for (JsonNode l : c.get("lines")) {
            cloud.send(
                "DELETE",
                "/v1/checks/" + c.get("id").asText() + "/lines/" + l.get("id").asText(),
                null,
                otherStand);
          }
        }
      }
      long version = 0;
      for (JsonNode now : cloud.send("GET", "/v1/floor", null, otherStand).json().get("tables")) {
        if (now.get("id").asText().equals(table)) {
          version = now.get("version").asLong();
        }
      }
      cloud.send(
          "POST",
          "/v1/floor/tables/" + table + "/clear",
          "{\"version\":" + version + "}",
          otherStand);
    }
  }
}
