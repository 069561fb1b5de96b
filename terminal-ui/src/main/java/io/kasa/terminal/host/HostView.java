package io.kasa.terminal.host;

import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.TableDto;
import io.kasa.client.floor.FloorState;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Banner;
import io.kasa.terminal.ui.Touch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The host stand screen: the areas across the top, the floor plan, and on the right the selected
 * table with its check and the waitlist with the form to add a party or a reservation.
 *
 * <p>Keys: F2 add the party, F3 seat, F4 notify, F5 clear, F6 pre-bill, F7 move, F8 merge, F9 split
 * by seat, F10 pay, Esc cancels a move or merge (or goes back to the sale).
 */
public final class HostView extends BorderPane {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  /** A reservation this late is shown as late: seat it, or mark it a no-show. */
  private static final long LATE_MINUTES = 15;

  private final HostViewModel vm;
  private final Messages m;
  private final Runnable back;
  private final ZoneId zone;
  private final java.util.Currency currency;
  private final HBox areas = new HBox(8);
  private final Label banner;
  private final Label tableTitle = new Label();
  private final ObservableList<CheckLineDto> lines = FXCollections.observableArrayList();
  private ListView<CheckLineDto> checkList;
  private final Label checkTotal = new Label();
  private final ObservableList<PartyDto> parties = FXCollections.observableArrayList();
  private final ListView<PartyDto> waitlist = new ListView<>(parties);
  private final TextField guests = new TextField("2");
  private final TextField seat = new TextField("1");
  private final TextField ways = new TextField("2");
  private final TextField item = new TextField();
  private final TextField partyName = new TextField();
  private final TextField partySize = new TextField("2");
  private final TextField partyPhone = new TextField();
  private final TextField partyNotes = new TextField();
  private final TextField partyTime = new TextField();

  public HostView(
      HostViewModel vm, Messages m, ZoneId zone, java.util.Currency currency, Runnable back) {
    this.vm = vm;
    this.currency = currency;
    this.m = m;
    this.back = back;
    this.zone = zone;
    this.banner = Banner.label(vm.bannerProperty(), "host-banner");
    setPadding(new Insets(12));
    getStyleClass().add("host-stand");

    areas.setId("areas");
    setTop(new VBox(8, areas, editBar(), banner));

    FloorPlan plan = new FloorPlan(vm, m);
    VBox.setVgrow(plan, Priority.ALWAYS);
    VBox middle = new VBox(8, plan, tablePanel());
    setCenter(middle);
    BorderPane.setMargin(middle, new Insets(8, 8, 0, 0));

    VBox side = waitlistPanel();
    side.setPrefWidth(400);
    side.setMinWidth(360);
    setRight(side);

    vm.floorProperty().addListener((o, a, b) -> refresh());
    vm.tableProperty().addListener((o, a, b) -> refresh());
    vm.areaProperty().addListener((o, a, b) -> refresh());
    vm.partyProperty().addListener((o, a, b) -> selectParty());
    vm.nowProperty().addListener((o, a, b) -> waitlist.refresh());
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

  /** The layout tools, for managers: shown while laying out (Ctrl+E). */
  private HBox editBar() {
    TextField name = new TextField();
    field(name, "new-table-name", "host.edit.tableName", 120);
    TextField seats = new TextField("4");
    field(seats, "new-table-seats", "host.edit.seats", 80);
    javafx.scene.control.ComboBox<String> shape =
        new javafx.scene.control.ComboBox<>(
            FXCollections.observableArrayList("ROUND", "SQUARE", "RECTANGLE"));
    shape.setId("new-table-shape");
    shape.setValue("SQUARE");
    shape.setMinHeight(Touch.TARGET - 8);
    Button add =
        Touch.button(
            m.binding("host.edit.addTable"),
            null,
            () -> {
              vm.addTable(name.getText().strip(), number(seats, 4), shape.getValue());
              name.clear();
            });
    add.setId("add-table");
    Button change =
        Touch.button(
            m.binding("host.edit.changeTable"),
            null,
            () -> {
              vm.changeTable(name.getText(), number(seats, 0), shape.getValue());
              name.clear();
            });
    change.setId("change-table");
    Button remove = Touch.button(m.binding("host.edit.removeTable"), "Del", vm::removeTable);
    remove.setId("remove-table");
    TextField areaName = new TextField();
    field(areaName, "new-area-name", "host.edit.areaName", 160);
    Button addArea =
        Touch.button(
            m.binding("host.edit.addArea"),
            null,
            () -> {
              vm.addArea(areaName.getText());
              areaName.clear();
            });
    addArea.setId("add-area");
    HBox bar = new HBox(8, name, seats, shape, add, change, remove, areaName, addArea);
    bar.setId("edit-bar");
    bar.visibleProperty().bind(vm.editingProperty());
    bar.managedProperty().bind(vm.editingProperty());
    return bar;
  }

  private HBox tablePanel() {
    tableTitle.setId("table-title");
    tableTitle.getStyleClass().add("title-3");
    tableTitle.setWrapText(true);
    ListView<CheckLineDto> check = new ListView<>(lines);
    check.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
    this.checkList = check;
    check.setId("check-lines");
    check.setFocusTraversable(false);
    check.setPrefHeight(140);
    check.setPrefWidth(180);
    check.setCellFactory(
        list -> {
          ListCell<CheckLineDto> cell =
              new ListCell<>() {
                @Override
                protected void updateItem(CheckLineDto l, boolean empty) {
                  super.updateItem(l, empty);
                  setText(
                      empty || l == null
                          ? null
                          : m.get(
                              "host.line", l.seat(), l.quantity(), l.name(), money(l.amount())));
                }
              };
          cell.setMinHeight(Touch.TARGET - 16);
          // A tap picks an item or puts it back, as fingers have no Ctrl key.
          cell.addEventFilter(
              javafx.scene.input.MouseEvent.MOUSE_PRESSED,
              e -> {
                if (cell.isEmpty()) {
                  return;
                }
                var selection = list.getSelectionModel();
                if (selection.isSelected(cell.getIndex())) {
                  selection.clearSelection(cell.getIndex());
                } else {
                  selection.select(cell.getIndex());
                }
                e.consume();
              });
          return cell;
        });
    checkTotal.setId("check-total");
    field(guests, "guests", "host.guestsPrompt", 64);
    field(seat, "split-seat-number", "host.seatPrompt", 64);
    field(ways, "split-ways", "host.waysPrompt", 64);
    field(item, "item-code", "host.itemPrompt", 0);
    item.setOnAction(e -> addItem());
    Button addItem = Touch.button(m.binding("host.addItem"), "Enter", this::addItem);
    addItem.setId("add-item");
    addItem.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

    GridPane actions = new GridPane();
    actions.setHgap(8);
    actions.setVgap(8);
    Button seatButton = Touch.button(m.binding("host.seat"), "F3", this::seat);
    seatButton.setId("seat");
    Button seatAnyway =
        Touch.button(m.binding("host.seatAnyway"), null, () -> vm.seatAnyway(number(guests, 0)));
    seatAnyway.setId("seat-anyway");
    Button clear = Touch.button(m.binding("host.clear"), "F5", vm::clear);
    clear.setId("clear-table");
    Button prebill = Touch.button(m.binding("host.prebill"), "F6", vm::prebill);
    prebill.setId("prebill");
    Button move = Touch.button(m.binding("host.move"), "F7", vm::startMove);
    move.setId("move");
    Button merge = Touch.button(m.binding("host.merge"), "F8", vm::startMerge);
    merge.setId("merge");
    Button splitSeat =
        Touch.button(
            m.binding("host.splitSeat.button"), "F9", () -> vm.splitBySeat(number(seat, 1)));
    splitSeat.setId("split-seat");
    Button splitEven =
        Touch.button(
            m.binding("host.splitEven.button"), null, () -> vm.splitEvenly(number(ways, 2)));
    splitEven.setId("split-even");
    Button splitItems =
        Touch.button(
            m.binding("host.splitItems.button"),
            null,
            () ->
                vm.splitItems(
                    checkList.getSelectionModel().getSelectedItems().stream()
                        .map(CheckLineDto::id)
                        .toList()));
    splitItems.setId("split-items");
    Button pay = Touch.button(m.binding("host.pay"), "F10", vm::pay);
    pay.setId("pay-check");
    pay.setVisible(vm.canSell());
    pay.setManaged(vm.canSell());
    actions.addRow(0, guests, Touch.grow(seatButton), Touch.grow(seatAnyway), Touch.grow(clear));
    actions.addRow(1, seat, Touch.grow(splitSeat), Touch.grow(move), Touch.grow(merge));
    actions.addRow(2, ways, Touch.grow(splitEven), Touch.grow(splitItems), Touch.grow(prebill));
    actions.add(Touch.grow(pay), 4, 0);
    // The number fields keep their 64 px; the buttons share the rest equally, so no one label is
    // squeezed into breaking a word.
    javafx.scene.layout.ColumnConstraints numbers = new javafx.scene.layout.ColumnConstraints(64);
    actions.getColumnConstraints().add(numbers);
    for (int c = 1; c <= (vm.canSell() ? 4 : 3); c++) {
      javafx.scene.layout.ColumnConstraints col =
          new javafx.scene.layout.ColumnConstraints(Touch.TARGET, 64, Double.MAX_VALUE);
      col.setHgrow(Priority.ALWAYS);
      actions.getColumnConstraints().add(col);
    }
    vm.busyProperty().addListener((o, a, b) -> actions.setDisable(b));
    // Long labels (Ukrainian ones are) wrap rather than end in an ellipsis.
    actions.getChildren().forEach(n -> n.getStyleClass().add("compact"));
    HBox adding = new HBox(8, Touch.grow(item), addItem);
    VBox checkBox = new VBox(8, tableTitle, check, checkTotal);
    // The check's column keeps to the list's width; a long title wraps instead of widening it.
    checkBox.setPrefWidth(200);
    checkBox.setMinWidth(160);
    tableTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox right = new VBox(8, adding, actions);
    HBox.setHgrow(right, Priority.ALWAYS);
    return new HBox(12, checkBox, right);
  }

  private VBox waitlistPanel() {
    Label title = new Label();
    title.textProperty().bind(m.binding("host.waitlist"));
    title.getStyleClass().add("title-3");
    waitlist.setId("waitlist");
    waitlist.setFocusTraversable(false);
    waitlist.setCellFactory(list -> new PartyCell());
    waitlist
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && !b.id().equals(vm.partyProperty().get())) {
                vm.tapParty(b.id());
              }
            });
    VBox.setVgrow(waitlist, Priority.ALWAYS);
    Button notifyButton = Touch.button(m.binding("host.notify"), "F4", vm::notifyParty);
    notifyButton.setId("notify");
    Button noShow = Touch.button(m.binding("host.noShow.button"), null, vm::noShow);
    noShow.setId("no-show");
    Button cancel = Touch.button(m.binding("host.cancel.button"), null, vm::cancelParty);
    cancel.setId("cancel-party");
    HBox partyActions =
        new HBox(8, Touch.grow(notifyButton), Touch.grow(noShow), Touch.grow(cancel));
    partyActions.getStyleClass().add("party-actions");

    field(partyName, "party-name", "host.partyName", 0);
    field(partySize, "party-size", "host.partySize", 80);
    field(partyPhone, "party-phone", "host.partyPhone", 0);
    field(partyNotes, "party-notes", "host.partyNotes", 0);
    field(partyTime, "party-time", "host.partyTime", 180);
    // The time keeps room for its prompt (HH:mm); the name field gives way.
    partyTime.setMinWidth(180);
    Button add = Touch.button(m.binding("host.addParty"), "F2", this::addParty);
    add.setId("add-party");
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    form.addRow(0, Touch.grow(partyName), partySize, partyTime);
    form.addRow(1, Touch.grow(partyPhone), Touch.grow(partyNotes));
    GridPane.setColumnSpan(partyNotes, 2);
    HBox addRow = new HBox(8, Touch.grow(add));
    return new VBox(8, title, waitlist, partyActions, form, addRow);
  }

  private void field(TextField f, String id, String prompt, double width) {
    f.setId(id);
    f.promptTextProperty().bind(m.binding(prompt));
    f.setMinHeight(Touch.TARGET - 8);
    // A fixed width holds (a two-digit party size is never squeezed to a sliver); a growing field
    // starts narrow and gives its neighbours their room first.
    if (width > 0) {
      f.setMinWidth(width);
      f.setPrefWidth(width);
      f.setMaxWidth(width);
    } else {
      f.setPrefColumnCount(8);
      f.setMinWidth(96);
    }
  }

  /** Keys of this screen; answers whether it used the key. */
  public boolean key(KeyEvent e) {
    KeyCode k = e.getCode();
    if (e.isShortcutDown() && k == KeyCode.E) {
      vm.toggleEditing();
      return true;
    }
    if (vm.editingProperty().get()) {
      int step = e.isShiftDown() ? 50 : 10;
      switch (k) {
        case LEFT:
          vm.nudge(-step, 0);
          return true;
        case RIGHT:
          vm.nudge(step, 0);
          return true;
        case UP:
          vm.nudge(0, -step);
          return true;
        case DOWN:
          vm.nudge(0, step);
          return true;
        case DELETE:
          vm.removeTable();
          return true;
        default:
          break;
      }
    }
    switch (k) {
      case F2:
        addParty();
        return true;
      case F3:
        seat();
        return true;
      case F4:
        vm.notifyParty();
        return true;
      case F5:
        vm.clear();
        return true;
      case F6:
        vm.prebill();
        return true;
      case F7:
        vm.startMove();
        return true;
      case F8:
        vm.startMerge();
        return true;
      case F9:
        vm.splitBySeat(number(seat, 1));
        return true;
      case F10:
        vm.pay();
        return true;
      case ESCAPE:
        if (vm.modeProperty().get() != HostViewModel.Mode.SELECT) {
          vm.cancelMode();
        } else if (back != null) {
          back.run();
        }
        return true;
      default:
        return false;
    }
  }

  private void seat() {
    vm.seat(number(guests, 0));
  }

  private void addItem() {
    String code = item.getText().strip();
    if (!code.isEmpty()) {
      vm.addItem(code, "1", number(seat, 0));
      item.clear();
    }
  }

  private void addParty() {
    Instant at = null;
    String time = partyTime.getText().strip();
    if (!time.isEmpty()) {
      try {
        LocalTime t = LocalTime.parse(time, HOURS);
        LocalDate day = LocalDate.now(zone);
        at = day.atTime(t).atZone(zone).toInstant();
        if (at.isBefore(Instant.now().minusSeconds(1800))) {
          at = day.plusDays(1).atTime(t).atZone(zone).toInstant();
        }
      } catch (DateTimeParseException e) {
        vm.warnTimeFormat();
        return;
      }
    }
    UUID forTable = at == null ? null : vm.tableProperty().get();
    vm.addParty(
        partyName.getText(),
        number(partySize, 0),
        partyPhone.getText(),
        partyNotes.getText(),
        at,
        forTable);
    partyName.clear();
    partyPhone.clear();
    partyNotes.clear();
    partyTime.clear();
  }

  private static int number(TextField f, int otherwise) {
    try {
      return Integer.parseInt(f.getText().strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
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
    if (vm.canEditFloor()) {
      ToggleButton edit = new ToggleButton();
      edit.setId("edit-layout");
      edit.textProperty().bind(m.binding("host.edit.toggle").concat("\nCtrl+E"));
      edit.setMinSize(Touch.TARGET * 2, Touch.TARGET);
      edit.setFocusTraversable(false);
      edit.setSelected(vm.editingProperty().get());
      edit.setOnAction(e -> vm.toggleEditing());
      javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      areas.getChildren().addAll(gap, edit);
    }
    List<PartyDto> shown =
        java.util.stream.Stream.concat(floor.line().stream(), floor.reservations().stream())
            .toList();
    if (!shown.equals(parties)) {
      parties.setAll(shown);
    }
    selectParty();
    TableDto t = vm.selectedTable().orElse(null);
    if (t == null) {
      tableTitle.setText(m.get("host.noTable"));
      lines.clear();
      checkTotal.setText("");
      return;
    }
    tableTitle.setText(
        m.get(
            "host.table.title",
            t.name(),
            m.get("host.state." + t.state().toLowerCase(Locale.ROOT)),
            t.seats()));
    List<CheckDto> checks = vm.selectedChecks();
    lines.setAll(checks.stream().flatMap(c -> c.lines().stream()).toList());
    long total = checks.stream().mapToLong(CheckDto::total).sum();
    int split = checks.stream().mapToInt(CheckDto::splitWays).max().orElse(1);
    checkTotal.setText(
        checks.isEmpty()
            ? ""
            : split > 1
                ? m.get("host.totalSplit", money(total), split)
                : m.get("host.total", money(total), checks.get(0).number()));
  }

  private void selectParty() {
    UUID p = vm.partyProperty().get();
    PartyDto wanted =
        p == null ? null : parties.stream().filter(x -> x.id().equals(p)).findFirst().orElse(null);
    if (wanted == null) {
      waitlist.getSelectionModel().clearSelection();
    } else if (waitlist.getSelectionModel().getSelectedItem() != wanted) {
      waitlist.getSelectionModel().select(wanted);
    }
    if (p != null && wanted != null && wanted.size() > 0) {
      guests.setText(Integer.toString(wanted.size()));
    }
  }

  private String money(long minor) {
    return new io.kasa.domain.receipt.MoneyFormat(m.locale())
        .amount(io.kasa.domain.money.Money.of(minor, currency));
  }

  private final class PartyCell extends ListCell<PartyDto> {
    @Override
    protected void updateItem(PartyDto p, boolean empty) {
      super.updateItem(p, empty);
      if (empty || p == null) {
        setText(null);
        setId(null);
        return;
      }
      setId("party-" + p.name());
      setMinHeight(Touch.TARGET);
      String notified = "NOTIFIED".equals(p.status()) ? " · " + m.get("host.party.notified") : "";
      if (p.reservedFor() != null && vm.minutesSince(p.reservedFor()) >= LATE_MINUTES) {
        notified += " · " + m.get("host.party.late", vm.minutesSince(p.reservedFor()));
      }
      if (p.reservedFor() != null) {
        String table =
            p.tableId() == null
                ? ""
                : vm.floorProperty().get().table(p.tableId()).map(t -> " · " + t.name()).orElse("");
        setText(
            m.get(
                    "host.party.reservation",
                    HOURS.format(p.reservedFor().atZone(zone)),
                    p.name(),
                    p.size())
                + table
                + notified);
      } else {
        setText(
            m.get(
                    "host.party.walkIn",
                    vm.position(p),
                    p.name(),
                    p.size(),
                    vm.minutesSince(p.addedAt()),
                    p.quotedMinutes() == null
                        ? m.get("host.quote.none")
                        : p.quotedMinutes() == 0
                            ? m.get("host.quote.now")
                            : m.get("host.quote.minutes", p.quotedMinutes()))
                + notified);
      }
    }
  }
}
