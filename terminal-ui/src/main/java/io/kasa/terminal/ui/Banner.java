package io.kasa.terminal.ui;

/** A message in place on a screen: what happened, and whether it needs attention. */
public record Banner(Kind kind, String text) {

  /** How it looks: information, a warning, or an error. */
  public enum Kind {
    INFO,
    WARNING,
    ERROR
  }

  /** How long a note lies over the screen before it fades. */
  private static final javafx.util.Duration NOTE_SHOWN = javafx.util.Duration.seconds(4);

  /** The same banner with its words in the language chosen now. */
  public Banner again(io.kasa.terminal.i18n.Messages m) {
    return new Banner(kind, m.again(text));
  }

  /**
   * A label showing {@code banner}: its text, coloured by its kind, and taking no room while there
   * is nothing to say.
   */
  public static javafx.scene.control.Label label(
      javafx.beans.value.ObservableValue<Banner> banner, String id) {
    javafx.scene.control.Label label = new javafx.scene.control.Label();
    label.setId(id);
    label.getStyleClass().add("banner");
    label.setMaxWidth(Double.MAX_VALUE);
    label.setWrapText(true);
    label.setPadding(new javafx.geometry.Insets(8, 16, 8, 16));
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
    banner.addListener((o, a, b) -> show(label, b));
    show(label, banner.getValue());
    return label;
  }

  /**
   * A banner that lies over the screen instead of taking room in its layout: add it to the screen's
   * children unmanaged and {@link #place} it after each layout. Taps go through it.
   */
  public static javafx.scene.control.Label overlay(
      javafx.beans.value.ObservableValue<Banner> banner, String id) {
    javafx.scene.control.Label label = label(banner, id);
    label.managedProperty().unbind();
    label.setManaged(false);
    label.setMouseTransparent(true);
    label.getStyleClass().add("overlay");
    // Over the screen: a note ("Added: …") fades after a few seconds; warnings and
    // errors stay until the next message.
    javafx.animation.FadeTransition fade =
        new javafx.animation.FadeTransition(javafx.util.Duration.millis(400), label);
    fade.setDelay(NOTE_SHOWN);
    fade.setToValue(0);
    banner.addListener(
        (o, a, b) -> {
          fade.stop();
          label.setOpacity(1);
          if (b != null && b.kind() == Kind.INFO) {
            fade.playFromStart();
          }
        });
    return label;
  }

  /** Lays an {@link #overlay} banner across the top of {@code over}, inside its padding. */
  public static void place(javafx.scene.control.Label banner, javafx.scene.layout.Region over) {
    place(banner, over, over.getPadding().getTop());
  }

  /**
   * Lays an {@link #overlay} banner across {@code over}, inside its side padding, {@code top} below
   * its top edge.
   */
  public static void place(
      javafx.scene.control.Label banner, javafx.scene.layout.Region over, double top) {
    javafx.geometry.Insets in = over.getPadding();
    double width = Math.max(0, over.getWidth() - in.getLeft() - in.getRight());
    double height = banner.prefHeight(width);
    banner.resizeRelocate(over.getLayoutX() + in.getLeft(), over.getLayoutY() + top, width, height);
    banner.toFront();
  }

  /** The height {@code banner} takes when laid across {@code over}. */
  public static double height(javafx.scene.control.Label banner, javafx.scene.layout.Region over) {
    javafx.geometry.Insets in = over.getPadding();
    return banner.prefHeight(Math.max(0, over.getWidth() - in.getLeft() - in.getRight()));
  }

  private static void show(javafx.scene.control.Label label, Banner b) {
    label.getStyleClass().removeAll("info", "warning", "error");
    label.setText(b == null ? "" : b.text());
    if (b != null) {
      label.getStyleClass().add(b.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
