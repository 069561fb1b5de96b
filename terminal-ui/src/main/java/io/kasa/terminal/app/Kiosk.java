package io.kasa.terminal.app;

import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.ManagerPinDialog;
import io.kasa.terminal.task.TaskExecutor;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Kiosk mode: the register fills the screen, Esc does not leave full screen, and closing the window
 * (the window manager's close, Alt+F4, or Ctrl+Shift+Q) asks for a manager's PIN, checked on the
 * terminal so it works offline, and audited. Before the terminal is enrolled there is no manager to
 * ask, and the technician setting it up may close the window.
 */
public final class Kiosk {

  /** The shortcut that asks to leave kiosk mode. */
  public static final KeyCombination LEAVE =
      new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private final Stage stage;
  private final CloudTerminal terminal;
  private final Messages messages;
  private final TaskExecutor tasks;
  private final Supplier<Register> register;
  private boolean leaving;

  private Kiosk(
      Stage stage,
      CloudTerminal terminal,
      Messages messages,
      TaskExecutor tasks,
      Supplier<Register> register) {
    this.stage = stage;
    this.terminal = terminal;
    this.messages = messages;
    this.tasks = tasks;
    this.register = register;
  }

  /** Puts {@code stage} in kiosk mode; {@code register} is null until the terminal is enrolled. */
  public static Kiosk install(
      Stage stage,
      CloudTerminal terminal,
      Messages messages,
      TaskExecutor tasks,
      Supplier<Register> register) {
    Kiosk kiosk = new Kiosk(stage, terminal, messages, tasks, register);
    stage.setFullScreenExitHint("");
    stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
    stage.setFullScreen(true);
    // A window manager that takes full screen away gets it back.
    stage
        .fullScreenProperty()
        .addListener(
            (o, was, now) -> {
              if (!now && !kiosk.leaving) {
                stage.setFullScreen(true);
              }
            });
    stage.setOnCloseRequest(
        e -> {
          if (!kiosk.leaving && register.get() != null) {
            e.consume();
            kiosk.askToLeave();
          }
        });
    stage.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (LEAVE.match(e)) {
            e.consume();
            if (register.get() == null) {
              kiosk.leave();
            } else {
              kiosk.askToLeave();
            }
          }
        });
    return kiosk;
  }

  /** A manager's PIN, checked in the background; the window closes when it is taken. */
  void askToLeave() {
    ManagerPinDialog.ask(messages, register.get().managers(), messages.get("kiosk.leave"))
        .ifPresent(
            pin ->
                tasks.submit(
                    () -> terminal.leaveKiosk(ManagerPins.override(pin)),
                    manager -> leave(),
                    failed -> refused(failed)));
  }

  private void refused(Throwable failed) {
    String why =
        failed instanceof SignInRefused e
            ? ManagerPins.refused(e, messages).getMessage()
            : String.valueOf(failed.getMessage());
    Alert alert =
        new Alert(
            Alert.AlertType.ERROR,
            why,
            messages.button("common.close", javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
    alert.setHeaderText(messages.get("kiosk.refused"));
    alert.show();
  }

  private void leave() {
    leaving = true;
    stage.setFullScreen(false);
    stage.close();
  }
}
