package io.kasa.terminal.shift;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.signin.SignInViewModel;
import io.kasa.terminal.ui.Touch;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The shift screen: the drawer counted by denomination on the left, the shift's actions on the
 * right, the last report below. Esc goes back to the sale.
 */
public final class ShiftView extends BorderPane {

  private final ShiftViewModel vm;
  private final Messages m;
  private final Supplier<List<SignInViewModel.Person>> managers;
  private final Runnable back;
  private final TextField amount = new TextField();

  public ShiftView(
      ShiftViewModel vm,
      Messages m,
      Supplier<List<SignInViewModel.Person>> managers,
      Runnable back) {
    this.vm = vm;
    this.m = m;
    this.managers = managers;
    this.back = back;
    setPadding(new Insets(16));
    setLeft(counts());
    // The report goes under the actions, not under the whole screen: the screen then fits in
    // 1024×768 with the status bar (ADR 0025).
    ListView<String> report = report();
    VBox.setVgrow(report, javafx.scene.layout.Priority.ALWAYS);
    VBox right = new VBox(10, actions(), report);
    right.setPadding(new Insets(0, 0, 0, 24));
    setCenter(right);
  }

  private VBox counts() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    int half = (vm.counts().size() + 1) / 2;
    for (int i = 0; i < vm.counts().size(); i++) {
      ShiftViewModel.Count c = vm.counts().get(i);
      int col = i < half ? 0 : 4;
      int row = i < half ? i : i - half;
      Label value = new Label(c.label());
      value.setMinWidth(90);
      value.setAlignment(Pos.CENTER_RIGHT);
      Label pieces = new Label();
      pieces.setId("count-" + c.value().minor());
      pieces.textProperty().bind(c.piecesProperty().asString());
      pieces.setMinWidth(40);
      pieces.setAlignment(Pos.CENTER);
      Button minus =
          Touch.key("−", () -> c.piecesProperty().set(Math.max(0, c.piecesProperty().get() - 1)));
      Button plus = Touch.key("+", () -> c.piecesProperty().set(c.piecesProperty().get() + 1));
      plus.setId("plus-" + c.value().minor());
      minus.setMinSize(56, 56);
      plus.setMinSize(56, 56);
      grid.add(value, col, row);
      grid.add(minus, col + 1, row);
      grid.add(pieces, col + 2, row);
      grid.add(plus, col + 3, row);
    }
    Label total = new Label();
    total.setId("counted");
    total.textProperty().bind(vm.countedProperty());
    total.getStyleClass().add("total");
    Label caption = new Label();
    caption.textProperty().bind(m.binding("shift.counted"));
    caption.getStyleClass().add("title-4");
    return new VBox(12, grid, new HBox(16, caption, total));
  }

  private VBox actions() {
    Label state = new Label();
    state.setId("shift-state");
    state.textProperty().bind(vm.stateProperty());
    state.getStyleClass().add("title-3");
    Button open = Touch.button(m.binding("shift.open"), null, vm::openShift);
    open.setId("open-shift");
    open.getStyleClass().add("accent");
    open.disableProperty().bind(vm.openProperty().or(vm.busyProperty()));
    amount.setId("movement-amount");
    amount.setOnAction(
        e -> {
          if (!vm.openProperty().get()) {
            vm.openShift();
          }
        });
    amount.promptTextProperty().bind(m.binding("shift.amount"));
    amount.textProperty().bindBidirectional(vm.amountProperty());
    amount.setMinHeight(Touch.TARGET - 8);
    TextField reason = new TextField();
    reason.setId("movement-reason");
    reason.promptTextProperty().bind(m.binding("shift.reason"));
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    reason.setMinHeight(Touch.TARGET - 8);
    Button in = Touch.button(m.binding("shift.cashIn"), null, () -> vm.move("IN"));
    Button out = Touch.button(m.binding("shift.cashOut"), null, () -> vm.move("OUT"));
    Button noSale =
        Touch.button(
            m.binding("shift.noSale"),
            null,
            () ->
                ManagerPinDialog.ask(m, managers.get(), m.get("shift.noSale.why"))
                    .ifPresent(vm::noSale));
    noSale.setId("no-sale");
    Button x = Touch.button(m.binding("shift.x"), null, vm::xReport);
    x.setId("x-report");
    Button close = Touch.button(m.binding("shift.close"), null, this::close);
    close.setId("close-shift");
    Button backButton = Touch.button(m.binding("shift.back"), "Esc", back);
    backButton.setId("shift-back");
    for (Button b : List.of(in, out, noSale, x, close)) {
      b.disableProperty().bind(vm.openProperty().not().or(vm.busyProperty()));
    }
    Label message = new Label();
    message.setId("shift-message");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(vm.messageProperty());
    // Two columns of actions: the screen stays within the window at 768 px high.
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.getStyleClass().add("shift-actions");
    grid.addRow(0, Touch.grow(amount), Touch.grow(reason));
    grid.addRow(1, Touch.grow(in), Touch.grow(out));
    grid.addRow(2, Touch.grow(noSale), Touch.grow(x));
    grid.addRow(3, Touch.grow(close), Touch.grow(backButton));
    for (int c = 0; c < 2; c++) {
      javafx.scene.layout.ColumnConstraints col = new javafx.scene.layout.ColumnConstraints();
      col.setPercentWidth(50);
      grid.getColumnConstraints().add(col);
    }
    open.setMaxWidth(Double.MAX_VALUE);
    return new VBox(10, state, open, grid, message);
  }

  /**
   * The first press tries; when the terminal answers that a manager is needed (sales unsent, or a
   * cashier closing), the message says why and the next press asks for a manager's PIN.
   */
  private void close() {
    if (vm.needsManagerProperty().get()) {
      ManagerPinDialog.ask(m, managers.get(), m.get("shift.close.why"), vm.countedProperty().get())
          .ifPresent(vm::close);
    } else if (confirmClose()) {
      vm.close(null);
    }
  }

  /** Closing cannot be undone: the cashier confirms, seeing the cash counted. */
  private boolean confirmClose() {
    Dialog<ButtonType> confirm = new Dialog<>();
    confirm.setTitle(m.get("shift.close"));
    Label text = new Label(m.get("shift.close.confirm", vm.countedProperty().get()));
    text.setId("close-shift-question");
    text.setWrapText(true);
    text.setPrefWidth(420);
    confirm.getDialogPane().setContent(text);
    ButtonType yes = new ButtonType(m.get("shift.close.yes"), ButtonBar.ButtonData.OK_DONE);
    ButtonType no = new ButtonType(m.get("shift.close.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
    confirm.getDialogPane().getButtonTypes().addAll(yes, no);
    Button yesButton = (Button) confirm.getDialogPane().lookupButton(yes);
    yesButton.setId("close-shift-yes");
    for (ButtonType t : List.of(yes, no)) {
      ((Button) confirm.getDialogPane().lookupButton(t)).setMinSize(2 * Touch.TARGET, Touch.TARGET);
    }
    return confirm.showAndWait().filter(yes::equals).isPresent();
  }

  private ListView<String> report() {
    ListView<String> report = io.kasa.terminal.ui.Paper.receipt(vm.report());
    report.setId("shift-report");
    report.setPrefHeight(220);
    return report;
  }

  /** On showing: the keyboard goes to the amount (the float, or cash in and out). */
  public void focusAmount() {
    amount.requestFocus();
  }

  public boolean key(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE) {
      back.run();
      return true;
    }
    return false;
  }
}
