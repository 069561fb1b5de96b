package io.kasa.terminal.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The register's own on-screen keyboard, with Ukrainian (ЙЦУКЕН, with ґ, є, і, ї and the
 * apostrophe) and English layouts switched by a key — the JavaFX built-in one is Latin only. Keys
 * type into a target field without taking the focus from it.
 */
public final class OnScreenKeyboard extends VBox {

  /** A layout: its rows of letters and the label of its language key. */
  public enum Layout {
    UKRAINIAN("УКР", List.of("1234567890", "йцукенгшщзхї", "фівапролджє", "ячсмитьбюґ'")),
    ENGLISH("ENG", List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm.-"));

    private final String label;
    private final List<String> rows;

    Layout(String label, List<String> rows) {
      this.label = label;
      this.rows = rows;
    }

    public String label() {
      return label;
    }

    public List<String> rows() {
      return rows;
    }

    /** The layout for a language: Ukrainian for uk, English otherwise. */
    public static Layout of(Locale locale) {
      return "uk".equals(locale.getLanguage()) ? UKRAINIAN : ENGLISH;
    }
  }

  private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>();
  private final TextInputControl target;
  private boolean shift;

  public OnScreenKeyboard(TextInputControl target, Layout initial) {
    super(6);
    this.target = target;
    getStyleClass().add("on-screen-keyboard");
    setPadding(new Insets(6));
    layout.addListener((o, a, b) -> build());
    layout.set(initial);
  }

  public ObjectProperty<Layout> layoutProperty() {
    return layout;
  }

  private void build() {
    getChildren().clear();
    for (String row : layout.get().rows()) {
      HBox keys = new HBox(4);
      for (char c : row.toCharArray()) {
        String text = String.valueOf(c);
        keys.getChildren().add(key(text, () -> type(shift ? text.toUpperCase(Locale.ROOT) : text)));
      }
      getChildren().add(keys);
    }
    Button lang =
        key(
            layout.get() == Layout.UKRAINIAN ? Layout.ENGLISH.label() : Layout.UKRAINIAN.label(),
            () -> layout.set(layout.get() == Layout.UKRAINIAN ? Layout.ENGLISH : Layout.UKRAINIAN));
    lang.setId("keyboard-language");
    Button caps = key("⇧", () -> shift = !shift);
    Button space = key("␣", () -> type(" "));
    HBox.setHgrow(space, Priority.ALWAYS);
    Button back =
        key(
            "⌫",
            () -> {
              String t = target.getText();
              if (!t.isEmpty()) {
                target.setText(t.substring(0, t.length() - 1));
                target.positionCaret(target.getText().length());
              }
            });
    Button clear = key("C", target::clear);
    clear.setId("keyboard-clear");
    getChildren().add(new HBox(4, lang, caps, space, back, clear));
  }

  private Button key(String label, Runnable action) {
    Button b = new Button(label);
    b.setMinSize(48, 48);
    b.setPrefSize(52, 52);
    b.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(b, Priority.SOMETIMES);
    b.setFocusTraversable(false);
    b.getStyleClass().add("osk-key");
    b.setOnAction(e -> action.run());
    return b;
  }

  private void type(String text) {
    target.appendText(text);
    target.positionCaret(target.getText().length());
  }
}
