package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Asks in place, over the keypad, for what an item needs before it is added: a weighed item's
 * weight ("0,5 кг"), an open-price item's price ("250,00 ₴"). The item, what it allows (an
 * open-price item's limits), what is typed with its unit, a numeric pad, Cancel and OK; shown while
 * the cart wants it.
 */
final class AskPane extends VBox {

  /** The weight of a weighed item chosen without one. */
  static AskPane weight(SaleViewModel vm, Messages m) {
    Cart cart = vm.cart();
    return new AskPane(
        vm,
        m,
        "weight",
        cart.weightWantedProperty(),
        item -> cart.unit(item),
        item -> "",
        cart::weighed,
        cart::cancelWeight);
  }

  /** The price of an open-price item (ADR 0030). */
  static AskPane price(SaleViewModel vm, Messages m) {
    Cart cart = vm.cart();
    return new AskPane(
        vm,
        m,
        "price",
        cart.priceWantedProperty(),
        // Written as every amount on the screen is: in the store's way (₴), whatever the language.
        item -> vm.sale().policy().currency().getSymbol(vm.storeLocale()),
        cart::priceAllowed,
        cart::priced,
        cart::cancelPrice);
  }

  private AskPane(
      SaleViewModel vm,
      Messages m,
      String what,
      ReadOnlyObjectProperty<CatalogItem> wanted,
      Function<CatalogItem, String> unit,
      Function<CatalogItem, String> limits,
      Runnable ok,
      Runnable cancel) {
    super(12);
    setId(what + "-pane");
    getStyleClass().add("sale-overlay");
    setStyle("-fx-background-color: -color-bg-default;");
    setPadding(new Insets(16));
    Label title = new Label();
    title.setId(what + "-title");
    title.getStyleClass().add("title-3");
    title.setWrapText(true);
    title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CatalogItem item = wanted.get();
                  return item == null ? "" : m.get("sale." + what + ".title", item.name());
                },
                wanted,
                m.localeProperty()));
    Label prompt = new Label();
    prompt.textProperty().bind(m.binding("sale." + what + ".prompt"));
    prompt.setWrapText(true);
    prompt.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    // What the item allows ("Allowed: from 100,00 to 5 000,00 ₴"); takes no room when nothing.
    Label allowed = new Label();
    allowed.setId(what + "-limits");
    allowed.setWrapText(true);
    allowed.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    allowed
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CatalogItem item = wanted.get();
                  return item == null ? "" : limits.apply(item);
                },
                wanted,
                m.localeProperty()));
    allowed.visibleProperty().bind(allowed.textProperty().isNotEmpty());
    allowed.managedProperty().bind(allowed.visibleProperty());
    Label weight = new Label();
    weight.setId(what + "-entry");
    weight.getStyleClass().add("entry");
    weight.setMaxWidth(Double.MAX_VALUE);
    weight
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CatalogItem item = wanted.get();
                  String typed = vm.entryProperty().get();
                  return item == null
                      ? ""
                      : (typed.isEmpty() ? "0" : typed) + " " + unit.apply(item);
                },
                wanted,
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
        b.setId(what + "-key-" + (k.equals(",") ? "comma" : k.equals("⌫") ? "back" : k));
        pad.add(b, c, r);
      }
    }
    for (int c = 0; c < 3; c++) {
      ColumnConstraints col = new ColumnConstraints();
      col.setPercentWidth(100.0 / 3);
      pad.getColumnConstraints().add(col);
    }
    Button no = Touch.grow(Touch.button(m.binding("sale.weight.cancel"), "Esc", cancel));
    no.setId(what + "-cancel");
    Button yes = Touch.grow(Touch.button(m.binding("sale.weight.ok"), "Enter", ok));
    yes.setId(what + "-ok");
    yes.getStyleClass().add("accent");
    getChildren().setAll(title, prompt, allowed, weight, pad, new HBox(8, no, yes));
    visibleProperty().bind(wanted.isNotNull());
    // Hidden, it takes no room: its height does not count against the sale screen's.
    managedProperty().bind(visibleProperty());
  }
}
