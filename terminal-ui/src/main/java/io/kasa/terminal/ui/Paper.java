package io.kasa.terminal.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The receipt as printed, one row per line of paper, in a monospaced font that shrinks (down to a
 * floor) until the longest line fits the list's width: on a 1024-px screen a 48-column receipt
 * shows its amounts' column instead of hiding it behind a horizontal scroll bar.
 */
public final class Paper {

  /** The font's size where there is room, in pixels (the stylesheet's {@code .receipt} size). */
  static final double LARGEST = 13;

  /** The smallest size it shrinks to, in pixels: below it a scroll bar is the lesser evil. */
  static final double SMALLEST = 9;

  /** DejaVu Sans Mono's advance width, as a share of the font's size (1233 / 2048). */
  static final double ADVANCE = 0.602;

  /** The cells' padding, the list's borders and a vertical scroll bar, in pixels. */
  static final double CHROME = 8 + 4 + 16;

  private Paper() {}

  /** A list of paper lines that fits its width. */
  public static ListView<String> receipt(ObservableList<String> lines) {
    ListView<String> list = new ListView<>(lines);
    list.getStyleClass().add("receipt");
    list.setFocusTraversable(false);
    DoubleProperty size = new SimpleDoubleProperty(LARGEST);
    Runnable fit =
        () -> {
          double next = size(list.getWidth(), longest(lines));
          if (next != size.get()) {
            size.set(next);
            list.refresh();
          }
        };
    list.widthProperty().addListener((o, was, now) -> fit.run());
    lines.addListener((javafx.collections.ListChangeListener<String>) c -> fit.run());
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle("-fx-font-size: " + size.get() + "px;");
              }
            });
    return list;
  }

  /** The font size at which {@code columns} characters fit {@code width} pixels. */
  static double size(double width, int columns) {
    if (width <= 0 || columns == 0) {
      return LARGEST;
    }
    double fits = (width - CHROME) / (columns * ADVANCE);
    return Math.max(SMALLEST, Math.min(LARGEST, Math.floor(fits * 2) / 2));
  }

  private static int longest(ObservableList<String> lines) {
    int most = 0;
    for (String l : lines) {
      most = Math.max(most, l.codePointCount(0, l.length()));
    }
    return most;
  }
}
