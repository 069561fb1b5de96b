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

  private final HBox lineActions;
  private final SaleViewModel vm;
  private boolean typing;

  private final ListView<CartLine> lines;

  CartPane(SaleViewModel vm, Messages m) {
    super(8);
    this.vm = vm;
    lines = new ListView<>(vm.lines());
    lines.setId("cart");
    lines.setFocusTraversable(false);
    lines.setCellFactory(list -> new CartCell(vm));
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
    vm.cart().picker().itemProperty().addListener((o, a, p) -> showActions());
  }

  /**
   * Where a banner {@code height} tall lies over the cart (its top, in this pane's coordinates) so
   * that it covers no line just added or changed: in the free space below the last line when there
   * is room; else across the top of the list, over the oldest lines; else, when the selected line
   * is up there, across the bottom of the list.
   */
  double bannerTop(double height) {
    javafx.geometry.Bounds list = lines.localToScene(lines.getLayoutBounds());
    double top = list.getMinY() + lines.getInsets().getTop();
    double bottom = list.getMaxY() - lines.getInsets().getBottom();
    double last = top;
    javafx.geometry.Bounds selected = null;
    for (javafx.scene.Node n : lines.lookupAll(".list-cell")) {
      if (n instanceof javafx.scene.control.ListCell<?> c && !c.isEmpty() && c.isVisible()) {
        javafx.geometry.Bounds b = c.localToScene(c.getLayoutBounds());
        last = Math.max(last, b.getMaxY());
        if (c.isSelected()) {
          selected = b;
        }
      }
    }
    double gap = 8;
    double y;
    if (last + gap + height <= bottom) {
      y = last + gap;
    } else if (selected == null || selected.getMinY() >= top + height) {
      y = top;
    } else {
      // Never above the list, even when a long message is taller than a short cart.
      y = Math.max(top, bottom - height);
    }
    return sceneToLocal(0, y).getY();
  }

  /** While the letters keyboard is open the line actions give it their room. */
  void typing(boolean on) {
    typing = on;
    showActions();
  }

  private void showActions() {
    // While an item's options are asked, nothing else is done to the lines.
    SaleView.show(
        lineActions,
        vm.phaseProperty().get() == SaleViewModel.Phase.CART
            && !typing
            && !vm.cart().picker().open());
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

  /**
   * A cart line: name on top, quantity × price, tax marker and amount below. Its nodes are made
   * once per cell and only their texts change, so a scan's frame does not style new labels.
   */
  private static final class CartCell extends ListCell<CartLine> {
    private final Label name = new Label();
    private final Label detail = new Label();
    private final Label amount = new Label();
    private final Label note = new Label();

    /** The options chosen and the line's note, a label per row (no wrapping to measure). */
    private final VBox extras = new VBox(0);

    /** Rows of choices a cell is made with (a latte asks three, a steak two). */
    private static final int EXTRA_ROWS = 6;

    private final VBox box;

    CartCell(SaleViewModel vm) {
      name.setWrapText(true);
      name.getStyleClass().add("line-name");
      detail.setId("line-detail");
      amount.getStyleClass().add("line-amount");
      note.setId("line-note");
      note.getStyleClass().addAll("line-note", "text-muted");
      note.setWrapText(true);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      extras.setId("line-extras");
      extras.getStyleClass().add("line-extras");
      // Made with the cell, styled with it: a label made while the list measures a row would have
      // no skin yet and no height, and the row would be cut short.
      for (int i = 0; i < EXTRA_ROWS; i++) {
        extras.getChildren().add(extraRow());
      }
      box = new VBox(2, name, extras, note, new HBox(8, detail, gap, amount));
      box.setMinHeight(Touch.TARGET - 8);
      // A tap on a line whose item asks for options opens them again (ADR 0043).
      setOnMouseClicked(
          e -> {
            CartLine line = getItem();
            if (line != null && line.asks() && !line.voided()) {
              vm.cart().changeModifiers(line.number());
            }
          });
    }

    @Override
    protected void updateItem(CartLine line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().remove("voided");
      setText(null);
      if (empty || line == null) {
        setGraphic(null);
        return;
      }
      name.setText(line.number() == 0 ? line.name() : line.number() + ". " + line.name());
      String unit = line.unit().isEmpty() ? "" : " " + line.unit();
      detail.setText(
          line.number() == 0 ? line.note() : line.quantity() + unit + " × " + line.price());
      amount.setText(line.amount() + " " + line.tax());
      boolean noted = line.number() > 0 && !line.note().isEmpty();
      note.setText(noted ? line.note() : "");
      note.setVisible(noted);
      note.setManaged(noted);
      showExtras(line.extras());
      extras.setVisible(!line.extras().isEmpty());
      extras.setManaged(!line.extras().isEmpty());
      if (line.voided()) {
        getStyleClass().add("voided");
      }
      setGraphic(box);
    }

    private static Label extraRow() {
      Label row = new Label();
      row.getStyleClass().add("line-extra");
      row.setVisible(false);
      row.setManaged(false);
      return row;
    }

    /** One label per row; a line with more choices than rows made gets more. */
    private void showExtras(java.util.List<String> rows) {
      var labels = extras.getChildren();
      while (labels.size() < rows.size()) {
        labels.add(extraRow());
      }
      for (int i = 0; i < labels.size(); i++) {
        boolean used = i < rows.size();
        Label row = (Label) labels.get(i);
        row.setText(used ? rows.get(i) : "");
        row.setVisible(used);
        row.setManaged(used);
      }
    }
  }
}
