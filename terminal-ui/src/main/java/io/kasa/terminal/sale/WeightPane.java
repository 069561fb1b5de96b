package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Asks for a weighed item's weight in place, over the keypad: the item, the weight typed with its
 * unit ("0,5 кг"), a numeric pad, Cancel and OK. Shown while the cart wants a weight.
 */
final class WeightPane extends VBox {

  WeightPane(SaleViewModel vm, Messages m) {
    super(12);
    setId("weight-pane");
    getStyleClass().add("sale-overlay");
    setStyle("-fx-background-color: -color-bg-default;");
    setPadding(new Insets(16));
    Cart cart = vm.cart();
    Label title = new Label();
    title.setId("weight-title");
    title.getStyleClass().add("title-3");
    title.setWrapText(true);
    title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CatalogItem item = cart.weightWantedProperty().get();
                  return item == null ? "" : m.get("sale.weight.title", item.name());
                },
                cart.weightWantedProperty(),
                m.localeProperty()));
    Label prompt = new Label();
    prompt.textProperty().bind(m.binding("sale.weight.prompt"));
    prompt.setWrapText(true);
    prompt.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label weight = new Label();
    weight.setId("weight-entry");
    weight.getStyleClass().add("entry");
    weight.setMaxWidth(Double.MAX_VALUE);
    weight
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CatalogItem item = cart.weightWantedProperty().get();
                  String typed = vm.entryProperty().get();
                  return item == null
                      ? ""
                      : (typed.isEmpty() ? "0" : typed) + " " + cart.unit(item);
                },
                cart.weightWantedProperty(),
                vm.entryProperty(),
                m.localeProperty()));
    GridPane pad = new GridPane();
    pad.setHgap(8);
    pad.setVgap(8);
    String[][] keys = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {"0", ",", "⌫"}};
    for (int r = 0; r < keys.length; r++) {
      for (int c = 0; c < 3; c++) {
        String k = keys[r][c];
        Button b = Touch.grow(Touch.key(k, k.equals("⌫") ? vm::backspace : () -> vm.type(k)));
        b.setId("weight-key-" + (k.equals(",") ? "comma" : k.equals("⌫") ? "back" : k));
        pad.add(b, c, r);
      }
    }
    for (int c = 0; c < 3; c++) {
      ColumnConstraints col = new ColumnConstraints();
      col.setPercentWidth(100.0 / 3);
      pad.getColumnConstraints().add(col);
    }
    Button cancel =
        Touch.grow(Touch.button(m.binding("sale.weight.cancel"), "Esc", cart::cancelWeight));
    cancel.setId("weight-cancel");
    Button ok = Touch.grow(Touch.button(m.binding("sale.weight.ok"), "Enter", cart::weighed));
    ok.setId("weight-ok");
    ok.getStyleClass().add("accent");
    getChildren().setAll(title, prompt, weight, pad, new HBox(8, cancel, ok));
    visibleProperty().bind(cart.weightWantedProperty().isNotNull());
    // Hidden, it takes no room: its height does not count against the sale screen's.
    managedProperty().bind(visibleProperty());
  }
}
