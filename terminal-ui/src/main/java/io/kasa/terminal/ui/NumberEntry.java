package io.kasa.terminal.ui;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A small count typed or stepped by touch: its label above, then − , the number and +. The number
 * field takes digits from the keyboard (or the on-screen one, whose top row is digits); the buttons
 * step it by one within its bounds. Guests, a seat, the parts of a split.
 */
public final class NumberEntry extends VBox {

  private static final double STEP = 56;

  private final IntegerProperty value = new SimpleIntegerProperty();
  private final TextField field = new TextField();
  private final int min;
  private final int max;

  /**
   * @param id the id of the number field; the buttons are {@code id-less} and {@code id-more}
   */
  public NumberEntry(String id, StringBinding label, int min, int max, int initial) {
    super(2);
    this.min = min;
    this.max = max;
    getStyleClass().add("number-entry");
    Label caption = new Label();
    caption.textProperty().bind(label);
    caption.getStyleClass().add("number-entry-label");
    caption.setLabelFor(field);
    caption.setMinWidth(Region.USE_PREF_SIZE);
    field.setId(id);
    field.setPrefColumnCount(3);
    field.setMinSize(64, STEP);
    field.setPrefSize(64, STEP);
    field.setMaxWidth(64);
    field.setAlignment(Pos.CENTER);
    field.accessibleTextProperty().bind(label);
    Button less = step("−", -1);
    less.setId(id + "-less");
    Button more = step("+", 1);
    more.setId(id + "-more");
    HBox row = new HBox(4, less, field, more);
    row.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(caption, row);
    setMinWidth(Region.USE_PREF_SIZE);
    setMaxWidth(Region.USE_PREF_SIZE);
    value.addListener((o, a, b) -> show(b.intValue()));
    field
        .textProperty()
        .addListener(
            (o, a, b) -> {
              String digits = b.replaceAll("[^0-9]", "");
              if (!digits.equals(b)) {
                field.setText(digits);
                return;
              }
              if (!digits.isEmpty() && digits.length() <= 4) {
                value.set(Math.max(min, Math.min(max, Integer.parseInt(digits))));
              }
            });
    field
        .focusedProperty()
        .addListener(
            (o, a, focused) -> {
              if (!focused) {
                show(value.get());
              }
            });
    value.set(Math.max(min, Math.min(max, initial)));
    show(value.get());
  }

  private Button step(String sign, int by) {
    Button b = Touch.key(sign, () -> value.set(Math.max(min, Math.min(max, value.get() + by))));
    b.setMinSize(STEP, STEP);
    b.setPrefSize(STEP, STEP);
    b.setMaxSize(STEP, STEP);
    b.getStyleClass().add("step");
    return b;
  }

  private void show(int n) {
    String text = Integer.toString(n);
    if (!field.getText().equals(text) && !(field.isFocused() && field.getText().isEmpty())) {
      field.setText(text);
    }
  }

  /** The count shown: always within the bounds. */
  public IntegerProperty valueProperty() {
    return value;
  }

  public int value() {
    return value.get();
  }

  /** The number field, for the keys and the tests. */
  public TextField field() {
    return field;
  }
}
