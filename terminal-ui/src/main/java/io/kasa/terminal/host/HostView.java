package io.kasa.terminal.host;

import io.kasa.api.floor.AreaDto;
import io.kasa.client.floor.FloorState;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.ModifierPane;
import io.kasa.terminal.sale.ModifierPicker;
import io.kasa.terminal.ui.Banner;
import io.kasa.terminal.ui.NumberEntry;
import io.kasa.terminal.ui.Touch;
import java.time.ZoneId;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The host stand screen: the floor plan as its main surface with the areas above it and the
 * selected table's actions under it; beside it the waitlist and the selected table's check. A
 * message lies over the top of the floor and never moves it.
 *
 * <p>Keys: F2 add a party, F3 seat, F4 notify, F5 clear, F6 pre-bill, F7 move, F8 merge, F9 split,
 * F11 send to the kitchen, F12 fire the next held course, Ctrl+0…9 the course of the items added
 * next, F10 pay, Esc cancels a move, a merge, a split or the party form (or goes back to the sale).
 */
public final class HostView extends BorderPane {

  private final HostViewModel vm;
  private final Messages m;
  private final Runnable back;
  private final java.util.Currency currency;
  private final HBox areas = new HBox(8);
  private final Label banner;
  private final FloorPlan plan;
  private final WaitlistPane waitlist;
  private final TablePane table;
  private final HostActions actions;
  private final ModifierPicker picker;
  private final ModifierPane modifiers;

  public HostView(
      HostViewModel vm, Messages m, ZoneId zone, java.util.Currency currency, Runnable back) {
    this.vm = vm;
    this.currency = currency;
    this.m = m;
    this.back = back;
    setPadding(new Insets(12));
    getStyleClass().add("host-stand");

    areas.setId("areas");
    setTop(new VBox(8, areas, editBar()));

    plan = new FloorPlan(vm, m, this::money);
    table = new TablePane(vm, m, this::money);
    actions = new HostActions(vm, m, table::chosen);
    table.chosenListener(actions::chosenChanged);
    VBox.setVgrow(plan, Priority.ALWAYS);
    VBox floor = new VBox(8, plan, actions);
    setCenter(floor);
    BorderPane.setMargin(floor, new Insets(8, 12, 0, 0));

    waitlist = new WaitlistPane(vm, m, zone);
    VBox.setVgrow(waitlist, Priority.ALWAYS);
    table.setMinHeight(200);
    // The table's check gets more of the column when nobody waits: at 1024×768 a paid table's
    // status on two lines left its lines a hundred pixels.
    table
        .prefHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> getHeight() * (waitlist.parties().isEmpty() ? 0.6 : 0.42),
                heightProperty(),
                waitlist.parties()));
    // An item with options asks for them with the register's own picker, in place of the column
    // (ADR 0056); while a party is being added its form takes the whole column.
    picker = vm.order().picker();
    modifiers = new ModifierPane(picker, m);
    VBox.setVgrow(modifiers, Priority.ALWAYS);
    waitlist.visibleProperty().bind(modifiers.visibleProperty().not());
    waitlist.managedProperty().bind(waitlist.visibleProperty());
    table
        .visibleProperty()
        .bind(waitlist.addingProperty().not().and(modifiers.visibleProperty().not()));
    table.managedProperty().bind(table.visibleProperty());
    modifiers
        .visibleProperty()
        .addListener(
            (o, was, shown) -> {
              if (shown) {
                // The keys choose options now, not letters in the item's code.
                modifiers.requestFocus();
              }
            });
    VBox side = new VBox(12, waitlist, table, modifiers);
    side.setId("host-side");
    side.prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(340, Math.min(520, getWidth() * 0.34)), widthProperty()));
    side.setMinWidth(340);
    side.maxWidthProperty().bind(side.prefWidthProperty());
    setRight(side);
    BorderPane.setMargin(side, new Insets(8, 0, 0, 0));

    // The banner lies over the top of the floor (ADR 0025): a tap meant for a table is never
    // shifted onto a button by a message appearing.
    banner = Banner.overlay(vm.bannerProperty(), "host-banner");
    getChildren().add(banner);

    vm.floorProperty().addListener((o, a, b) -> refresh());
    vm.tableProperty().addListener((o, a, b) -> refresh());
    vm.areaProperty().addListener((o, a, b) -> refresh());
    vm.nowProperty().addListener((o, a, b) -> refresh());
    m.localeProperty().addListener((o, a, b) -> refresh());
    Timeline clock = new Timeline(new KeyFrame(Duration.seconds(15), e -> vm.tick()));
    clock.setCycleCount(Animation.INDEFINITE);
    clock.play();
    sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                clock.stop();
              } else {
                clock.play();
              }
            });
    refresh();
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    // Over the top of the floor plan, in this screen's coordinates (the plan sits in a column).
    javafx.geometry.Bounds at = sceneToLocal(plan.localToScene(plan.getLayoutBounds()));
    if (at != null) {
      double height = banner.prefHeight(at.getWidth());
      banner.resizeRelocate(at.getMinX(), at.getMinY(), at.getWidth(), height);
      banner.toFront();
    }
  }

  /** The layout tools, for managers: shown while laying out (Ctrl+E). */
  private VBox editBar() {
    TextField name = new TextField();
    field(name, "new-table-name", "host.edit.tableName");
    NumberEntry seats = new NumberEntry("new-table-seats", m.binding("host.edit.seats"), 1, 50, 4);
    // Changing a table starts from what it is: renaming keeps its seats.
    vm.tableProperty()
        .addListener(
            (o, a, b) -> vm.selectedTable().ifPresent(t -> seats.valueProperty().set(t.seats())));
    ComboBox<String> shape =
        new ComboBox<>(FXCollections.observableArrayList("ROUND", "SQUARE", "RECTANGLE"));
    shape.setId("new-table-shape");
    shape.setValue("SQUARE");
    shape.setMinHeight(56);
    shape.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null ? "" : m.get("host.shape." + s.toLowerCase(Locale.ROOT));
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    Label shapeLabel = new Label();
    shapeLabel.textProperty().bind(m.binding("host.edit.shape"));
    shapeLabel.setLabelFor(shape);
    Button add =
        Touch.button(
            m.binding("host.edit.addTable"),
            null,
            () -> {
              vm.editor().addTable(name.getText().strip(), seats.value(), shape.getValue());
              name.clear();
            });
    add.setId("add-table");
    Button change =
        Touch.button(
            m.binding("host.edit.changeTable"),
            null,
            () -> {
              vm.editor().changeTable(name.getText(), seats.value(), shape.getValue());
              name.clear();
            });
    change.setId("change-table");
    Button remove =
        Touch.button(m.binding("host.edit.removeTable"), "Del", vm.editor()::removeTable);
    remove.setId("remove-table");
    TextField areaName = new TextField();
    field(areaName, "new-area-name", "host.edit.areaName");
    Button addArea =
        Touch.button(
            m.binding("host.edit.addArea"),
            null,
            () -> {
              vm.editor().addArea(areaName.getText());
              areaName.clear();
            });
    addArea.setId("add-area");
    HBox tables =
        new HBox(8, Touch.grow(name), seats, new VBox(2, shapeLabel, shape), add, change, remove);
    tables.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
    HBox areaTools = new HBox(8, Touch.grow(areaName), addArea);
    areaTools.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
    VBox bar = new VBox(8, tables, areaTools);
    bar.setId("edit-bar");
    bar.visibleProperty().bind(vm.editor().editingProperty());
    bar.managedProperty().bind(vm.editor().editingProperty());
    return bar;
  }

  private void field(TextField f, String id, String prompt) {
    f.setId(id);
    f.promptTextProperty().bind(m.binding(prompt));
    f.setMinHeight(56);
    f.setPrefColumnCount(8);
    f.setMinWidth(96);
  }

  /** A code scanned at the stand: into the item code field, then added for its seat. */
  public void scanned(String code) {
    actions.scanned(code);
  }

  /** Enter outside any text field: confirms the options picker, if it is open. */
  public void enter() {
    if (picker.open()) {
      picker.confirm();
    }
  }

  /** Keys of this screen; answers whether it used the key. */
  public boolean key(KeyEvent e) {
    KeyCode k = e.getCode();
    if (picker.open()) {
      return pickerKey(e);
    }
    if (e.isShortcutDown() && k.isDigitKey()) {
      // Ctrl+0 … Ctrl+9: the course of the items added from now on.
      int n = k.getChar().charAt(0) - '0';
      if (k.getName().startsWith("Numpad")) {
        n = k.ordinal() - KeyCode.NUMPAD0.ordinal();
      }
      vm.order().courseProperty().set(n);
      return true;
    }
    if (e.isShortcutDown() && k == KeyCode.E) {
      vm.editor().toggleEditing();
      return true;
    }
    if (vm.editor().editingProperty().get()) {
      int step = e.isShiftDown() ? 50 : 10;
      switch (k) {
        case LEFT:
          vm.editor().nudge(-step, 0);
          return true;
        case RIGHT:
          vm.editor().nudge(step, 0);
          return true;
        case UP:
          vm.editor().nudge(0, -step);
          return true;
        case DOWN:
          vm.editor().nudge(0, step);
          return true;
        case DELETE:
          vm.editor().removeTable();
          return true;
        default:
          break;
      }
    }
    switch (k) {
      case F2:
        if (vm.canHost()) {
          waitlist.addKey();
        }
        return true;
      case F3:
        if (vm.canHost()) {
          actions.seat();
        }
        return true;
      case F4:
        if (vm.canHost()) {
          vm.waitlist().notifyParty();
        }
        return true;
      case F5:
        vm.clear();
        return true;
      case F6:
        vm.bill().prebill();
        return true;
      case F7:
        if (vm.canHost()) {
          vm.startMove();
        }
        return true;
      case F8:
        if (vm.canHost()) {
          vm.startMerge();
        }
        return true;
      case F9:
        actions.toggleSplit();
        return true;
      case F10:
        vm.pay();
        return true;
      case F11:
        vm.order().sendToKitchen();
        return true;
      case F12:
        vm.order().fireCourse();
        return true;
      case ESCAPE:
        if (vm.modeProperty().get() != HostViewModel.Mode.SELECT) {
          vm.cancelMode();
        } else if (!waitlist.escape() && !actions.escape() && back != null) {
          back.run();
        }
        return true;
      default:
        return false;
    }
  }

  /**
   * The keys while the options picker is open, as at the register: Esc cancels, Enter confirms, Tab
   * (Shift+Tab) moves to the next (previous) group, a digit chooses that option of the group marked
   * (unless the note is being typed); the stand's other keys wait until it is closed.
   */
  private boolean pickerKey(KeyEvent e) {
    boolean typing = getScene() != null && getScene().getFocusOwner() == modifiers.note();
    switch (e.getCode()) {
      case ESCAPE -> picker.cancel();
      case ENTER -> picker.confirm();
      case TAB -> picker.nextGroup(e.isShiftDown() ? -1 : 1);
      default -> {
        if (e.getCode().isDigitKey() && !typing) {
          String c = e.getText();
          if (c != null && c.length() == 1 && c.charAt(0) >= '1' && c.charAt(0) <= '9') {
            picker.pick(c.charAt(0) - '0');
          }
          return true;
        }
        return !typing && (e.getCode().isFunctionKey() || e.getCode().isNavigationKey());
      }
    }
    return true;
  }

  private void refresh() {
    FloorState floor = vm.floorProperty().get();
    if (floor == null) {
      return;
    }
    areas.getChildren().clear();
    ToggleGroup group = new ToggleGroup();
    for (AreaDto a : floor.floor().areas()) {
      ToggleButton b = new ToggleButton(a.name());
      b.setId("area-" + a.name());
      b.setToggleGroup(group);
      b.setMinSize(Touch.TARGET * 2, Touch.TARGET);
      b.setFocusTraversable(false);
      b.setSelected(a.id().equals(vm.areaProperty().get()));
      b.setOnAction(e -> vm.areaProperty().set(a.id()));
      areas.getChildren().add(b);
    }
    if (vm.editor().canEditFloor()) {
      ToggleButton edit = new ToggleButton();
      edit.setId("edit-layout");
      edit.textProperty().bind(m.binding("host.edit.toggle").concat("\nCtrl+E"));
      edit.setMinSize(Touch.TARGET * 2, Touch.TARGET);
      edit.setFocusTraversable(false);
      edit.setSelected(vm.editor().editingProperty().get());
      edit.setOnAction(e -> vm.editor().toggleEditing());
      javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      areas.getChildren().addAll(gap, edit);
    }
    waitlist.refresh();
    table.refresh();
    actions.refresh();
  }

  private String money(long minor) {
    return new io.kasa.domain.receipt.MoneyFormat(m.locale())
        .amount(io.kasa.domain.money.Money.of(minor, currency));
  }
}
