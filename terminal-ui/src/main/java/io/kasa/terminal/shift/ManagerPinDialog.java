package io.kasa.terminal.shift;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.signin.SignInViewModel;
import io.kasa.terminal.ui.Touch;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A decision that needs a manager, made for a thumb: what is being approved and its amount, the
 * managers as buttons, and a PIN pad on screen (a keyboard works too). The PIN is never shown or
 * kept; buttons are at least {@link Touch#TARGET} px and in the register's language.
 */
public final class ManagerPinDialog {

  private ManagerPinDialog() {}

  /** Asks for an approval with no amount (a no-sale, leaving kiosk mode); empty when cancelled. */
  public static Optional<Shifts.ManagerPin> ask(
      Messages m, List<SignInViewModel.Person> managers, String why) {
    return ask(m, managers, why, null);
  }

  /**
   * Asks for an approval of {@code why}, showing {@code amount} (formatted, or null when the
   * decision has none); empty when cancelled.
   */
  public static Optional<Shifts.ManagerPin> ask(
      Messages m, List<SignInViewModel.Person> managers, String why, String amount) {
    Dialog<Shifts.ManagerPin> dialog = new Dialog<>();
    dialog.setTitle(m.get("manager.title"));
    dialog.setHeaderText(null);

    Label what = new Label(why);
    what.setId("manager-why");
    what.setWrapText(true);
    what.getStyleClass().add("title-3");
    Label sum = new Label(amount == null ? "" : amount);
    sum.setId("manager-amount");
    sum.getStyleClass().add("title-2");
    sum.setVisible(amount != null);
    sum.setManaged(amount != null);

    ToggleGroup who = new ToggleGroup();
    FlowPane people = new FlowPane(8, 8);
    people.setId("manager");
    for (SignInViewModel.Person p : managers) {
      ToggleButton b = new ToggleButton(p.name());
      b.setUserData(p);
      b.setToggleGroup(who);
      b.setMinHeight(Touch.TARGET);
      b.setMinWidth(Touch.TARGET * 2);
      b.setFocusTraversable(false);
      people.getChildren().add(b);
    }
    if (!people.getChildren().isEmpty()) {
      ((ToggleButton) people.getChildren().get(0)).setSelected(true);
    }
    // A tap on the chosen manager must not leave nobody chosen.
    who.selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null && was != null) {
                was.setSelected(true);
              }
            });

    PasswordField pin = new PasswordField();
    pin.setId("manager-pin");
    pin.setMinHeight(Touch.TARGET);
    pin.setPromptText(m.get("manager.pin"));
    GridPane pad = new GridPane();
    pad.setHgap(8);
    pad.setVgap(8);
    for (int d = 1; d <= 9; d++) {
      pad.add(digit(pin, String.valueOf(d)), (d - 1) % 3, (d - 1) / 3);
    }
    Button clear = Touch.grow(Touch.key("C", pin::clear));
    Button back =
        Touch.grow(
            Touch.key(
                "⌫",
                () -> {
                  String t = pin.getText();
                  pin.setText(t.isEmpty() ? t : t.substring(0, t.length() - 1));
                }));
    pad.add(clear, 0, 3);
    pad.add(digit(pin, "0"), 1, 3);
    pad.add(back, 2, 3);
    double padWidth = 3 * Touch.TARGET + 3 * 8 + 60;
    pad.setPrefWidth(padWidth);
    pad.setMaxWidth(padWidth);

    // What is approved, who and the PIN on the left, the pad on the right: short enough for a
    // 768 px screen with the title bar and the buttons.
    VBox asked = new VBox(12, what, sum, new Label(m.get("manager.who")), people, pin);
    asked.setAlignment(Pos.TOP_LEFT);
    asked.setPrefWidth(340);
    javafx.scene.layout.HBox content = new javafx.scene.layout.HBox(24, asked, pad);
    content.setAlignment(Pos.TOP_LEFT);
    dialog.getDialogPane().setContent(content);

    ButtonType approve = new ButtonType(m.get("manager.approve"), ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel = new ButtonType(m.get("manager.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().addAll(approve, cancel);
    for (ButtonType t : List.of(approve, cancel)) {
      Node b = dialog.getDialogPane().lookupButton(t);
      ((Button) b).setMinSize(Touch.TARGET * 2, Touch.TARGET);
    }
    dialog.setResultConverter(
        b ->
            b == approve && who.getSelectedToggle() != null
                ? new Shifts.ManagerPin(
                    ((SignInViewModel.Person) who.getSelectedToggle().getUserData()).id(),
                    pin.getText())
                : null);
    dialog.setOnShown(e -> pin.requestFocus());
    return dialog.showAndWait();
  }

  private static Button digit(PasswordField pin, String d) {
    Button b = Touch.grow(Touch.key(d, () -> pin.appendText(d)));
    b.setId("manager-key-" + d);
    return b;
  }
}
