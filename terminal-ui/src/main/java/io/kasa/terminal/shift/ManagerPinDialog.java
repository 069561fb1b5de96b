package io.kasa.terminal.shift;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.signin.SignInViewModel;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** A decision that needs a manager: who approves, and their PIN (never shown, never kept). */
public final class ManagerPinDialog {

  private ManagerPinDialog() {}

  /** Asks; empty when cancelled. */
  public static Optional<Shifts.ManagerPin> ask(
      Messages m, List<SignInViewModel.Person> managers, String why) {
    Dialog<Shifts.ManagerPin> dialog = new Dialog<>();
    dialog.setTitle(m.get("manager.title"));
    dialog.setHeaderText(why);
    ComboBox<SignInViewModel.Person> who = new ComboBox<>();
    who.setId("manager");
    who.getItems().setAll(managers);
    who.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(SignInViewModel.Person p) {
            return p == null ? "" : p.name();
          }

          @Override
          public SignInViewModel.Person fromString(String s) {
            return null;
          }
        });
    if (!managers.isEmpty()) {
      who.getSelectionModel().select(0);
    }
    who.setMinHeight(48);
    PasswordField pin = new PasswordField();
    pin.setId("manager-pin");
    pin.setMinHeight(48);
    pin.setPromptText(m.get("manager.pin"));
    dialog.getDialogPane().setContent(new VBox(12, new Label(m.get("manager.who")), who, pin));
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(
        b ->
            b == ButtonType.OK && who.getValue() != null
                ? new Shifts.ManagerPin(who.getValue().id(), pin.getText())
                : null);
    dialog.setOnShown(e -> pin.requestFocus());
    return dialog.showAndWait();
  }
}
