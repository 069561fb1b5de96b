package io.kasa.terminal.sale;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The small form in place of the keypad for a card paid on the bank's terminal: the amount, the
 * slip's approval code and the card's last four digits, each under its label, what is wrong in
 * words under them, then Cancel and Record. Its fields are ordinary text fields: what is typed
 * stays in them (the wedge filter replays typing to the focused field, ADR 0023), and touching one
 * brings up the register's on-screen keyboard.
 */
final class BankTerminalPane {

  private BankTerminalPane() {}

  static VBox form(BankTerminalPayment bank, Messages m) {
    Label title = SaleView.caption(m, "payment.bank.title");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    TextField amount = field("bank-amount", bank.amountProperty());
    TextField code = field("bank-code", bank.codeProperty());
    TextField last4 = field("bank-last4", bank.last4Property());
    code.promptTextProperty().bind(m.binding("payment.bank.code.prompt"));
    last4.promptTextProperty().bind(m.binding("payment.bank.last4.prompt"));
    // Enter goes on to the next field, and records from the last one.
    amount.setOnAction(e -> code.requestFocus());
    code.setOnAction(e -> last4.requestFocus());
    last4.setOnAction(e -> bank.confirm());
    Label problem = new Label();
    problem.setId("bank-problem");
    problem.textProperty().bind(bank.problemProperty());
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.getStyleClass().add("danger");
    problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    Button cancel = Touch.grow(Touch.button(m.binding("payment.bank.cancel"), "Esc", bank::close));
    cancel.setId("bank-cancel");
    cancel.setMaxHeight(Touch.TARGET);
    Button record =
        Touch.grow(Touch.button(m.binding("payment.bank.record"), "Enter", bank::confirm));
    record.setId("bank-record");
    record.getStyleClass().add("accent");
    record.setMaxHeight(Touch.TARGET);
    VBox box =
        new VBox(
            6,
            title,
            labelled(m, "payment.bank.amount", amount),
            labelled(m, "payment.bank.code", code),
            labelled(m, "payment.bank.last4", last4),
            problem,
            new HBox(8, cancel, record));
    box.setId("bank-terminal");
    box.visibleProperty().bind(bank.openProperty());
    box.managedProperty().bind(box.visibleProperty());
    bank.openProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                // The amount is usually right already: the slip's code is what is typed first.
                Platform.runLater(code::requestFocus);
              } else if (box.getScene() != null
                  && box.getScene().getFocusOwner() instanceof TextField f
                  && f.getParent() != null
                  && f.getParent().getParent() == box) {
                // Typing goes back to the keypad, not to a field no longer on screen.
                box.getScene().getRoot().requestFocus();
              }
            });
    return box;
  }

  private static TextField field(String id, StringProperty value) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(value);
    f.setMinHeight(Touch.TARGET - 8);
    return f;
  }

  private static VBox labelled(Messages m, String key, TextField field) {
    Label label = new Label();
    label.textProperty().bind(m.binding(key));
    label.setLabelFor(field);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    field.accessibleTextProperty().bind(m.binding(key));
    return new VBox(2, label, field);
  }
}
