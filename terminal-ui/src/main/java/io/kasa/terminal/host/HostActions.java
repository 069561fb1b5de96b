package io.kasa.terminal.host;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.TableDto;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.NumberEntry;
import io.kasa.terminal.ui.Touch;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The actions on the selected table, as large buttons that name what they act on ("Seat Коваленко
 * (4) at table 6"): seating a free table; adding items (with a note, for a seat, in a course) and
 * working the check of a taken one (sending it, firing its next held course); splitting it;
 * cancelling a move or merge in progress. Only what applies to the table is shown, in the same
 * place under the floor.
 */
final class HostActions extends VBox {

  /**
   * Its tallest face: the item entry over the check's and the table's rows of buttons, whose names
   * wrap to three lines at 1024 px (higher than the split's two rows of labelled counts).
   */
  private static final double HEIGHT = 240;

  private final HostViewModel vm;
  private final Messages m;
  private final Supplier<List<CheckLineDto>> chosen;
  private final BooleanProperty splitting = new SimpleBooleanProperty();

  private final NumberEntry guests;
  private final Button seat = button("seat", () -> seat());
  private final Button seatAnyway =
      button("seat-anyway", () -> on(v -> v.seatAnyway(guestsToSeat())));
  private final TextField item = new TextField();
  private final NumberEntry itemSeat;
  private final TextField note = new TextField();
  private final Button kitchen = button("send-kitchen", () -> on(v -> v.order().sendToKitchen()));
  private final Button fire = button("fire-course", () -> on(v -> v.order().fireCourse()));
  private final Button course = button("item-course", () -> nextCourse());
  private final Button prebill = button("prebill", () -> on(v -> v.bill().prebill()));
  private final Button move = button("move", () -> on(v -> v.startMove()));
  private final Button merge = button("merge", () -> on(v -> v.startMerge()));
  private final Button split = button("split", () -> toggleSplit());
  private final Button pay = button("pay-check", () -> on(v -> v.pay()));
  private final Button clear = button("clear-table", () -> on(v -> v.clear()));
  private final NumberEntry splitSeat;
  private final NumberEntry ways;
  private final Button bySeat = button("split-seat", () -> splitBySeat());
  private final Button byItems = button("split-items", () -> splitItems());
  private final Button evenly = button("split-even", () -> splitEvenly());
  private final Button back = button("split-back", () -> splitting.set(false));
  private final Label modePrompt = new Label();
  private final Button cancelMode = button("cancel-mode", () -> on(v -> v.cancelMode()));
  private final HBox seatRow;
  private final HBox itemRow;
  private final HBox checkRow;
  private final HBox tableRow;
  private final HBox splitSeatRow;
  private final HBox splitEvenRow;
  private final HBox modeRow;

  HostActions(HostViewModel vm, Messages m, Supplier<List<CheckLineDto>> chosen) {
    super(8);
    this.vm = vm;
    this.m = m;
    this.chosen = chosen;
    getStyleClass().add("host-actions");
    // As tall as its tallest face (the split's two rows of labelled counts), whatever the table:
    // the floor above never moves when another table is tapped.
    setMinHeight(HEIGHT);
    setPrefHeight(HEIGHT);
    setMaxHeight(HEIGHT);
    setAlignment(Pos.BOTTOM_LEFT);
    guests = new NumberEntry("guests", m.binding("host.guestsPrompt"), 1, 100, 2);
    itemSeat = new NumberEntry("item-seat", m.binding("host.itemSeat"), 0, 99, 0);
    splitSeat = new NumberEntry("split-seat-number", m.binding("host.seatPrompt"), 1, 99, 1);
    ways = new NumberEntry("split-ways", m.binding("host.waysPrompt"), 2, 20, 2);
    guests.valueProperty().addListener((o, a, b) -> refresh());
    splitSeat.valueProperty().addListener((o, a, b) -> refresh());
    ways.valueProperty().addListener((o, a, b) -> refresh());

    item.setId("item-code");
    item.setMinHeight(56);
    item.setOnAction(e -> addItem());
    Label itemLabel = new Label();
    itemLabel.textProperty().bind(m.binding("host.itemPrompt"));
    itemLabel.setLabelFor(item);
    itemLabel.setMinWidth(0);
    // The note beside the code, under the same caption: its prompt says what it is for.
    note.setId("item-note");
    note.setMinHeight(56);
    note.promptTextProperty().bind(m.binding("host.notePrompt"));
    note.accessibleTextProperty().bind(m.binding("host.notePrompt"));
    note.setTextFormatter(
        new javafx.scene.control.TextFormatter<String>(
            c ->
                c.getControlNewText().length() <= io.kasa.domain.sale.ModifierSelection.NOTE_MAX
                    ? c
                    : null));
    note.setOnAction(e -> addItem());
    item.setPrefColumnCount(6);
    note.setPrefColumnCount(6);
    VBox itemBox = new VBox(2, itemLabel, row(grow(item), grow(note)));
    // It takes what the seat, course and Add leave (it alone grows): asking little keeps the row
    // from squeezing their words (the .touch style lets a button shrink to 64 px).
    itemBox.setPrefWidth(120);

    Button add = button("add-item", this::addItem);
    add.textProperty().bind(m.binding("host.addItem").concat("\nEnter"));
    add.setPrefWidth(Region.USE_COMPUTED_SIZE);
    add.setMinWidth(Region.USE_PREF_SIZE);

    seatRow = row(guests, grow(seat), grow(seatAnyway));
    // The course of the items added next (ADR 0056): a touch moves it on, Ctrl+0…9 set it, and it
    // stays for the items after.
    course.setPrefWidth(Region.USE_COMPUTED_SIZE);
    course.setMinWidth(Region.USE_PREF_SIZE);
    vm.order().courseProperty().addListener((o, a, b) -> refresh());
    itemRow = row(grow(itemBox), itemSeat, course, add);
    // Two rows, the check's and the table's, so each word stays whole at 1024 px.
    checkRow = row(grow(kitchen), grow(fire), grow(prebill), grow(pay));
    tableRow = row(grow(split), grow(move), grow(merge), grow(clear));
    splitSeatRow = row(splitSeat, grow(bySeat), grow(byItems));
    splitEvenRow = row(ways, grow(evenly), grow(back));
    modePrompt.setWrapText(true);
    modePrompt.setMinHeight(Region.USE_PREF_SIZE);
    modePrompt.getStyleClass().add("title-4");
    // As wide as its word: a narrow Cancel broke «Скасувати» mid-word.
    cancelMode.setPrefWidth(Region.USE_COMPUTED_SIZE);
    cancelMode.setMinWidth(Region.USE_PREF_SIZE);
    modeRow = row(grow(modePrompt), cancelMode);
    modePrompt.setMaxWidth(Double.MAX_VALUE);
    getChildren().addAll(seatRow, itemRow, checkRow, tableRow, splitSeatRow, splitEvenRow, modeRow);
    for (HBox row :
        List.of(seatRow, itemRow, checkRow, tableRow, splitSeatRow, splitEvenRow, modeRow)) {
      row.managedProperty().bind(row.visibleProperty());
    }
    vm.busyProperty().addListener((o, a, b) -> setDisable(b));
    splitting.addListener((o, a, b) -> refresh());
    vm.modeProperty().addListener((o, a, b) -> refresh());
    vm.partyProperty().addListener((o, a, b) -> refresh());
  }

  private void on(java.util.function.Consumer<HostViewModel> action) {
    action.accept(vm);
  }

  private static HBox row(Node... nodes) {
    HBox row = new HBox(8, nodes);
    row.setAlignment(Pos.BOTTOM_LEFT);
    return row;
  }

  private static <T extends Region> T grow(T node) {
    HBox.setHgrow(node, Priority.ALWAYS);
    return node;
  }

  private static Button button(String id, Runnable action) {
    Button b = Touch.key("", action);
    b.setId(id);
    b.getStyleClass().add("host-action");
    b.setMinWidth(Touch.TARGET);
    b.setPrefWidth(Touch.TARGET);
    b.setMinHeight(Touch.TARGET);
    b.setWrapText(true);
    return b;
  }

  /** Shows what applies to the selected table, in the words of its party and number. */
  void refresh() {
    Optional<TableDto> t = vm.selectedTable();
    HostViewModel.Mode mode = vm.modeProperty().get();
    boolean moving = mode != HostViewModel.Mode.SELECT;
    boolean free = t.map(x -> "FREE".equals(x.state()) && x.joinedTo() == null).orElse(false);
    List<CheckDto> checks = vm.selectedChecks();
    boolean open = checks.stream().anyMatch(c -> !"PAID".equals(c.state()));
    boolean taken = t.isPresent() && !free;
    if (!open) {
      splitting.set(false);
    }
    boolean splitShown = splitting.get() && open;
    seatRow.setVisible(!moving && (free || t.isEmpty()) && vm.runsTheFloor());
    itemRow.setVisible(!moving && open && !splitShown);
    tableRow.setVisible(!moving && taken && !splitShown);
    checkRow.setVisible(tableRow.isVisible() && open);
    splitSeatRow.setVisible(!moving && splitShown);
    splitEvenRow.setVisible(!moving && splitShown);
    modeRow.setVisible(moving);
    String table = t.map(TableDto::name).orElse("");
    Optional<PartyDto> party = vm.selectedParty();
    seat.setText(
        key(
            t.isEmpty()
                ? m.get("host.seat")
                : party
                    .map(p -> m.get("host.seatParty", p.name(), p.size(), table))
                    .orElseGet(() -> m.get("host.seatGuests", guests.value(), table)),
            "F3"));
    guests.setDisable(party.isPresent());
    seat.setDisable(t.isEmpty());
    boolean held = t.map(x -> x.heldFor() != null).orElse(false);
    seatAnyway.setVisible(held);
    seatAnyway.setManaged(held);
    seatAnyway.setText(m.get("host.seatAnyway"));
    kitchen.setText(key(m.get("host.sendKitchen"), "F11"));
    Optional<Integer> next = vm.order().nextCourse();
    fire.setText(
        key(
            next.map(n -> m.get("host.fireCourse", n)).orElseGet(() -> m.get("host.fireNone")),
            "F12"));

    prebill.setText(key(m.get("host.prebillTable", table), "F6"));
    move.setText(key(m.get("host.moveTable", table), "F7"));
    merge.setText(key(m.get("host.mergeTable", table), "F8"));
    int number = checks.stream().findFirst().map(CheckDto::number).orElse(0);
    split.setText(key(m.get("host.splitCheck", number), "F9"));
    pay.setText(key(m.get("host.payCheck", number), "F10"));
    clear.setText(key(m.get("host.clearTable", table), "F5"));
    for (Button b : List.of(kitchen, fire, prebill, move, merge, split, pay)) {
      b.setVisible(open);
      b.setManaged(open);
    }
    fire.setDisable(next.isEmpty());
    int inCourse = vm.order().courseProperty().get();
    course.setText(
        key(
            inCourse == 0 ? m.get("host.course.none") : m.get("host.course", inCourse),
            "Ctrl+0…3"));
    pay.setVisible(open && vm.canSell());
    pay.setManaged(open && vm.canSell());
    for (Button b : List.of(move, merge)) {
      b.setVisible(open && vm.runsTheFloor());
      b.setManaged(open && vm.runsTheFloor());
    }
    bySeat.setText(m.get("host.split.bySeat", splitSeat.value()));
    byItems.setText(m.get("host.split.byItems", chosen.get().size()));
    evenly.setText(m.get("host.split.evenly", ways.value()));
    back.setText(key(m.get("host.split.back"), "Esc"));
    modePrompt.setText(
        mode == HostViewModel.Mode.MOVE
            ? m.get("host.moveWhere", table)
            : m.get("host.mergeWhich", table));
    cancelMode.setText(key(m.get("host.cancelMode"), "Esc"));
  }

  private static String key(String label, String key) {
    return label + "\n" + key;
  }

  /** The seat entry and items picked on the check changed: the split's buttons say so. */
  void chosenChanged() {
    byItems.setText(m.get("host.split.byItems", chosen.get().size()));
  }

  /** F3. */
  void seat() {
    vm.seat(guestsToSeat());
  }

  private int guestsToSeat() {
    return guests.value();
  }

  /** F9: shows the ways to split the check, or hides them. */
  void toggleSplit() {
    if (vm.selectedChecks().stream().noneMatch(c -> !"PAID".equals(c.state()))) {
      vm.bill().splitBySeat(splitSeat.value());
      return;
    }
    splitting.set(!splitting.get());
  }

  /** Esc: leaves the split's choices; answers whether they were shown. */
  boolean escape() {
    if (splitting.get()) {
      splitting.set(false);
      return true;
    }
    return false;
  }

  private void splitBySeat() {
    vm.bill().splitBySeat(splitSeat.value());
    splitting.set(false);
  }

  private void splitItems() {
    List<java.util.UUID> ids = chosen.get().stream().map(CheckLineDto::id).toList();
    vm.bill().splitItems(ids);
    if (!ids.isEmpty()) {
      splitting.set(false);
    }
  }

  private void splitEvenly() {
    vm.bill().splitEvenly(ways.value());
    splitting.set(false);
  }

  /** A touch on the course: none, 1, 2, 3, and round again; it stays for the items after. */
  private void nextCourse() {
    var c = vm.order().courseProperty();
    c.set((c.get() + 1) % 4);
  }

  /** A code scanned: into the item code field, then added for the seat chosen beside it. */
  void scanned(String code) {
    item.setText(code);
    addItem();
  }

  private void addItem() {
    String code = item.getText().strip();
    if (!code.isEmpty()) {
      vm.order().addItem(code, "1", itemSeat.value(), note.getText());
      item.clear();
      note.clear();
    }
  }
}
