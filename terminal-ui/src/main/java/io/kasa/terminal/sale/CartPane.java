package io.kasa.terminal.sale;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sale screen's left half: the cart (newest line selected and scrolled into view), what is done
 * to the selected line, and the total large enough to read from the customer's side.
 */
final class CartPane extends VBox {

  CartPane(SaleViewModel vm, Messages m) {
    super(8);
    this.vm = vm;
    ListView<CartLine> lines = new ListView<>(vm.lines());
    lines.setId("cart");
    lines.setFocusTraversable(false);
    lines.setCellFactory(list -> new CartCell());
    lines
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, line) -> {
              if (line != null) {
                vm.selectedProperty().set(line.number());
              }
            });
    Runnable follow =
        () -> {
          int n = vm.selectedProperty().get();
          for (int i = 0; i < vm.lines().size(); i++) {
            if (vm.lines().get(i).number() == n) {
              lines.getSelectionModel().select(i);
              lines.scrollTo(i);
            }
          }
        };
    vm.lines().addListener((ListChangeListener<CartLine>) c -> follow.run());
    vm.selectedProperty().addListener((o, a, b) -> follow.run());
    Touch.grow(lines);
    Label total = new Label();
    total.setId("total");
    total.textProperty().bind(vm.totalProperty());
    total.getStyleClass().add("total");
    Label totalCaption = SaleView.caption(m, "sale.total");
    Label sub = new Label();
    sub.textProperty().bind(m.binding("sale.taxIncluded").concat(" ").concat(vm.taxProperty()));
    sub.getStyleClass().add("text-muted");
    // The caption over the tax: the total keeps its width beside them on a 1024 px screen.
    total.setMinWidth(Region.USE_PREF_SIZE);
    HBox totals = new HBox(16, new VBox(0, totalCaption, sub), SaleView.spacer(), total);
    totals.setAlignment(Pos.CENTER_LEFT);
    lineActions = lineActions(vm, m);
    getChildren().setAll(lines, lineActions, totals);
    setPadding(new Insets(16));
    vm.phaseProperty().addListener((o, a, p) -> showActions());
  }

  private final HBox lineActions;
  private final SaleViewModel vm;
  private boolean typing;

  /** While the letters keyboard is open the line actions give it their room. */
  void typing(boolean on) {
    typing = on;
    showActions();
  }

  private void showActions() {
    SaleView.show(lineActions, vm.phaseProperty().get() == SaleViewModel.Phase.CART && !typing);
  }

  /** Under the cart: what is done to the selected line, and parking the sale. */
  private static HBox lineActions(SaleViewModel vm, Messages m) {
    Button quantity =
        Touch.grow(Touch.button(m.binding("sale.quantity"), "F3", vm::quantityOfSelected));
    quantity.setId("quantity");
    Button discount =
        Touch.grow(Touch.button(m.binding("sale.discount"), "F5", () -> vm.discount(false)));
    discount.setId("discount");
    Button voidLine = Touch.grow(Touch.button(m.binding("sale.void"), "F8", vm::voidSelected));
    voidLine.setId("void-line");
    Button price = Touch.grow(Touch.button(m.binding("sale.price"), "F4", vm::overridePrice));
    price.setId("price");
    Button park = Touch.grow(Touch.button(m.binding("sale.park"), "F9", vm::parkOrRecall));
    park.setId("park");
    HBox row = new HBox(8, quantity, price, discount, voidLine, park);
    row.getStyleClass().add("line-actions");
    return row;
  }

  /** A cart line: name on top, quantity × price, tax marker and amount below. */
  private static final class CartCell extends ListCell<CartLine> {
    @Override
    protected void updateItem(CartLine line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().remove("voided");
      if (empty || line == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(line.number() == 0 ? line.name() : line.number() + ". " + line.name());
      name.setWrapText(true);
      name.getStyleClass().add("line-name");
      String unit = line.unit().isEmpty() ? "" : " " + line.unit();
      Label detail =
          new Label(
              line.number() == 0 ? line.note() : line.quantity() + unit + " × " + line.price());
      detail.setId("line-detail");
      Label amount = new Label(line.amount() + " " + line.tax());
      amount.getStyleClass().add("line-amount");
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      VBox box = new VBox(2, name, new HBox(8, detail, gap, amount));
      if (line.number() > 0 && !line.note().isEmpty()) {
        Label note = new Label(line.note());
        note.setId("line-note");
        note.getStyleClass().addAll("line-note", "text-muted");
        note.setWrapText(true);
        box.getChildren().add(1, note);
      }
      box.setMinHeight(Touch.TARGET - 8);
      if (line.voided()) {
        getStyleClass().add("voided");
      }
      setGraphic(box);
    }
  }
}
