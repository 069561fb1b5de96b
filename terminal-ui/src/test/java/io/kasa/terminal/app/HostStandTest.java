package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.store.Outbox;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.sale.SaleViewModel;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The host stand, headless, against the real service: a host adds a party, seats it, rings up and
 * prints the pre-bill, loses a race for a table to another host and is told so, and keeps the floor
 * on screen read-only when the network goes; a cashier takes payment for a check at the register.
 * The other host is a second terminal talking to the same service.
 */
class HostStandTest extends RegisterUiTest {

  private static Map<String, String> otherHost;

  @BeforeAll
  static void enrollTheOtherStand() {
    var other =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "H0", "Стійка 2");
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
    return "H";
  }

  /** TestFX looks for {@code @Start} on the test class itself. */
  private Stage stage;

  @Override
  @Start
  void start(Stage stage) {
    this.stage = stage;
    super.start(stage);
  }

  private void awaitLiveFloor(FxRobot robot) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                fixture.register.host() != null
                    && fixture.register.host().liveProperty().get()
                    && robot.lookup("#table-1").tryQuery().isPresent());
  }

  private static JsonNode table(String name) {
    for (JsonNode t : cloud.send("GET", "/v1/floor", null, otherHost).json().get("tables")) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("No table " + name);
  }

  private String banner(FxRobot robot) {
    return robot.lookup("#host-banner").queryAs(Label.class).getText();
  }

  @Test
  void aHostSeatsAPartyFromTheWaitlistRingsUpAndPrintsThePreBill(FxRobot robot) {
    TestRegister.signIn(robot, "Ірина", "5555");
    awaitLiveFloor(robot);

    robot.type(KeyCode.F2);
    tap(robot, "#party-name").write("Бойко");
    tap(robot, "#party-size-more");
    robot.type(KeyCode.F2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(robot.lookup("#party-Бойко").tryQuery()).as(banner(robot)).isPresent());
    assertThat(banner(robot)).startsWith("Quote Бойко");

    tap(robot, "#party-Бойко");
    tap(robot, "#table-1");
    // The button names what it acts on.
    assertThat(robot.lookup("#seat").queryAs(javafx.scene.control.Button.class).getText())
        .startsWith("Seat Бойко (3) at table 1");
    robot.type(KeyCode.F3);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "SEATED".equals(table("1").get("state").asText()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#party-Бойко").tryQuery().isEmpty());
    assertThat(banner(robot)).contains("Table 1: 3 seated");
    // The table says who sits there, how many, and since when — not "0 min".
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("Бойко").tryQuery().isPresent());
    assertThat(robot.lookup("3 guests · just now").tryQuery()).isPresent();

    tap(robot, "#item-code").write("4820000191357");
    robot.type(KeyCode.ENTER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "ORDERED".equals(table("1").get("state").asText()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#check-total").queryAs(Label.class).getText().contains("31.00"));
    // In Ukrainian the check's lines are redrawn in its words and numbers, not only its total.
    robot.interact(
        () -> fixture.register.messages().localeProperty().set(Locale.forLanguageTag("uk")));
    assertThat(robot.lookup(".line-amount").queryAs(Label.class).getText()).contains("31,00");
    robot.interact(() -> fixture.register.messages().localeProperty().set(Locale.ENGLISH));
    assertThat(robot.lookup(".line-amount").queryAs(Label.class).getText()).contains("31.00");
    robot.type(KeyCode.F6);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.devices().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("PRE-BILL")));
    assertThat(fixture.devices().virtualPrinter().orElseThrow().textLines())
        .anyMatch(l -> l.contains("Хліб житній"))
        .anyMatch(l -> l.contains("TO PAY"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "PREBILLED".equals(table("1").get("state").asText()));
  }

  @Test
  void whenAnotherHostSeatsTheTableFirstTheHostIsToldAndNobodyIsSeatedTwice(FxRobot robot) {
    TestRegister.signIn(robot, "Ірина", "5555");
    awaitLiveFloor(robot);
    tap(robot, "#table-2");
    robot.interact(() -> robot.lookup("#guests").queryAs(TextField.class).setText("3"));
    // The other stand seats table 2 a moment before this host presses Seat.
    JsonNode two = table("2");
    var other =
        cloud.send(
            "POST",
            "/v1/floor/tables/" + two.get("id").asText() + "/seat",
            "{\"checkId\":\""
                + UUID.randomUUID()
                + "\",\"guests\":4,\"version\":"
                + two.get("version")
                + "}",
            otherHost);
    assertThat(other.status()).isEqualTo(201);
    // The host's Seat (F3) was already on its way: the floor may show the table taken by now.
    robot.type(KeyCode.F3);
    await().atMost(Duration.ofSeconds(10)).until(() -> banner(robot).contains("Table 2"));
    assertThat(robot.lookup("#host-banner").queryAs(Label.class).getStyleClass()).contains("error");
    long checksOnTwo =
        cloud
            .send("GET", "/v1/floor", null, otherHost)
            .json()
            .get("checks")
            .findValuesAsText("tableId")
            .stream()
            .filter(two.get("id").asText()::equals)
            .count();
    assertThat(checksOnTwo).isEqualTo(1);
    assertThat(table("2").get("guests").asInt()).isEqualTo(4);
  }

  @Test
  void withoutTheNetworkTheFloorStaysOnScreenReadOnly(FxRobot robot) throws Exception {
    TestRegister.signIn(robot, "Ірина", "5555");
    awaitLiveFloor(robot);
    fixture.network.fault(FaultProxy.Fault.REFUSE);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !fixture.register.host().liveProperty().get());
    assertThat(banner(robot)).contains("read-only");
    assertThat(robot.lookup("#table-3").tryQuery()).isPresent();
    tap(robot, "#table-3");
    tap(robot, "#seat");
    assertThat(banner(robot)).contains("Read-only");
    fixture.network.fault(FaultProxy.Fault.NONE);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fixture.register.host().liveProperty().get());
  }

  /** The other stand seats two at {@code table} and puts one of each item on their check. */
  private static UUID seatedAtTheOtherStand(String table, String... items) {
    JsonNode t = table(table);
    UUID check = UUID.randomUUID();
    var seated =
        cloud.send(
            "POST",
            "/v1/floor/tables/" + t.get("id").asText() + "/seat",
            "{\"checkId\":\"" + check + "\",\"guests\":2,\"version\":" + t.get("version") + "}",
            otherHost);
    assertThat(seated.status()).as(seated.body()).isEqualTo(201);
    for (String item : items) {
      var added =
          cloud.send(
              "POST",
              "/v1/checks/" + check + "/lines",
              "{\"id\":\""
                  + UUID.randomUUID()
                  + "\",\"itemId\":\""
                  + item
                  + "\",\"quantity\":\"1\"}",
              otherHost);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
    }
    return check;
  }

  @Test
  void aCashierTakesPaymentForACheckAndTheTableWaitsToBeCleared(FxRobot robot) {
    seatedAtTheOtherStand("5", "espresso", "espresso");
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
    awaitLiveFloor(robot);
    // A cashier serves checks but does not run the floor: no waitlist or seating, no move or
    // merge on offer (the service would refuse them), and their keys say who may.
    assertThat(robot.lookup("#open-party-form").queryButton().isVisible()).isFalse();
    javafx.scene.control.ListView<?> waitlist =
        robot.lookup("#waitlist").queryAs(javafx.scene.control.ListView.class);
    assertThat(((javafx.scene.control.Label) waitlist.getPlaceholder()).getText())
        .isEqualTo("Nobody is waiting. A host or a manager keeps the waitlist.");
    if (System.getProperty("kasa.screenshots") != null) {
      // The cashier's stand, as pictures for a look: both sizes, both languages.
      double width = stage.getWidth();
      double height = stage.getHeight();
      for (String language : new String[] {"uk", "en"}) {
        for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
          robot.interact(
              () -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                fixture.register.messages().localeProperty().set(Locale.forLanguageTag(language));
              });
          Screenshots.saveIfAsked(
              robot,
              stage.getScene(),
              "host-stand-cashier-" + language + "-" + size[0] + "x" + size[1]);
        }
      }
      robot.interact(
          () -> {
            stage.setWidth(width);
            stage.setHeight(height);
            fixture.register.messages().localeProperty().set(Locale.ENGLISH);
          });
    }
    tap(robot, "#table-5");
    for (String hidden : new String[] {"#move", "#merge"}) {
      assertThat(robot.lookup(hidden).tryQuery().map(javafx.scene.Node::isVisible))
          .as(hidden)
          .hasValue(false);
    }
    robot.type(KeyCode.F7);
    assertThat(banner(robot)).contains("for a host or a manager");
    robot.type(KeyCode.F10);
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.register.sale().lines().size() == 2);
    Outbox outbox = payInCashUntilSettled(robot);
    assertThat(outbox.count(CloudTerminal.CHECK_SETTLE)).isEqualTo(1);
    assertThat(outbox.rejectedEntries()).isEmpty();
    assertThat(table("5").get("state").asText()).isEqualTo("PAID");
  }

  @Test
  void aCheckWithOptionsAndNotesIsRungUpWithThemAndSettles(FxRobot robot) {
    // T4: a table no other test of this class seats.
    UUID check = seatedAtTheOtherStand("T4");
    String[] lines = {
      "\"itemId\":\"steak\",\"quantity\":\"1\",\"seat\":1,\"note\":\"без цибулі\","
          + "\"modifiers\":[{\"groupId\":\"doneness\",\"optionId\":\"rare\",\"priceDelta\":0},"
          + "{\"groupId\":\"sauce\",\"optionId\":\"pepper\",\"priceDelta\":3500}]",
      "\"itemId\":\"latte\",\"quantity\":\"1\",\"seat\":2,"
          + "\"modifiers\":[{\"groupId\":\"milk\",\"optionId\":\"oat\",\"priceDelta\":1500}]",
      "\"itemId\":\"borshch\",\"quantity\":\"1\",\"seat\":2"
    };
    long total = 0;
    for (String line : lines) {
      var added =
          cloud.send(
              "POST",
              "/v1/checks/" + check + "/lines",
              "{\"id\":\"" + UUID.randomUUID() + "\"," + line + "}",
              otherHost);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      total = added.json().get("total").asLong();
    }
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
    awaitLiveFloor(robot);
    tap(robot, "#area-Тераса");
    tap(robot, "#table-T4");
    robot.type(KeyCode.F10);
    // Every line, with its options and note, at the check's total: nothing asked again.
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.register.sale().lines().size() == 3);
    var sold = fixture.register.sale().sale();
    assertThat(sold.lines().get(0).modifiers()).hasSize(2);
    assertThat(sold.lines().get(0).note()).isEqualTo("без цибулі");
    assertThat(sold.lines().get(1).modifiers()).hasSize(1);
    assertThat(sold.totals().total().minor()).isEqualTo(total);
    Outbox outbox = payInCashUntilSettled(robot);
    assertThat(outbox.rejectedEntries()).isEmpty();
    JsonNode paid = table("T4");
    assertThat(paid.get("state").asText()).isEqualTo("PAID");
    // Cleared, as a host would once the guests have left.
    var cleared =
        cloud.send(
            "POST",
            "/v1/floor/tables/" + paid.get("id").asText() + "/clear",
            "{\"version\":" + paid.get("version") + "}",
            otherHost);
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
  }

  @Test
  void aCheckWhoseItemChangedPriceSinceItWasOrderedIsNotRungUpAtTheNewPrice(FxRobot robot) {
    seatedAtTheOtherStand("4", "varenyky");
    cloud
        .services
        .admin()
        .putItem(
            cloud.demo.organisationId(),
            new io.kasa.api.catalog.ItemDto(
                "varenyky",
                "SKU-VARENYKY",
                "Вареники з вишнею",
                java.util.List.of("4820005678921"),
                "EACH",
                15000,
                "VAT20",
                "Кафе",
                false,
                false,
                true));
    fixture.terminal.syncCatalog();
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
    awaitLiveFloor(robot);
    tap(robot, "#table-4");
    robot.type(KeyCode.F10);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(banner(robot)).contains("price of Вареники з вишнею"));
    assertThat(robot.lookup("#floor-plan").tryQuery()).as("still on the host stand").isPresent();
  }

  @Test
  void aHostSendsATablesOrderToTheKitchenAndTheBarWithF11(FxRobot robot) {
    UUID check = seatedAtTheOtherStand("3", "borshch", "uzvar");
    TestRegister.signIn(robot, "Ірина", "5555");
    awaitLiveFloor(robot);
    tap(robot, "#table-3");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("1 × Узвар 0,3 л").tryQuery().isPresent());
    assertThat(
            robot.lookup("not sent yet").queryAll().stream()
                .filter(javafx.scene.control.Label.class::isInstance)
                .count())
        .isEqualTo(2);
    assertThat(robot.lookup("#send-kitchen").queryButton().getText()).contains("F11");
    robot.type(KeyCode.F11);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(banner(robot))
                    .contains("sent to the kitchen")
                    .contains("Гаряча кухня")
                    .contains("Бар"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot.lookup("✓ at the kitchen").queryAll().stream()
                        .filter(javafx.scene.control.Label.class::isInstance)
                        .count()
                    == 2);
    var lines = cloud.send("GET", "/v1/floor", null, otherHost).json().get("checks");
    for (JsonNode c : lines) {
      if (c.get("id").asText().equals(check.toString())) {
        assertThat(c.get("lines").get(0).get("sentAt").isNull()).isFalse();
      }
    }
    robot.type(KeyCode.F11);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(banner(robot)).contains("nothing new for the kitchen"));
  }

  @Test
  void aHostSplitsTheItemsATableChoseOntoACheckOfTheirOwn(FxRobot robot) {
    seatedAtTheOtherStand("6", "borshch", "uzvar");
    String six = table("6").get("id").asText();
    TestRegister.signIn(robot, "Ірина", "5555");
    awaitLiveFloor(robot);
    tap(robot, "#table-6");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("1 × Узвар 0,3 л").tryQuery().isPresent());
    tap(robot, "#split");
    tap(robot, "1 × Узвар 0,3 л");
    tap(robot, "#split-items");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cloud
                        .send("GET", "/v1/floor", null, otherHost)
                        .json()
                        .get("checks")
                        .findValuesAsText("tableId")
                        .stream()
                        .filter(six::equals)
                        .count()
                    == 2);
    // One item, in the plural form English gives one.
    assertThat(banner(robot)).contains("1 item has a check of their own");
  }

  /** The checks open on a table, as the service has them. */
  private static java.util.List<JsonNode> checksOn(String name) {
    String id = table(name).get("id").asText();
    java.util.List<JsonNode> found = new java.util.ArrayList<>();
    for (JsonNode c : cloud.send("GET", "/v1/floor", null, otherHost).json().get("checks")) {
      String state = c.get("state").asText();
      if (c.get("tableId").asText().equals(id)
          && (state.equals("OPEN") || state.equals("PREBILLED"))) {
        found.add(c);
      }
    }
    return found;
  }

  @Test
  void aHostMovesMergesAndSplitsChecksOnTheStand(FxRobot robot) {
    seatedAtTheOtherStand("T1", "espresso");
    seatedAtTheOtherStand("T2", "borshch");
    TestRegister.signIn(robot, "Ірина", "5555");
    awaitLiveFloor(robot);
    tap(robot, "#area-Тераса");

    // Move: T1's guests go to the free T3.
    tap(robot, "#table-T1");
    tap(robot, "#move");
    tap(robot, "#table-T3");
    await().atMost(Duration.ofSeconds(10)).until(() -> checksOn("T3").size() == 1);
    assertThat(table("T1").get("state").asText()).isEqualTo("FREE");
    assertThat(banner(robot)).contains("Moved to table T3");

    // Merge: T2's check joins T3's.
    tap(robot, "#merge");
    tap(robot, "#table-T2");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> checksOn("T3").get(0).get("lines").size() == 2);
    assertThat(checksOn("T2")).isEmpty();

    // A code the catalogue does not know is refused in words, and nothing is added.
    tap(robot, "#item-code").write("nothing-such");
    robot.type(KeyCode.ENTER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> banner(robot).contains("No item nothing-such in the catalogue"));

    // An item for seat 2, then seat 2 on a check of its own.
    tap(robot, "#item-seat-more");
    tap(robot, "#item-seat-more");
    tap(robot, "#item-code").write("uzvar");
    robot.type(KeyCode.ENTER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> checksOn("T3").get(0).get("lines").size() == 3);
    tap(robot, "#split");
    tap(robot, "#split-seat-number-more");
    tap(robot, "#split-seat");
    await().atMost(Duration.ofSeconds(10)).until(() -> checksOn("T3").size() == 2);
    assertThat(banner(robot)).contains("Seat 2 has a check of its own");

    // The first check paid in three equal parts.
    tap(robot, "#split");
    tap(robot, "#split-ways-more");
    tap(robot, "#split-even");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> checksOn("T3").stream().anyMatch(c -> c.get("splitWays").asInt() == 3));
    assertThat(banner(robot)).contains("Split into 3 equal parts");

    // The pre-bill prints from the stand.
    tap(robot, "#prebill");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                checksOn("T3").stream().anyMatch(c -> c.get("state").asText().equals("PREBILLED")));
    assertThat(fixture.devices().virtualPrinter().orElseThrow().textLines())
        .anyMatch(l -> l.contains("Еспресо"));
  }

  @Test
  void aManagerLaysOutTheFloorOnTheTerminal(FxRobot robot) {
    TestRegister.signIn(robot, "Андрій", "9999");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
    awaitLiveFloor(robot);
    robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#add-table").tryQuery().map(n -> n.isVisible()).orElse(false));
    tap(robot, "#new-table-name").write("9");
    tap(robot, "#add-table");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#table-9").tryQuery().isPresent());
    assertThat(table("9").get("x").asInt()).isEqualTo(20);

    tap(robot, "#table-9");
    robot.type(KeyCode.RIGHT);
    await().atMost(Duration.ofSeconds(10)).until(() -> table("9").get("x").asInt() == 30);
    robot.drag("#table-9").dropBy(120, 60);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> table("9").get("x").asInt() > 60 && table("9").get("y").asInt() > 20);

    tap(robot, "#table-9");
    tap(robot, "#new-table-name").write("9A");
    tap(robot, "#new-table-seats-more");
    tap(robot, "#new-table-seats-more");
    tap(robot, "#change-table");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#table-9A").tryQuery().isPresent());
    assertThat(table("9A").get("seats").asInt()).isEqualTo(6);

    tap(robot, "#table-9A");
    robot.type(KeyCode.DELETE);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !cloud
                    .send("GET", "/v1/floor", null, otherHost)
                    .json()
                    .get("tables")
                    .findValuesAsText("name")
                    .contains("9A"));
  }

  /**
   * Touches what the query names once it is shown and enabled: the stand's faces change after the
   * service answers, and under load a touch may come before the face it is meant for.
   */
  /** Pays the sale on screen in cash and waits until the service has the check settled. */
  private Outbox payInCashUntilSettled(FxRobot robot) {
    tap(robot, "#pay");
    tap(robot, "#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    Outbox outbox = fixture.terminal.outbox();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              fixture.terminal.syncNow();
              return outbox.countAcknowledged(CloudTerminal.CHECK_SETTLE) >= 1;
            });
    return outbox;
  }

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
