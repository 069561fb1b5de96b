package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A keyboard-wedge scanner typing into every field of the register while the machine is loaded:
 * every core spinning, every frame pulse taking 25 ms, and the JavaFX thread held up for 45–80 ms
 * between keys of the same burst, so that the thread sees the scanner's keys far more than the
 * decoder's 40 ms apart. Every code arrives once and whole, and nothing lands in a text field.
 */
class WedgeUnderLoadTest extends RegisterUiTest {

  private static final String BREAD = "4820000191357";
  private static final String MILK = "4820001234565";
  private static final String ASPIRIN = "4820002345673";
  private static final String WATER = "4820003456781";
  private static final String ESPRESSO = "4820005678907";

  private final AtomicBoolean loaded = new AtomicBoolean();
  private final List<Thread> spinners = new ArrayList<>();
  private final Random random = new Random(18);
  private AnimationTimer slowPulses;
  private Register register;

  @Override
  String terminalPrefix() {
    return "W";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
    register = fixture.register;
  }

  @AfterEach
  void unload() throws InterruptedException {
    loaded.set(false);
    for (Thread t : spinners) {
      t.join();
    }
    if (slowPulses != null) {
      Platform.runLater(slowPulses::stop);
    }
  }

  @Test
  void scansIntoEveryFieldWhileTheMachineIsBusyArriveOnceWholeAndNeverInAField(FxRobot robot) {
    signIn(robot);
    Scene scene = register.scene();
    load();

    robot.clickOn("#search");
    scan(scene, BREAD);
    awaitLines(1);
    assertThat(fieldText(robot, "#search")).isEmpty();

    robot.clickOn("#keyboard-toggle");
    robot.clickOn("#search");
    scan(scene, MILK);
    awaitLines(2);
    assertThat(fieldText(robot, "#search")).isEmpty();
    robot.clickOn("#keyboard-toggle");

    // A dialog with no owner, as the manager's PIN dialog is opened, its field focused.
    var opened = new java.util.concurrent.atomic.AtomicReference<Dialog<ButtonType>>();
    robot.interact(
        () -> {
          Dialog<ButtonType> dialog = new Dialog<>();
          TextField field = new TextField();
          field.setId("in-dialog");
          dialog.getDialogPane().setContent(field);
          dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
          dialog.show();
          field.requestFocus();
          opened.set(dialog);
        });
    TextField inDialog = (TextField) opened.get().getDialogPane().getContent();
    scan(inDialog.getScene(), ASPIRIN);
    awaitLines(3);
    assertThat(inDialog.getText()).isEmpty();
    robot.interact(opened.get()::close);

    robot.clickOn("#shift");
    await().atMost(Duration.ofSeconds(10)).until(() -> focusedField(scene) != null);
    TextInputControl amount = focusedField(scene);
    scan(scene, WATER);
    awaitLines(4);
    assertThat(amount.getText()).isEmpty();
    press(scene, KeyCode.ESCAPE);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());

    press(scene, KeyCode.F10);
    await().atMost(Duration.ofSeconds(10)).until(() -> focusedField(scene) != null);
    TextInputControl number = focusedField(scene);
    scan(scene, ESPRESSO);
    // The returns screen takes a scan as the receipt's number: set once, whole, by the screen.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ESPRESSO.equals(register.returns().numberProperty().get()));
    assertThat(number.getText()).isEqualTo(ESPRESSO);
    press(scene, KeyCode.ESCAPE);

    assertThat(register.sale().lines()).hasSize(4);
    assertThat(register.sale().lines().stream().map(l -> l.name()).distinct()).hasSize(4);
  }

  @Test
  void aPersonTypingUnderTheSameLoadFillsTheFocusedFieldInOrder(FxRobot robot) {
    signIn(robot);
    Scene scene = register.scene();
    load();
    robot.clickOn("#search");
    for (String prefix : List.of("w", "wa", "wat")) {
      keys(scene, key(prefix.charAt(prefix.length() - 1)));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> fieldText(robot, "#search").equals(prefix));
    }
    // A letter and, at once, Backspace: the letter reaches the field first, then goes.
    List<KeyEvent> letterThenBackspace = new ArrayList<>(key('e'));
    letterThenBackspace.add(event(KeyEvent.KEY_PRESSED, "", "", KeyCode.BACK_SPACE));
    letterThenBackspace.add(event(KeyEvent.KEY_RELEASED, "", "", KeyCode.BACK_SPACE));
    keys(scene, letterThenBackspace);
    keys(scene, key('e'));
    await().atMost(Duration.ofSeconds(20)).until(() -> fieldText(robot, "#search").equals("wate"));
    assertThat(register.sale().lines()).isEmpty();
  }

  private void signIn(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
  }

  /** Every core spinning, and every frame pulse 25 ms of work on the JavaFX thread. */
  private void load() {
    loaded.set(true);
    for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
      Thread t =
          new Thread(
              () -> {
                while (loaded.get()) {
                  Thread.onSpinWait();
                }
              },
              "cpu-load-" + i);
      t.setDaemon(true);
      t.start();
      spinners.add(t);
    }
    slowPulses =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            busy(25);
          }
        };
    Platform.runLater(slowPulses::start);
  }

  /**
   * A scanner's burst: each key pressed, typed and released, then Enter, all queued for the JavaFX
   * thread at once (the scanner has sent them all), with the thread made busy between some keys —
   * so it sees them up to 80 ms apart.
   */
  private void scan(Scene scene, String code) {
    List<KeyEvent> events = new ArrayList<>();
    for (char c : code.toCharArray()) {
      events.addAll(key(c));
    }
    events.add(event(KeyEvent.KEY_PRESSED, "", "\r", KeyCode.ENTER));
    events.add(event(KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED));
    events.add(event(KeyEvent.KEY_RELEASED, "", "\r", KeyCode.ENTER));
    keys(scene, events);
  }

  /** Queues the events in one go from the JavaFX thread, busy spells between some of them. */
  private void keys(Scene scene, List<KeyEvent> events) {
    List<Integer> stalls = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      stalls.add(random.nextInt(3) == 0 ? 45 + random.nextInt(36) : 0);
    }
    Platform.runLater(
        () -> {
          for (int i = 0; i < events.size(); i++) {
            KeyEvent e = events.get(i);
            Platform.runLater(
                () -> {
                  Node focus = scene.getFocusOwner();
                  Event.fireEvent(focus != null ? focus : scene, e);
                });
            int ms = stalls.get(i);
            if (ms > 0) {
              Platform.runLater(() -> busy(ms));
            }
          }
        });
  }

  /** A key no scanner sends (Esc, F10), pressed through the same way as the scans. */
  private void press(Scene scene, KeyCode code) {
    keys(
        scene,
        List.of(
            event(KeyEvent.KEY_PRESSED, "", "", code), event(KeyEvent.KEY_RELEASED, "", "", code)));
  }

  private static List<KeyEvent> key(char c) {
    String s = String.valueOf(c);
    KeyCode code = KeyCode.getKeyCode(s.toUpperCase(java.util.Locale.ROOT));
    KeyCode k = code == null ? KeyCode.UNDEFINED : code;
    return List.of(
        event(KeyEvent.KEY_PRESSED, "", s, k),
        event(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED),
        event(KeyEvent.KEY_RELEASED, "", s, k));
  }

  private static KeyEvent event(
      javafx.event.EventType<KeyEvent> type, String character, String text, KeyCode code) {
    return new KeyEvent(type, character, text, code, false, false, false, false);
  }

  /** The JavaFX thread (or a spinner) at work for {@code ms}, as a slow layout or render is. */
  private static void busy(long ms) {
    long end = System.nanoTime() + ms * 1_000_000L;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private void awaitLines(int n) {
    await().atMost(Duration.ofSeconds(20)).until(() -> register.sale().lines().size() >= n);
    assertThat(register.sale().lines()).hasSize(n);
  }

  private static String fieldText(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TextInputControl.class).getText();
  }

  private static TextInputControl focusedField(Scene scene) {
    return scene.getFocusOwner() instanceof TextInputControl f ? f : null;
  }
}
