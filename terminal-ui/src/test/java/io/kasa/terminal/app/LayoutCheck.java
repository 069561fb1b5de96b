package io.kasa.terminal.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a cashier would see wrong in a scene, read from its scene graph after layout: text cut off
 * with an ellipsis, controls on top of their siblings, content past the window's edge, touch
 * targets under 48 px. Run it on the FX thread.
 *
 * <p>Truncation is read from the skin: a {@link Labeled}'s skin draws its text through a {@code
 * LabeledText} child whose text is the clipped string (with the ellipsis) when the label does not
 * fit, and the label's own text otherwise; comparing the two is exact, unlike measuring fonts.
 */
final class LayoutCheck {

  /** The smallest side of anything tapped (ADR 0025). */
  static final double TARGET = 48;

  /** Overlays drawn over the screen on purpose (banners, toasts): not siblings to avoid. */
  static final String OVERLAY = "overlay";

  /** Lists that are read, never tapped (receipts, reports, logs): their rows may be short. */
  private static final Set<String> READ_ONLY_LISTS =
      Set.of(
          "receipt",
          "paid",
          "shift-report",
          "return-receipt",
          "diagnostics",
          "check-lines",
          "job-decoded",
          "job-hex-view");

  private LayoutCheck() {}

  /**
   * The stage read at 1024×768 and 1280×800 in {@code first} and then the other language (the
   * register's language key switches them, and switches back at the end), each pictured as {@code
   * picture-LANG-WxH} with {@code -Dkasa.screenshots=DIR}: everything {@link #problems} finds and
   * what {@code alsoCheck} adds (run on the FX thread at each size), named by language and width.
   * {@code afterLanguage} runs once each language is read.
   */
  static List<String> atBothSizes(
      FxRobot robot,
      Stage stage,
      String first,
      String picture,
      Consumer<List<String>> alsoCheck,
      Consumer<String> afterLanguage) {
    List<String> problems = new ArrayList<>();
    for (String language : List.of(first, "en".equals(first) ? "uk" : "en")) {
      if (!language.equals(first)) {
        robot.clickOn("#language");
        WaitForAsyncUtils.waitForFxEvents();
      }
      for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
        robot.interact(
            () -> {
              stage.setWidth(size[0]);
              stage.setHeight(size[1]);
            });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(
            () -> {
              stage.getScene().getRoot().applyCss();
              stage.getScene().getRoot().layout();
              List<String> found = new ArrayList<>(problems(stage.getScene()));
              alsoCheck.accept(found);
              for (String p : found) {
                problems.add(language + " " + size[0] + ": " + p);
              }
            });
        Screenshots.saveIfAsked(
            robot, stage.getScene(), picture + "-" + language + "-" + size[0] + "x" + size[1]);
      }
      afterLanguage.accept(language);
    }
    robot.clickOn("#language");
    WaitForAsyncUtils.waitForFxEvents();
    return problems;
  }

  /** Everything wrong with {@code scene} as laid out now. */
  static List<String> problems(Scene scene) {
    List<String> found = new ArrayList<>();
    Parent root = scene.getRoot();
    double w = scene.getWidth();
    double h = scene.getHeight();
    double minH = root.minHeight(w);
    if (minH > h + 0.5) {
      found.add("screen taller than the window: needs " + Math.round(minH) + " px of " + h);
    }
    walk(root, false, w, h, found);
    return found;
  }

  private static void walk(Node node, boolean clipped, double w, double h, List<String> found) {
    if (!node.isVisible() || node.getOpacity() == 0) {
      return;
    }
    if (node instanceof Labeled l) {
      truncated(l).ifPresent(found::add);
    }
    if (node instanceof javafx.scene.control.TextInputControl field) {
      promptCut(field).ifPresent(found::add);
    }
    if (tapped(node)) {
      Bounds b = node.getLayoutBounds();
      if (b.getWidth() < TARGET - 0.5 || b.getHeight() < TARGET - 0.5) {
        found.add(
            "touch target "
                + Math.round(b.getWidth())
                + "×"
                + Math.round(b.getHeight())
                + " px: "
                + describe(node));
      }
    }
    if (!clipped && node instanceof Control) {
      Bounds s = node.localToScene(node.getLayoutBounds());
      if (s.getMaxY() > h + 1 || s.getMaxX() > w + 1) {
        found.add(
            "past the window's edge (to "
                + Math.round(s.getMaxX())
                + ", "
                + Math.round(s.getMaxY())
                + "): "
                + describe(node));
      }
    }
    if (node instanceof Pane pane && !(pane instanceof StackPane)) {
      overlaps(pane, found);
    }
    if (node instanceof Parent p) {
      boolean inside = clipped || node.getClip() != null;
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, inside, w, h, found);
      }
    }
  }

  /** A {@link Labeled} whose drawn text is not its text: cut off (ellipsis or clipped away). */
  static java.util.Optional<String> truncated(Labeled l) {
    String text = l.getText();
    if (text == null || text.isEmpty()) {
      return java.util.Optional.empty();
    }
    for (Node child : l.getChildrenUnmodifiable()) {
      if (child instanceof Text drawn && child.getClass().getSimpleName().equals("LabeledText")) {
        String shown = drawn.getText();
        String expected = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        String broken = brokenWord(l, drawn, expected);
        if (broken != null) {
          return java.util.Optional.of(
              "word broken across lines: \"" + broken + "\" in " + describe(l));
        }
        if (!shown.equals(expected) && !shown.equals(text)) {
          return java.util.Optional.of(
              "cut off: \""
                  + oneLine(shown)
                  + "\" shown for \""
                  + oneLine(text)
                  + "\" in "
                  + describe(l));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * A word wider than the line a wrapping label has for it: JavaFX then breaks it between letters
   * ("Кількіст / ь"), which no ellipsis shows.
   */
  private static String brokenWord(Labeled l, Text drawn, String text) {
    double room = drawn.getWrappingWidth();
    if (!l.isWrapText() || room <= 0) {
      return null;
    }
    for (String word : text.split("\\s+")) {
      Text measure = new Text(word);
      measure.setFont(drawn.getFont());
      if (measure.getLayoutBounds().getWidth() > room + 0.5) {
        return word;
      }
    }
    return null;
  }

  /** An empty field whose prompt is wider than the field: the skin clips it without an ellipsis. */
  private static java.util.Optional<String> promptCut(javafx.scene.control.TextInputControl f) {
    String prompt = f.getPromptText();
    if (prompt == null || prompt.isEmpty() || (f.getText() != null && !f.getText().isEmpty())) {
      return java.util.Optional.empty();
    }
    Text measure = new Text(prompt);
    measure.setFont(f.getFont());
    double room = f.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight();
    if (f instanceof javafx.scene.control.TextField
        && measure.getLayoutBounds().getWidth() > room + 0.5) {
      return java.util.Optional.of("prompt cut off: \"" + prompt + "\" in " + describe(f));
    }
    return java.util.Optional.empty();
  }

  /** Buttons, toggles, combo boxes, and the rows of lists that are tapped. */
  private static boolean tapped(Node node) {
    if (node instanceof ButtonBase || node instanceof ComboBoxBase<?>) {
      return true;
    }
    if (node instanceof ListCell<?> cell && !cell.isEmpty() && cell.getItem() != null) {
      ListView<?> list = cell.getListView();
      // A combo box's own cell belongs to a list in its popup, not in this scene.
      return list != null
          && list.getScene() == cell.getScene()
          && !list.getStyleClass().contains("receipt")
          && !READ_ONLY_LISTS.contains(list.getId());
    }
    return false;
  }

  /** Visible regions of one pane whose boxes intersect by more than a pixel each way. */
  private static void overlaps(Pane pane, List<String> found) {
    List<Node> shown = new ArrayList<>();
    for (Node child : pane.getChildren()) {
      if (child.isVisible()
          && child instanceof Region r
          && r.getWidth() > 0
          && r.getHeight() > 0
          && !child.getStyleClass().contains(OVERLAY)) {
        shown.add(child);
      }
    }
    for (int i = 0; i < shown.size(); i++) {
      for (int j = i + 1; j < shown.size(); j++) {
        Bounds a = drawn(shown.get(i));
        Bounds b = drawn(shown.get(j));
        double x = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double y = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        if (x > 1 && y > 1) {
          found.add(
              "overlap by "
                  + Math.round(x)
                  + "×"
                  + Math.round(y)
                  + " px: "
                  + describe(shown.get(i))
                  + " "
                  + box(a, shown.get(i))
                  + " and "
                  + describe(shown.get(j))
                  + " "
                  + box(b, shown.get(j)));
        }
      }
    }
  }

  /**
   * The box a region and the regions inside it take in its parent: its own box, widened by any
   * child region that overflows it, cut by its clip. Text and effects are left out (a shadow or a
   * font's line height is not a control in the way).
   */
  private static Bounds drawn(Node node) {
    Bounds own = node.getLayoutBounds();
    double minX = own.getMinX();
    double minY = own.getMinY();
    double maxX = own.getMaxX();
    double maxY = own.getMaxY();
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        if (child.isVisible()
            && child instanceof Region
            && !child.getStyleClass().contains(OVERLAY)) {
          Bounds c = drawn(child);
          minX = Math.min(minX, c.getMinX());
          minY = Math.min(minY, c.getMinY());
          maxX = Math.max(maxX, c.getMaxX());
          maxY = Math.max(maxY, c.getMaxY());
        }
      }
    }
    if (node.getClip() != null) {
      Bounds clip = node.getClip().getBoundsInParent();
      minX = Math.max(minX, clip.getMinX());
      minY = Math.max(minY, clip.getMinY());
      maxX = Math.min(maxX, clip.getMaxX());
      maxY = Math.min(maxY, clip.getMaxY());
    }
    if (maxX < minX || maxY < minY) {
      return node.localToParent(own);
    }
    return node.localToParent(
        new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY));
  }

  /** A node as a reader finds it: its type, id, text, and the nearest ancestor with an id. */
  static String describe(Node node) {
    StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
    if (node.getId() != null) {
      s.append('#').append(node.getId());
    }
    if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      s.append(" \"").append(oneLine(l.getText())).append('"');
    }
    for (Parent p = node.getParent(); p != null; p = p.getParent()) {
      if (p.getId() != null) {
        s.append(" in #").append(p.getId());
        break;
      }
    }
    return s.toString();
  }

  /** Where a node is drawn in its parent, and (after "laid out") the size its parent gave it. */
  private static String box(Bounds b, Node node) {
    return "("
        + Math.round(b.getMinX())
        + ","
        + Math.round(b.getMinY())
        + " "
        + Math.round(b.getWidth())
        + "×"
        + Math.round(b.getHeight())
        + ", laid out "
        + Math.round(node.getLayoutBounds().getWidth())
        + "×"
        + Math.round(node.getLayoutBounds().getHeight())
        + ")";
  }

  private static String oneLine(String text) {
    return text.replace('\n', '⏎');
  }
}
