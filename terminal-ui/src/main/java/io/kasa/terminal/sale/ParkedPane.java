package io.kasa.terminal.sale;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.Date;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/**
 * The parked sales to choose from, in place over the keypad: when each was parked, by whom, and its
 * total; a tap recalls one.
 */
final class ParkedPane extends VBox {

  ParkedPane(SaleViewModel vm, Messages m) {
    super(12);
    setId("parked-pane");
    getStyleClass().add("sale-overlay");
    setStyle("-fx-background-color: -color-bg-default;");
    setPadding(new Insets(16));
    ParkedSales parked = vm.parked();
    Label title = new Label();
    title.textProperty().bind(m.binding("sale.parked.title"));
    title.getStyleClass().add("title-4");
    title.setWrapText(true);
    title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    ListView<SaleJournal.Parked> list = new ListView<>(parked.list());
    list.setId("parked-list");
    list.setFocusTraversable(false);
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(SaleJournal.Parked p, boolean empty) {
                super.updateItem(p, empty);
                setMinHeight(Touch.TARGET);
                setWrapText(true);
                if (empty || p == null) {
                  setText(null);
                  setOnMouseClicked(null);
                  return;
                }
                setText(
                    m.get(
                        "sale.parked.row",
                        Date.from(p.parkedAt()),
                        p.employee(),
                        vm.withSymbol(p.total())));
                setOnMouseClicked(e -> parked.recall(p.saleId()));
              }
            });
    Touch.grow(list);
    Button close =
        Touch.grow(
            Touch.button(
                m.binding("sale.parked.close"), "Esc", () -> parked.choosingProperty().set(false)));
    close.setId("parked-close");
    close.setMaxHeight(Touch.TARGET);
    getChildren().setAll(title, list, close);
    visibleProperty().bind(parked.choosingProperty());
    managedProperty().bind(visibleProperty());
  }
}
