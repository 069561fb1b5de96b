package io.kasa.terminal.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * The register's own on-screen keyboard, with Ukrainian (ЙЦУКЕН, with ґ, є, і, ї and the
 * apostrophe) and English layouts switched by a key — the JavaFX built-in one is Latin only. Keys
 * type into a field without taking the focus from it.
 *
 * <p>A screen may show one for a field of its own (the sale screen's search); every other text
 * field of the register gets one over the bottom of the window when it is touched ({@link
 * #offerOn}); a touch elsewhere, its own key, or the focus leaving the text fields puts it away.
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

  /** Marks a field whose screen shows a keyboard of its own: no pop-up one for it. */
  private static final String OWN_KEYBOARD = "kasa.ownKeyboard";

  private static final String STYLES =
      OnScreenKeyboard.class.getResource("on-screen-keyboard.css").toExternalForm();

  private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>();
  private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
  private final String idPrefix;
  private final Runnable hide;
  private boolean shift;

  /** The register's own window, when this keyboard pops up over it (not over a dialog). */
  private Window home;

  /** A keyboard for {@code field} alone, placed by its screen. */
  public OnScreenKeyboard(TextInputControl field, Layout initial) {
    this(initial, "keyboard", null);
    field.getProperties().put(OWN_KEYBOARD, Boolean.TRUE);
    target.set(field);
  }

  private OnScreenKeyboard(Layout initial, String idPrefix, Runnable hide) {
    super(6);
    this.idPrefix = idPrefix;
    this.hide = hide;
    getStyleClass().add("on-screen-keyboard");
    getStylesheets().add(STYLES);
    setPadding(new Insets(6));
    layout.addListener((o, a, b) -> build());
    layout.set(initial);
  }

  public ObjectProperty<Layout> layoutProperty() {
    return layout;
  }

  /**
   * Offers a keyboard for every text field of {@code scene}, and of the dialogs opened over it,
   * when one is touched; keeps the prompts of empty fields visible while they have the focus. Call
   * on the JavaFX thread.
   */
  public static void offerOn(Scene scene, Supplier<Layout> language) {
    Popup popup = new Popup();
    popup.setHideOnEscape(false);
    popup.setAutoFix(true);
    OnScreenKeyboard keyboard = new OnScreenKeyboard(language.get(), "osk", popup::hide);
    keyboard.setPrefWidth(900);
    keyboard.home = scene.getWindow();
    scene.windowProperty().addListener((o, was, now) -> keyboard.home = now);
    popup.getContent().add(keyboard);
    attach(scene, popup, keyboard, language);
    Window.getWindows()
        .addListener(
            (javafx.collections.ListChangeListener<Window>)
                change -> {
                  while (change.next()) {
                    for (Window w : change.getAddedSubList()) {
                      Window main = scene.getWindow();
                      boolean ours =
                          !(w instanceof PopupWindow)
                              && main != null
                              && main.isShowing()
                              && w != main
                              && w.getScene() != null;
                      if (ours) {
                        attach(w.getScene(), popup, keyboard, language);
                      }
                    }
                  }
                });
  }

  private static void attach(
      Scene scene, Popup popup, OnScreenKeyboard keyboard, Supplier<Layout> language) {
    scene.getStylesheets().add(STYLES);
    javafx.event.EventHandler<javafx.event.Event> touched =
        e -> {
          TextInputControl field = fieldAt(e.getTarget());
          if (field == null
              || !field.isEditable()
              || field.getProperties().containsKey(OWN_KEYBOARD)) {
            // A touch elsewhere on the window puts the keyboard away, as on a tablet.
            if (popup.isShowing() && popup.getOwnerWindow() == scene.getWindow()) {
              popup.hide();
            }
            return;
          }
          if (keyboard.target.get() != field || !popup.isShowing()) {
            keyboard.layout.set(language.get());
          }
          keyboard.target.set(field);
          Window w = scene.getWindow();
          if (!popup.isShowing() || popup.getOwnerWindow() != w) {
            popup.hide();
            popup.show(w);
          }
          // Over the bottom of a screen; under a dialog, whose own buttons stay in reach.
          boolean dialog = w != keyboard.home;
          double width = dialog ? Math.max(w.getWidth(), 720) : Math.min(w.getWidth(), 1000);
          keyboard.setPrefWidth(width - 16);
          double height = keyboard.prefHeight(width - 16);
          popup.setX(w.getX() + (w.getWidth() - width) / 2);
          // Over the bottom of the screen, unless the field is there: then over its top, so the
          // field and what is typed stay in sight (the host stand's item code is low down).
          double bottom = w.getY() + w.getHeight() - height - 8;
          javafx.geometry.Bounds at = field.localToScreen(field.getBoundsInLocal());
          boolean low = at != null && at.getMaxY() > bottom;
          popup.setY(dialog ? w.getY() + w.getHeight() + 4 : low ? w.getY() + 8 : bottom);
        };
    scene.addEventFilter(MouseEvent.MOUSE_PRESSED, touched::handle);
    scene.addEventFilter(TouchEvent.TOUCH_PRESSED, touched::handle);
    scene
        .focusOwnerProperty()
        .addListener(
            (o, was, now) -> {
              if (popup.isShowing()
                  && popup.getOwnerWindow() == scene.getWindow()
                  && !(now instanceof TextInputControl)) {
                popup.hide();
              } else if (now instanceof TextInputControl f && popup.isShowing()) {
                keyboard.target.set(f);
              }
            });
  }

  private static TextInputControl fieldAt(Object target) {
    for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
      if (n instanceof TextInputControl f) {
        return f;
      }
    }
    return null;
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
        wide(
            layout.get() == Layout.UKRAINIAN ? Layout.ENGLISH.label() : Layout.UKRAINIAN.label(),
            () -> layout.set(layout.get() == Layout.UKRAINIAN ? Layout.ENGLISH : Layout.UKRAINIAN));
    lang.setId(idPrefix + "-language");
    Button caps = wide("⇧", () -> shift = !shift);
    Button space = key("␣", () -> type(" "));
    HBox.setHgrow(space, Priority.ALWAYS);
    Button back = wide("⌫", this::backspace);
    back.setId(idPrefix + "-backspace");
    Button clear = wide("C", () -> field().ifPresent(TextInputControl::clear));
    clear.setId(idPrefix + "-clear");
    HBox last = new HBox(4, lang, caps, space, back, clear);
    if (hide != null) {
      Button done = wide("⌨↓", hide);
      done.setId(idPrefix + "-hide");
      last.getChildren().add(done);
    }
    getChildren().add(last);
  }

  private Button key(String label, Runnable action) {
    Button b = new Button(label);
    b.setMinSize(48, 48);
    b.setPrefSize(52, 52);
    b.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(b, Priority.SOMETIMES);
    return style(b, action);
  }

  /** A key whose label is a word or a wide sign: never narrower than its label, nor than 48 px. */
  private Button wide(String label, Runnable action) {
    Button b =
        new Button(label) {
          @Override
          protected double computeMinWidth(double height) {
            return Math.max(48, computePrefWidth(height));
          }
        };
    b.setMinHeight(48);
    b.setPrefHeight(52);
    HBox.setHgrow(b, Priority.NEVER);
    return style(b, action);
  }

  private static Button style(Button b, Runnable action) {
    b.setFocusTraversable(false);
    b.getStyleClass().add("osk-key");
    b.setOnAction(e -> action.run());
    return b;
  }

  private java.util.Optional<TextInputControl> field() {
    return java.util.Optional.ofNullable(target.get());
  }

  private void type(String text) {
    field()
        .ifPresent(
            f -> {
              f.replaceSelection(text);
            });
  }

  private void backspace() {
    field()
        .ifPresent(
            f -> {
              if (f.getSelection().getLength() > 0) {
                f.replaceSelection("");
              } else {
                f.deletePreviousChar();
              }
            });
  }
}
