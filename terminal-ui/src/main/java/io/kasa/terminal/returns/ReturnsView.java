package io.kasa.terminal.returns;

import io.kasa.domain.sale.RefundMethod;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.ManagerPinDialog;
import io.kasa.terminal.signin.SignInViewModel;
import io.kasa.terminal.ui.Touch;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Returns (F10): the receipt number (typed, or the receipt's barcode scanned), the original's lines
 * with − and +, the refund method, and Refund, which asks for a manager's PIN. Esc goes back.
 */
public final class ReturnsView extends BorderPane {

  private final ReturnsViewModel vm;
  private final Runnable back;
  private final TextField number = new TextField();

  public ReturnsView(
      ReturnsViewModel vm,
      Messages m,
      Supplier<List<SignInViewModel.Person>> managers,
      Runnable back) {
    this.vm = vm;
    this.back = back;
    setPadding(new Insets(16));
    number.setId("return-number");
    number.promptTextProperty().bind(m.binding("returns.number"));
    number.textProperty().bindBidirectional(vm.numberProperty());
    number.setMinHeight(Touch.TARGET - 8);
    number.setOnAction(e -> vm.find());
    Button find = Touch.button(m.binding("returns.find"), "Enter", vm::find);
    find.setId("return-find");
    HBox search = new HBox(8, Touch.grow(number), find);

    ListView<ReturnsViewModel.Line> lines = new ListView<>(vm.lines());
    lines.setId("return-lines");
    lines.setFocusTraversable(false);
    lines.setCellFactory(list -> new LineCell());
    Touch.grow(lines);

    ToggleGroup how = new ToggleGroup();
    ToggleButton original = new ToggleButton();
    original.textProperty().bind(m.binding("returns.method.original"));
    original.setToggleGroup(how);
    original.setSelected(true);
    original.setMinHeight(Touch.TARGET);
    ToggleButton cash = new ToggleButton();
    cash.setId("return-cash");
    cash.textProperty().bind(m.binding("returns.method.cash"));
    cash.setToggleGroup(how);
    cash.setMinHeight(Touch.TARGET);
    how.selectedToggleProperty()
        .addListener(
            (o, a, b) ->
                vm.methodProperty()
                    .set(b == cash ? RefundMethod.CASH : RefundMethod.ORIGINAL_TENDERS));
    Button refund =
        Touch.button(
            m.binding("returns.refund"),
            null,
            () -> {
              if (vm.anythingChosen()) {
                ManagerPinDialog.ask(m, managers.get(), m.get("returns.why")).ifPresent(vm::refund);
              } else {
                vm.refund(null);
              }
            });
    refund.setId("return-refund");
    refund.getStyleClass().add("accent");
    refund.disableProperty().bind(vm.busyProperty());
    Button backButton = Touch.button(m.binding("shift.back"), "Esc", back);
    backButton.setId("return-back");
    Label message = new Label();
    message.setId("return-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    VBox left =
        new VBox(
            12,
            search,
            lines,
            new HBox(8, original, cash),
            new HBox(8, backButton, refund),
            message);
    Touch.grow(left);
    ListView<String> receipt = io.kasa.terminal.ui.Paper.receipt(vm.receipt());
    receipt.setId("return-receipt");
    // The preview narrows on a 1024 px screen so the number's prompt fits beside Find.
    receipt
        .prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(340, Math.min(420, getWidth() * 0.33)), widthProperty()));
    receipt.setFocusTraversable(false);
    setCenter(left);
    setRight(receipt);
    BorderPane.setMargin(receipt, new Insets(0, 0, 0, 16));
  }

  /** On showing: the keyboard goes to the receipt number. */
  public void focusNumber() {
    number.requestFocus();
  }

  /** A receipt's barcode scanned on this screen: its number. */
  public void scanned(String code) {
    vm.numberProperty().set(code);
    vm.find();
  }

  public boolean key(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE) {
      back.run();
      return true;
    }
    return false;
  }

  private final class LineCell extends ListCell<ReturnsViewModel.Line> {
    @Override
    protected void updateItem(ReturnsViewModel.Line line, boolean empty) {
      super.updateItem(line, empty);
      if (empty || line == null) {
        setGraphic(null);
        return;
      }
      Label name = new Label(line.number() + ". " + line.name());
      name.getStyleClass().add("line-name");
      Label sold = new Label(line.sold());
      Label back = new Label();
      back.textProperty().bind(line.backProperty().asString());
      back.setMinWidth(64);
      back.setAlignment(Pos.CENTER);
      Button less = Touch.key("−", line::less);
      less.setId("less-" + line.number());
      Button more = Touch.key("+", line::more);
      more.setId("more-" + line.number());
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      setGraphic(new HBox(12, new VBox(2, name, sold), gap, less, back, more));
    }
  }
}
