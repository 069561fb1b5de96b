package io.kasa.terminal.host;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.TableDto;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected table: its number and party, its guests, minutes and state, and its check line by
 * line with full prices and the total. Items are picked by touch for a split.
 */
final class TablePane extends VBox {

  private final HostViewModel vm;
  private final Messages m;
  private final LongFunction<String> money;
  private final Label title = new Label();
  private final Label subtitle = new Label();
  private final ObservableList<CheckLineDto> lines = FXCollections.observableArrayList();
  private final ListView<CheckLineDto> check = new ListView<>(lines);
  private final Label total = new Label();

  private final javafx.beans.InvalidationListener relabel = o -> check.refresh();

  TablePane(HostViewModel vm, Messages m, LongFunction<String> money) {
    super(4);
    this.vm = vm;
    this.m = m;
    this.money = money;
    getStyleClass().add("table-pane");
    title.setId("table-title");
    title.getStyleClass().add("title-4");
    subtitle.setId("table-subtitle");
    subtitle.getStyleClass().add("text-muted");
    for (Label l : List.of(title, subtitle)) {
      l.setWrapText(true);
      l.setMinHeight(Region.USE_PREF_SIZE);
    }
    check.setId("check-lines");
    check.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    check.setFocusTraversable(false);
    check.setCellFactory(l -> new LineCell());
    Label empty = new Label();
    empty.textProperty().bind(m.binding("host.check.empty"));
    empty.setWrapText(true);
    empty.getStyleClass().add("text-muted");
    check.setPlaceholder(empty);
    // Lines unchanged keep their cells: in another language their amounts and states are redrawn.
    // Weakly: the words outlive this stand, which goes at sign-out.
    m.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    VBox.setVgrow(check, Priority.ALWAYS);
    total.setId("check-total");
    total.getStyleClass().add("check-total");
    total.setWrapText(true);
    total.setMinHeight(Region.USE_PREF_SIZE);
    total.setMaxWidth(Double.MAX_VALUE);
    total.setAlignment(Pos.CENTER_RIGHT);
    getChildren().addAll(title, subtitle, check, total);
  }

  /** Tells {@code changed} whenever the lines picked for a split change. */
  void chosenListener(Runnable changed) {
    check
        .getSelectionModel()
        .getSelectedItems()
        .addListener((javafx.collections.ListChangeListener<CheckLineDto>) c -> changed.run());
  }

  /** The lines picked for a split. */
  List<CheckLineDto> chosen() {
    return List.copyOf(check.getSelectionModel().getSelectedItems());
  }

  /** Shows the selected table, as the floor shows it now. */
  void refresh() {
    TableDto t = vm.selectedTable().orElse(null);
    check.setVisible(t != null);
    if (t == null) {
      title.setText(m.get("host.noTable"));
      subtitle.setText(m.get("host.noTable.hint"));
      lines.clear();
      total.setText("");
      return;
    }
    List<CheckDto> checks = vm.selectedChecks();
    String party =
        checks.stream().map(CheckDto::party).filter(Objects::nonNull).findFirst().orElse(null);
    title.setText(
        party == null
            ? m.get("host.table.name", t.name())
            : m.get("host.table.party", t.name(), party));
    String state = m.get("host.tableState." + t.state().toLowerCase(Locale.ROOT));
    subtitle.setText(
        "FREE".equals(t.state())
            ? m.get("host.table.free", t.seats(), state)
            : m.get(
                "host.table.taken",
                t.guests() == null ? 0 : t.guests(),
                vm.minutesSince(t.seatedAt()),
                state));
    List<CheckLineDto> now = checks.stream().flatMap(c -> c.lines().stream()).toList();
    if (!now.equals(lines)) {
      lines.setAll(now);
    }
    check.setVisible(!checks.isEmpty());
    long sum = checks.stream().mapToLong(CheckDto::total).sum();
    int split = checks.stream().mapToInt(CheckDto::splitWays).max().orElse(1);
    total.setText(
        checks.isEmpty()
            ? ""
            : split > 1
                ? m.get("host.totalSplit", money.apply(sum), split)
                : checks.size() > 1
                    ? m.get("host.totalChecks", money.apply(sum), checks.size())
                    : m.get("host.total", money.apply(sum), checks.get(0).number()));
  }

  /** Where a line is: not sent yet (in its course), held for its course, or at the kitchen. */
  private String state(CheckLineDto l) {
    if (l.sentAt() != null) {
      return m.get("host.line.sent");
    }
    if (l.held()) {
      return m.get("host.line.held", l.course());
    }
    return l.course() > 0 ? m.get("host.line.unsentCourse", l.course()) : m.get("host.line.unsent");
  }

  /** A line of the check: seat and quantity × name, wrapping, and the amount in full. */
  private final class LineCell extends ListCell<CheckLineDto> {
    private final Label what = new Label();
    private final Label amount = new Label();
    private final Label extras = new Label();
    private final HBox box;

    LineCell() {
      what.setWrapText(true);
      what.setMinHeight(Region.USE_PREF_SIZE);
      what.setMinWidth(0);
      what.setPrefWidth(0);
      HBox.setHgrow(what, Priority.ALWAYS);
      what.setMaxWidth(Double.MAX_VALUE);
      amount.setMinWidth(Region.USE_PREF_SIZE);
      amount.getStyleClass().add("line-amount");
      extras.setWrapText(true);
      extras.setMinHeight(Region.USE_PREF_SIZE);
      extras.setMinWidth(0);
      extras.setPrefWidth(0);
      extras.setMaxWidth(Double.MAX_VALUE);
      extras.getStyleClass().add("text-muted");
      javafx.scene.layout.VBox lines = new javafx.scene.layout.VBox(2, what, extras);
      lines.setMinWidth(0);
      lines.setPrefWidth(0);
      HBox.setHgrow(lines, Priority.ALWAYS);
      lines.setMaxWidth(Double.MAX_VALUE);
      box = new HBox(8, lines, amount);
      box.setAlignment(Pos.CENTER_LEFT);
      setMinHeight(Touch.TARGET - 16);
      setPrefWidth(0);
      // A tap picks an item or puts it back, as fingers have no Ctrl key.
      addEventFilter(
          MouseEvent.MOUSE_PRESSED,
          e -> {
            if (isEmpty()) {
              return;
            }
            var selection = getListView().getSelectionModel();
            if (selection.isSelected(getIndex())) {
              selection.clearSelection(getIndex());
            } else {
              selection.select(getIndex());
            }
            e.consume();
          });
    }

    @Override
    protected void updateItem(CheckLineDto l, boolean empty) {
      super.updateItem(l, empty);
      setText(null);
      if (empty || l == null) {
        setGraphic(null);
        setId(null);
        return;
      }
      setId("line-" + l.itemId() + "-" + getIndex());
      what.setText(
          l.seat() > 0
              ? m.get("host.line.seat", l.seat(), l.quantity(), l.name())
              : m.get("host.line", l.quantity(), l.name()));
      // Beneath: the options and note as the receipt words them, then whether the kitchen has it.
      StringBuilder more = new StringBuilder();
      for (io.kasa.api.sales.ChosenModifierDto o : l.modifiers()) {
        more.append("+ ").append(o.groupName()).append(": ").append(o.optionName()).append('\n');
      }
      if (l.note() != null) {
        more.append(m.get("host.line.note", l.note())).append('\n');
      }
      more.append(state(l));
      extras.setText(more.toString());
      amount.setText(money.apply(l.amount()));
      setGraphic(box);
    }
  }
}
