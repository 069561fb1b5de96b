package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.ui.Touch;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** Categories across the top, their items as big keys below: the sale screen's quick keys. */
final class QuickKeys extends VBox {

  /**
   * The narrowest a key may be (as register.css's {@code .quick-key}): a long word of a name, such
   * as «Парацетамол», on one line.
   */
  static final double MIN_KEY_WIDTH = 120;

  QuickKeys(SaleViewModel vm) {
    super(6);
    HBox categories = new HBox(6);
    categories.setId("categories");
    Runnable fill =
        () -> {
          categories.getChildren().clear();
          for (String c : vm.categories()) {
            ToggleButton b = new ToggleButton(c);
            b.setId("category-" + c);
            b.setMinHeight(48);
            b.setFocusTraversable(false);
            b.setSelected(c.equals(vm.categoryProperty().get()));
            b.setOnAction(e -> vm.chooseCategory(c));
            categories.getChildren().add(b);
          }
        };
    vm.categories().addListener((ListChangeListener<String>) c -> fill.run());
    vm.categoryProperty().addListener((o, a, b) -> fill.run());
    TilePane items = new TilePane(6, 6);
    items.setId("quick-items");
    items.setPrefTileWidth(MIN_KEY_WIDTH);
    items.setPrefTileHeight(Touch.TARGET + 16);
    ScrollPane scroll = new ScrollPane(items);
    vm.quickItems()
        .addListener(
            (ListChangeListener<CatalogItem>)
                c -> {
                  items.getChildren().clear();
                  for (CatalogItem item : vm.quickItems()) {
                    Button b = Touch.key(item.name(), () -> vm.add(item, null));
                    b.setId("quick-" + item.id());
                    b.setWrapText(true);
                    b.getStyleClass().add("quick-key");
                    items.getChildren().add(b);
                  }
                  items.applyCss();
                  fillRows(items, scroll.getViewportBounds().getWidth());
                });
    scroll.setFitToWidth(true);
    scroll.viewportBoundsProperty().addListener((o, was, now) -> fillRows(items, now.getWidth()));
    scroll.setPannable(true);
    Touch.grow(scroll);
    ScrollPane strip = new ScrollPane(categories);
    strip.setPannable(true);
    strip.setFitToHeight(true);
    strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    strip.setMinHeight(56);
    strip.setPrefHeight(56);
    getChildren().setAll(strip, scroll);
  }

  /** As many keys to a row as fit at their narrowest, sharing the whole row. */
  static void fillRows(TilePane items, double width) {
    if (width <= 0) {
      return;
    }
    double gap = items.getHgap();
    double narrowest = MIN_KEY_WIDTH;
    for (var key : items.getChildren()) {
      narrowest = Math.max(narrowest, key.minWidth(-1));
    }
    int columns = Math.max(1, (int) ((width + gap) / (narrowest + gap)));
    items.setPrefTileWidth(Math.floor((width - gap * (columns - 1)) / columns));
  }
}
