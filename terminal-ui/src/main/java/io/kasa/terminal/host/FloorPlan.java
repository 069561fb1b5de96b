package io.kasa.terminal.host;

import io.kasa.api.floor.TableDto;
import io.kasa.client.floor.FloorState;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.Locale;
import java.util.UUID;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The tables of one area where they stand, stretched from the 1000 × 1000 plan to the space there
 * is, each coloured by its state and showing its number, the party, its guests, how long they have
 * sat and what their check comes to. Every table is at least a thumb wide.
 */
final class FloorPlan extends Pane {

  /** Seated this long, a table is marked: the guests may be waiting for the bill. */
  static final long SEATED_LONG = 90;

  /** Seated this long with nothing ordered, a table is marked: nobody has taken the order. */
  static final long WAITING_TO_ORDER = 10;

  private final HostViewModel vm;
  private final Messages m;
  private final java.util.function.LongFunction<String> money;

  FloorPlan(HostViewModel vm, Messages m, java.util.function.LongFunction<String> money) {
    this.vm = vm;
    this.m = m;
    this.money = money;
    setId("floor-plan");
    getStyleClass().add("floor-plan");
    setMinSize(400, 300);
    widthProperty().addListener((o, a, b) -> draw());
    heightProperty().addListener((o, a, b) -> draw());
    vm.floorProperty().addListener((o, a, b) -> draw());
    vm.areaProperty().addListener((o, a, b) -> draw());
    vm.tableProperty().addListener((o, a, b) -> draw());
    vm.nowProperty().addListener((o, a, b) -> draw());
    vm.modeProperty().addListener((o, a, b) -> draw());
    vm.editor()
        .editingProperty()
        .addListener(
            (o, a, b) -> {
              getStyleClass().remove("editing");
              if (b) {
                getStyleClass().add("editing");
              }
              draw();
            });
  }

  void draw() {
    getChildren().clear();
    FloorState floor = vm.floorProperty().get();
    if (floor == null) {
      return;
    }
    // The plan is 1000 × 1000 units whatever the screen: it fills the space there is.
    double sx = getWidth() / 1000.0;
    double sy = getHeight() / 1000.0;
    if (sx <= 0 || sy <= 0) {
      return;
    }
    UUID area = vm.areaProperty().get();
    for (TableDto t : floor.floor().tables()) {
      if (t.areaId().equals(area)) {
        getChildren().add(table(t, floor, sx, sy));
      }
    }
  }

  private StackPane table(TableDto t, FloorState floor, double sx, double sy) {
    VBox label = label(t, floor);
    // Read at arm's length: the words grow with the plan, from 13 px on a 1024 px screen.
    double font = Math.max(13, Math.min(20, 13 * Math.min(sx, sy) / 0.55));
    label.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", font));
    // A table is at least a thumb wide, and grows to what it says when the plan is small.
    double w = Math.max(Touch.TARGET, t.width() * sx);
    double h = Math.max(Touch.TARGET, t.height() * sy);
    StackPane node = new StackPane(label);
    node.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
    node.setMinSize(w, h);
    Shape shape;
    if ("ROUND".equals(t.shape())) {
      Ellipse e = new Ellipse();
      e.centerXProperty().bind(node.widthProperty().divide(2));
      e.centerYProperty().bind(node.heightProperty().divide(2));
      e.radiusXProperty().bind(node.widthProperty().divide(2));
      e.radiusYProperty().bind(node.heightProperty().divide(2));
      shape = e;
    } else {
      Rectangle r = new Rectangle();
      r.widthProperty().bind(node.widthProperty());
      r.heightProperty().bind(node.heightProperty());
      r.setArcWidth(16);
      r.setArcHeight(16);
      shape = r;
    }
    shape.setManaged(false);
    node.getChildren().add(0, shape);
    String state = t.state().toLowerCase(Locale.ROOT);
    shape.getStyleClass().addAll("table-shape", "table-" + state);
    if (t.heldFor() != null && "FREE".equals(t.state())) {
      shape.getStyleClass().add("table-held");
    }
    node.setId("table-" + t.name());
    node.getStyleClass().add("table");
    if (t.id().equals(vm.tableProperty().get())) {
      node.getStyleClass().add("selected");
    }
    node.relocate(t.x() * sx, t.y() * sy);
    node.setOnMouseClicked(
        e -> {
          // Off any text field, so the arrow keys move the table when laying out.
          requestFocus();
          vm.tapTable(t.id());
        });
    if (vm.editor().editingProperty().get()) {
      // Laying out: drag a table where it stands; it is saved where it is let go.
      double[] grab = new double[2];
      node.setOnMousePressed(
          e -> {
            grab[0] = e.getSceneX() - node.getLayoutX();
            grab[1] = e.getSceneY() - node.getLayoutY();
          });
      node.setOnMouseDragged(e -> node.relocate(e.getSceneX() - grab[0], e.getSceneY() - grab[1]));
      node.setOnMouseReleased(
          e ->
              vm.editor()
                  .placeTable(
                      t.id(),
                      (int) Math.round(node.getLayoutX() / sx),
                      (int) Math.round(node.getLayoutY() / sy)));
    }
    node.setAccessibleText(
        String.join(" ", label.getChildren().stream().map(n -> ((Label) n).getText()).toList()));
    return node;
  }

  /**
   * What a table says, readable at arm's length: its number; when taken, the party, the guests and
   * the minutes seated (coloured when long), and the check's total; when free, its seats or that it
   * is held.
   */
  private VBox label(TableDto t, FloorState floor) {
    VBox box = new VBox(0);
    box.setAlignment(Pos.CENTER);
    box.setMouseTransparent(true);
    box.getChildren().add(line(t.name(), "table-number"));
    if (t.joinedTo() != null) {
      floor.table(t.joinedTo()).ifPresent(head -> box.getChildren().add(line("+ " + head.name())));
    } else if (!"FREE".equals(t.state())) {
      java.util.List<io.kasa.api.floor.CheckDto> checks = floor.checksOn(t.id());
      checks.stream()
          .map(io.kasa.api.floor.CheckDto::party)
          .filter(java.util.Objects::nonNull)
          .findFirst()
          .ifPresent(party -> box.getChildren().add(line(party, "table-party")));
      long minutes = vm.minutesSince(t.seatedAt());
      Label seated =
          line(
              m.get("host.table.now", t.guests() == null ? 0 : t.guests(), minutes),
              "table-minutes");
      if (minutes >= SEATED_LONG || ("SEATED".equals(t.state()) && minutes >= WAITING_TO_ORDER)) {
        seated.getStyleClass().add("long");
      }
      box.getChildren().add(seated);
      long total = checks.stream().mapToLong(io.kasa.api.floor.CheckDto::total).sum();
      if (total > 0) {
        box.getChildren().add(line(money.apply(total), "table-total"));
      }
    } else if (t.heldFor() != null) {
      box.getChildren().add(line(m.get("host.table.held")));
    } else {
      box.getChildren().add(line(m.get("host.table.seats", t.seats())));
    }
    return box;
  }

  private static Label line(String text, String... styles) {
    Label l = new Label(text);
    l.getStyleClass().add("table-label");
    l.getStyleClass().addAll(styles);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }
}
