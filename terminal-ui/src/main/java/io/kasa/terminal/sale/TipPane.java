package io.kasa.terminal.sale;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The tip step in place of the cash amounts and the pay buttons (ADR 0054): what it asks, one key
 * per preset with its percentage and the tip it gives (F1–F4), then "Other tip" for a tip typed on
 * the keypad (Enter), "No tip" (F11) and Back (Esc). What the card will be charged shows next,
 * while the reader waits.
 */
final class TipPane {

  private TipPane() {}

  static VBox step(SaleViewModel vm, Messages m) {
    TipStep tips = vm.tips();
    Label title = new Label();
    title.setId("tip-title");
    title.textProperty().bind(tips.titleProperty());
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    title.getStyleClass().add("caption");
    HBox presets = new HBox(8);
    presets.setId("tip-presets");
    Runnable rebuild =
        () -> {
          presets.getChildren().clear();
          for (int i = 0; i < tips.offers().size(); i++) {
            TipStep.Offer o = tips.offers().get(i);
            int index = i;
            // The percentage and its key, then the tip it gives (the reader then shows the charge).
            Button b =
                Touch.key(
                    o.percent().value().toPlainString()
                        + " % · F"
                        + (i + 1)
                        + "\n"
                        + vm.withSymbol(o.tip()),
                    () -> tips.preset(index));
            b.setId("tip-preset-" + (i + 1));
            b.getStyleClass().add("tip-preset");
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setWrapText(true);
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            HBox.setHgrow(b, Priority.ALWAYS);
            presets.getChildren().add(b);
          }
        };
    tips.offers().addListener((ListChangeListener<TipStep.Offer>) c -> rebuild.run());
    m.localeProperty().addListener((o, a, b) -> rebuild.run());
    Button other = Touch.grow(Touch.button(m.binding("tip.other"), "Enter", tips::other));
    other.setId("tip-other");
    other.setMaxHeight(Touch.TARGET * 1.25);
    Button none = Touch.grow(Touch.button(m.binding("tip.none"), "F11", tips::none));
    none.setId("tip-none");
    none.setMaxHeight(Touch.TARGET * 1.25);
    Button back = Touch.grow(Touch.button(m.binding("payment.back"), "Esc", tips::close));
    back.setId("tip-back");
    back.setMaxHeight(Touch.TARGET * 1.25);
    // Two to a row: three of these words side by side do not fit the 400 px side at 1024.
    Button[] wide = {other, none};
    for (Button b : wide) {
      b.setMinHeight(Region.USE_PREF_SIZE);
    }
    back.setMaxHeight(Touch.TARGET);
    VBox box = new VBox(8, title, presets, new HBox(8, other, none), new HBox(8, back));
    box.setId("tip-step");
    box.visibleProperty().bind(tips.openProperty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }
}
