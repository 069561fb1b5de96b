package io.kasa.terminal.ui;

import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Buttons for thumbs: at least 64 × 64 px (more than the 48 px minimum, 8 px apart in their grids),
 * with the keyboard shortcut printed on the button under its label.
 */
public final class Touch {

  /** The smallest side of anything touched. */
  public static final double TARGET = 64;

  private Touch() {}

  /** A button with a translated label and, when not null, its key (e.g. "F12"). */
  public static Button button(StringBinding label, String key, Runnable action) {
    Button b = new Button();
    ObservableValue<String> text = key == null ? label : label.concat("\n" + key);
    b.textProperty().bind(text);
    return size(b, action);
  }

  /** A button with a fixed label (a digit, a sign). */
  public static Button key(String label, Runnable action) {
    Button b = new Button(label);
    return size(b, action);
  }

  private static Button size(Button b, Runnable action) {
    b.setMinSize(TARGET, TARGET);
    b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    b.setFocusTraversable(false);
    b.getStyleClass().add("touch");
    b.setOnAction(e -> action.run());
    return b;
  }

  /** Lets a node grow in both directions inside its grid or box. */
  public static <T extends Region> T grow(T node) {
    javafx.scene.layout.GridPane.setHgrow(node, Priority.ALWAYS);
    javafx.scene.layout.GridPane.setVgrow(node, Priority.ALWAYS);
    javafx.scene.layout.HBox.setHgrow(node, Priority.ALWAYS);
    javafx.scene.layout.VBox.setVgrow(node, Priority.ALWAYS);
    return node;
  }
}
