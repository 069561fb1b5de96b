package io.kasa.terminal.host;

import io.kasa.api.floor.TableDto;
import io.kasa.client.floor.FloorState;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.TextAlignment;

/**
 * The tables of one area where they stand, stretched from the 1000 × 1000 plan to the space there
 * is, each coloured by its state and showing its name, its guests and how long they have sat. Every
 * table is at least a thumb wide.
 */
final class FloorPlan extends Pane {

  private final HostViewModel vm;
  private final Messages m;

  FloorPlan(HostViewModel vm, Messages m) {
    this.vm = vm;
    this.m = m;
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
    vm.editingProperty()
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
    double w = Math.max(Touch.TARGET, t.width() * sx);
    double h = Math.max(Touch.TARGET, t.height() * sy);
    Shape shape = "ROUND".equals(t.shape()) ? new Circle(Math.min(w, h) / 2) : new Rectangle(w, h);
    if (shape instanceof Rectangle) {
      ((Rectangle) shape).setArcWidth(16);
      ((Rectangle) shape).setArcHeight(16);
    }
    String state = t.state().toLowerCase(Locale.ROOT);
    shape.getStyleClass().addAll("table-shape", "table-" + state);
    if (t.heldFor() != null && "FREE".equals(t.state())) {
      shape.getStyleClass().add("table-held");
    }
    StringBuilder text = new StringBuilder(t.name());
    if (t.joinedTo() != null) {
      floor.table(t.joinedTo()).ifPresent(head -> text.append(" + ").append(head.name()));
    } else if (!"FREE".equals(t.state())) {
      text.append("\n")
          .append(m.get("host.table.guests", t.guests() == null ? 0 : t.guests()))
          .append("\n")
          .append(m.get("host.table.minutes", vm.minutesSince(t.seatedAt())));
    } else if (t.heldFor() != null) {
      text.append("\n").append(m.get("host.table.held"));
    } else {
      text.append("\n").append(m.get("host.table.seats", t.seats()));
    }
    Label label = new Label(text.toString());
    label.setTextAlignment(TextAlignment.CENTER);
    label.getStyleClass().add("table-label");
    StackPane node = new StackPane(shape, label);
    node.setId("table-" + t.name());
    node.getStyleClass().add("table");
    if (t.id().equals(vm.tableProperty().get())) {
      node.getStyleClass().add("selected");
    }
    node.setMinSize(w, h);
    node.setPrefSize(w, h);
    node.setMaxSize(w, h);
    node.relocate(t.x() * sx, t.y() * sy);
    node.setOnMouseClicked(
        e -> {
          // Off any text field, so the arrow keys move the table when laying out.
          requestFocus();
          vm.tapTable(t.id());
        });
    if (vm.editingProperty().get()) {
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
              vm.placeTable(
                  t.id(),
                  (int) Math.round(node.getLayoutX() / sx),
                  (int) Math.round(node.getLayoutY() / sy)));
    }
    node.setAccessibleText(text.toString().replace('\n', ' '));
    return node;
  }
}
