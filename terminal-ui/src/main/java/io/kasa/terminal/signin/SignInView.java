package io.kasa.terminal.signin;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The PIN pad: the PIN alone signs in (ADR 0021); the staff on the left may be tapped first, and
 * tapped again to let go. Keys: digits, ⌫, Enter, Esc (clears the PIN and the name). A check that
 * takes longer than 200 ms shows a spinner with "Checking the PIN…".
 */
public final class SignInView extends BorderPane {

  private final SignInViewModel vm;

  public SignInView(SignInViewModel vm, Messages m) {
    this.vm = vm;
    getStyleClass().add("sign-in");
    ListView<SignInViewModel.Person> staff = new ListView<>(vm.staff());
    staff.setId("staff");
    staff.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(SignInViewModel.Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
                setMinHeight(Touch.TARGET);
              }
            });
    staff
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, p) -> {
              if (p != null && p != vm.chosenProperty().get()) {
                vm.choose(p);
              }
            });
    vm.chosenProperty()
        .addListener(
            (o, a, p) -> {
              if (p == null) {
                staff.getSelectionModel().clearSelection();
              } else {
                staff.getSelectionModel().select(p);
              }
            });
    if (vm.chosenProperty().get() != null) {
      staff.getSelectionModel().select(vm.chosenProperty().get());
    }
    staff.setPrefWidth(320);
    staff.setFocusTraversable(false);

    Label title = new Label();
    title.textProperty().bind(m.binding("signin.title"));
    title.getStyleClass().add("title-2");
    Label who = new Label();
    who.setId("signin-who");
    who.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.chosenProperty().get() == null
                        ? m.get("signin.hint")
                        : vm.chosenProperty().get().name(),
                vm.chosenProperty(),
                m.localeProperty()));
    who.getStyleClass().add("title-3");
    who.setWrapText(true);
    who.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    // Two lines at 1024 px rather than cut off.
    who.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(32, 32);
    Label checking = new Label();
    checking.textProperty().bind(m.binding("signin.checking"));
    HBox busy = new HBox(8, spinner, checking);
    busy.setId("signin-busy");
    busy.setAlignment(Pos.CENTER);
    busy.setVisible(false);
    // Shown only for a check that lasts: a quick one must not flicker.
    PauseTransition late = new PauseTransition(Duration.millis(200));
    late.setOnFinished(e -> busy.setVisible(vm.busyProperty().get()));
    vm.busyProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                late.playFromStart();
              } else {
                late.stop();
                busy.setVisible(false);
              }
            });
    Label dots = new Label();
    dots.setId("pin-dots");
    dots.textProperty().bind(vm.dotsProperty());
    dots.getStyleClass().add("pin-dots");
    Label error = new Label();
    error.setId("signin-error");
    error.textProperty().bind(vm.errorProperty());
    error.getStyleClass().add("danger");

    GridPane pad = new GridPane();
    pad.setHgap(8);
    pad.setVgap(8);
    String[] digits = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < digits.length; i++) {
      char d = digits[i].charAt(0);
      pad.add(Touch.grow(Touch.key(digits[i], () -> vm.digit(d))), i % 3, i / 3);
    }
    pad.add(Touch.grow(Touch.key("C", vm::clear)), 0, 3);
    pad.add(Touch.grow(Touch.key("0", () -> vm.digit('0'))), 1, 3);
    pad.add(Touch.grow(Touch.key("⌫", vm::backspace)), 2, 3);
    Button enter = Touch.grow(Touch.button(m.binding("signin.enter"), "Enter", vm::submit));
    enter.setId("signin-enter");
    enter.getStyleClass().add("accent");
    enter.disableProperty().bind(vm.busyProperty());
    pad.add(enter, 0, 4, 3, 1);
    pad.setMaxWidth(360);
    pad.setPrefHeight(420);

    VBox right = new VBox(12, title, who, dots, busy, error, pad);
    right.setAlignment(Pos.CENTER);
    right.setPadding(new Insets(24));
    setLeft(staff);
    setCenter(right);
    BorderPane.setMargin(staff, new Insets(16));
  }

  /** Keys on this screen (digits arrive as typing through the wedge filter). */
  public boolean key(KeyEvent e) {
    if (e.getCode() == KeyCode.BACK_SPACE) {
      vm.backspace();
      return true;
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      vm.reset();
      return true;
    }
    if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
      var staff = vm.staff();
      int i = staff.indexOf(vm.chosenProperty().get());
      int next = Math.max(0, Math.min(staff.size() - 1, i + (e.getCode() == KeyCode.UP ? -1 : 1)));
      if (!staff.isEmpty()) {
        vm.choose(staff.get(next));
      }
      return true;
    }
    return false;
  }

  /** Typing while this screen shows: digits of the PIN. */
  public void typed(String text) {
    text.chars().forEach(c -> vm.digit((char) c));
  }
}
