package io.kasa.terminal.host;

import io.kasa.api.floor.PartyDto;
import io.kasa.client.floor.FloorState;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.NumberEntry;
import io.kasa.terminal.ui.Touch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The waitlist: the walk-ins in the order they came, each with its size, how long it has waited and
 * the wait it was quoted, then the reservations by time; what to do when nobody waits; the selected
 * party's actions; and the form that adds a party (a time makes it a reservation), in place of the
 * list while it is open.
 */
final class WaitlistPane extends VBox {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  /** A reservation this late is shown as late: seat it, or mark it a no-show. */
  private static final long LATE_MINUTES = 15;

  private final HostViewModel vm;
  private final Messages m;
  private final ZoneId zone;
  private final ObservableList<PartyDto> parties = FXCollections.observableArrayList();
  private final ListView<PartyDto> list = new ListView<>(parties);
  private final Label title = new Label();
  private final BooleanProperty adding = new SimpleBooleanProperty();
  private final TextField name = new TextField();
  private final NumberEntry size;
  private final TextField phone = new TextField();
  private final TextField notes = new TextField();
  private final TextField time = new TextField();

  WaitlistPane(HostViewModel vm, Messages m, ZoneId zone) {
    super(8);
    this.vm = vm;
    this.m = m;
    this.zone = zone;
    this.size = new NumberEntry("party-size", m.binding("host.partySize"), 1, 100, 2);
    getStyleClass().add("waitlist-pane");
    title.setId("waitlist-title");
    title.getStyleClass().add("title-4");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);

    list.setId("waitlist");
    list.setFocusTraversable(false);
    list.setCellFactory(l -> new PartyCell());
    Label empty = new Label();
    empty.setId("waitlist-empty");
    // A cashier at the stand cannot add a party: told who keeps the waitlist, not a key to press.
    empty
        .textProperty()
        .bind(
            m.binding(vm.runsTheFloor() ? "host.waitlist.empty" : "host.waitlist.emptyForCashier"));
    empty.setWrapText(true);
    empty.getStyleClass().add("text-muted");
    empty.setPadding(new javafx.geometry.Insets(12));
    list.setPlaceholder(empty);
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && !b.id().equals(vm.partyProperty().get())) {
                vm.tapParty(b.id());
              }
            });
    VBox.setVgrow(list, Priority.ALWAYS);

    Button notifyButton = Touch.button(m.binding("host.notify"), "F4", vm.waitlist()::notifyParty);
    notifyButton.setId("notify");
    Button noShow = Touch.button(m.binding("host.noShow.button"), null, vm.waitlist()::noShow);
    noShow.setId("no-show");
    Button cancel = Touch.button(m.binding("host.cancel.button"), null, vm.waitlist()::cancelParty);
    cancel.setId("cancel-party");
    HBox partyActions =
        new HBox(8, Touch.grow(notifyButton), Touch.grow(noShow), Touch.grow(cancel));
    partyActions.getStyleClass().add("party-actions");
    boolean hosts = vm.runsTheFloor();
    partyActions
        .visibleProperty()
        .bind(
            vm.partyProperty().isNotNull().and(adding.not()).and(new SimpleBooleanProperty(hosts)));
    partyActions.managedProperty().bind(partyActions.visibleProperty());

    Button open = Touch.button(m.binding("host.addParty"), "F2", this::openForm);
    open.setId("open-party-form");
    open.visibleProperty().bind(adding.not().and(new SimpleBooleanProperty(hosts)));
    open.managedProperty().bind(open.visibleProperty());
    open.setMaxWidth(Double.MAX_VALUE);

    VBox form = form();
    form.visibleProperty().bind(adding);
    form.managedProperty().bind(adding);
    list.visibleProperty().bind(adding.not());
    list.managedProperty().bind(list.visibleProperty());
    VBox.setVgrow(form, Priority.ALWAYS);

    getChildren().addAll(title, list, form, partyActions, open);
    vm.partyProperty().addListener((o, a, b) -> select());
    vm.nowProperty().addListener((o, a, b) -> list.refresh());
    m.localeProperty().addListener((o, a, b) -> refresh());
  }

  /** The labelled fields of a new party: a name and a size, a phone, notes, a time to reserve. */
  private VBox form() {
    Label heading = new Label();
    heading.textProperty().bind(m.binding("host.form.title"));
    heading.getStyleClass().add("title-4");
    heading.setWrapText(true);
    heading.setMinHeight(Region.USE_PREF_SIZE);
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    int row = 0;
    for (Object[] f :
        new Object[][] {
          {name, "party-name", "host.partyName"},
          {phone, "party-phone", "host.partyPhone"},
          {notes, "party-notes", "host.partyNotes"},
          {time, "party-time", "host.partyTime"}
        }) {
      TextField field = (TextField) f[0];
      field.setId((String) f[1]);
      field.setMinHeight(Touch.TARGET - 8);
      field.setOnAction(e -> addParty());
      Label label = new Label();
      label.textProperty().bind(m.binding((String) f[2]));
      label.setLabelFor(field);
      label.setWrapText(true);
      label.setMinHeight(Region.USE_PREF_SIZE);
      GridPane.setHgrow(field, Priority.ALWAYS);
      VBox cell = new VBox(2, label, field);
      grid.add(cell, 0, row++);
      GridPane.setHgrow(cell, Priority.ALWAYS);
      if (field == name) {
        grid.add(size, 0, row++);
      }
    }
    time.promptTextProperty().bind(m.binding("host.partyTime.prompt"));
    Button add = Touch.button(m.binding("host.addParty"), "F2", this::addParty);
    add.setId("add-party");
    Button close = Touch.button(m.binding("host.form.close"), "Esc", this::closeForm);
    close.setId("close-party-form");
    HBox buttons = new HBox(8, Touch.grow(add), Touch.grow(close));
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("edge-to-edge");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    // The buttons above the fields: the pop-up keyboard, over the screen's bottom, never hides
    // them.
    VBox form = new VBox(8, heading, buttons, scroll);
    form.setId("party-form");
    return form;
  }

  /** Whether the form of a new party is open. */
  javafx.beans.property.ReadOnlyBooleanProperty addingProperty() {
    return adding;
  }

  /** F2: opens the form, or adds the party when it is open. */
  void addKey() {
    if (adding.get()) {
      addParty();
    } else {
      openForm();
    }
  }

  /** Esc: closes the form; answers whether it was open. */
  boolean escape() {
    if (!adding.get()) {
      return false;
    }
    closeForm();
    return true;
  }

  private void openForm() {
    adding.set(true);
    name.requestFocus();
  }

  private void closeForm() {
    adding.set(false);
    name.clear();
    phone.clear();
    notes.clear();
    time.clear();
  }

  private void addParty() {
    Instant at = null;
    String typed = time.getText().strip();
    if (!typed.isEmpty()) {
      try {
        LocalTime t = LocalTime.parse(typed, HOURS);
        LocalDate day = LocalDate.now(zone);
        at = day.atTime(t).atZone(zone).toInstant();
        if (at.isBefore(Instant.now().minusSeconds(1800))) {
          at = day.plusDays(1).atTime(t).atZone(zone).toInstant();
        }
      } catch (DateTimeParseException e) {
        vm.waitlist().warnTimeFormat();
        return;
      }
    }
    UUID forTable = at == null ? null : vm.tableProperty().get();
    vm.waitlist()
        .addParty(
            name.getText(),
            size.value(),
            phone.getText(),
            notes.getText(),
            at,
            forTable,
            this::closeForm);
  }

  /** The parties shown, for the column to give the table's check more room when there are none. */
  ObservableList<PartyDto> parties() {
    return parties;
  }

  /** Shows the floor's waiting parties: walk-ins first in line first, then reservations by time. */
  void refresh() {
    FloorState floor = vm.floorProperty().get();
    if (floor == null) {
      return;
    }
    List<PartyDto> shown =
        Stream.concat(floor.line().stream(), floor.reservations().stream()).toList();
    if (!shown.equals(parties)) {
      parties.setAll(shown);
    } else {
      list.refresh();
    }
    title.setText(m.get("host.waitlist.title", floor.line().size(), floor.reservations().size()));
    select();
  }

  private void select() {
    UUID p = vm.partyProperty().get();
    PartyDto wanted =
        p == null ? null : parties.stream().filter(x -> x.id().equals(p)).findFirst().orElse(null);
    if (wanted == null) {
      list.getSelectionModel().clearSelection();
    } else if (list.getSelectionModel().getSelectedItem() != wanted) {
      list.getSelectionModel().select(wanted);
    }
  }

  private final class PartyCell extends ListCell<PartyDto> {
    private final Label when = new Label();
    private final Label who = new Label();
    private final Label detail = new Label();
    private final HBox box;

    PartyCell() {
      when.getStyleClass().add("party-when");
      when.setMinWidth(Region.USE_PREF_SIZE);
      who.getStyleClass().add("party-who");
      who.setWrapText(true);
      who.setMinHeight(Region.USE_PREF_SIZE);
      detail.getStyleClass().add("party-detail");
      detail.setWrapText(true);
      detail.setMinHeight(Region.USE_PREF_SIZE);
      VBox text = new VBox(2, who, detail);
      HBox.setHgrow(text, Priority.ALWAYS);
      text.setMinWidth(0);
      text.setPrefWidth(0);
      box = new HBox(10, when, text);
      box.setAlignment(Pos.CENTER_LEFT);
      setMinHeight(Touch.TARGET);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(PartyDto p, boolean empty) {
      super.updateItem(p, empty);
      setText(null);
      if (empty || p == null) {
        setGraphic(null);
        setId(null);
        return;
      }
      setId("party-" + p.name());
      who.setText(m.get("host.party.who", p.name(), p.size()));
      StringBuilder more = new StringBuilder();
      if (p.reservedFor() != null) {
        when.setText(HOURS.format(p.reservedFor().atZone(zone)));
        if (p.tableId() != null) {
          vm.floorProperty()
              .get()
              .table(p.tableId())
              .ifPresent(t -> more.append(m.get("host.party.table", t.name())));
        }
        long late = vm.minutesSince(p.reservedFor());
        if (p.reservedFor().isBefore(vm.nowProperty().get()) && late >= LATE_MINUTES) {
          append(more, m.get("host.party.late", late));
        }
      } else {
        when.setText(Integer.toString(vm.position(p)));
        more.append(m.get("host.party.waiting", vm.minutesSince(p.addedAt())));
        append(
            more,
            p.quotedMinutes() == null
                ? m.get("host.quote.none")
                : p.quotedMinutes() == 0
                    ? m.get("host.quote.now")
                    : m.get("host.quote.minutes", p.quotedMinutes()));
      }
      if ("NOTIFIED".equals(p.status())) {
        append(more, m.get("host.party.notified"));
      }
      if (p.notes() != null) {
        append(more, p.notes());
      }
      detail.setText(more.toString());
      setGraphic(box);
    }

    private void append(StringBuilder b, String text) {
      if (b.length() > 0) {
        b.append(" · ");
      }
      b.append(text);
    }
  }
}
