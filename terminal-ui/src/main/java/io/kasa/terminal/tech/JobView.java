package io.kasa.terminal.tech;

import io.kasa.terminal.devices.SentJob;
import io.kasa.terminal.i18n.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The bench's jobs: what was sent this session, newest first, and the chosen job's bytes as its
 * printer reads them (commands by name, text decoded through its code page) or as a hex dump.
 */
final class JobView extends VBox {

  /** The smallest side of a row or toggle that is tapped (ADR 0025). */
  private static final double TAPPED = 48;

  JobView(BenchJobs jobs, Messages m) {
    super(8);
    ListView<SentJob> list = new ListView<>(jobs.jobs());
    list.setId("bench-jobs");
    list.setFocusTraversable(false);
    list.setPrefHeight(3 * TAPPED + 4);
    list.setMinHeight(2 * TAPPED + 4);
    Label none = wrapped(m, "tech.job.none");
    none.maxWidthProperty().bind(list.widthProperty().subtract(24));
    list.setPlaceholder(none);
    list.setCellFactory(
        l ->
            new ListCell<>() {
              {
                wrapTo(this, l);
                setMinHeight(TAPPED);
              }

              @Override
              protected void updateItem(SentJob job, boolean empty) {
                super.updateItem(job, empty);
                setText(empty || job == null ? null : jobs.describe(job));
              }
            });
    jobs.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                jobs.selectedProperty().set(now);
              }
            });
    m.localeProperty().addListener((o, was, now) -> list.refresh());

    ToggleGroup group = new ToggleGroup();
    ToggleButton commands = toggle(m, "tech.job.commands", "job-commands", group);
    ToggleButton hex = toggle(m, "tech.job.hex", "job-hex", group);
    BooleanProperty showHex = jobs.showHexProperty();
    commands.setSelected(!showHex.get());
    hex.setSelected(showHex.get());
    group
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                // One of the two is always shown: a second tap does not leave neither.
                was.setSelected(true);
              } else {
                showHex.set(now == hex);
              }
            });
    HBox switches = new HBox(8, commands, hex);

    ListView<String> decoded = bytes(jobs.decoded(), "job-decoded");
    ListView<String> dump = bytes(jobs.hex(), "job-hex-view");
    decoded.visibleProperty().bind(showHex.not());
    dump.visibleProperty().bind(showHex);
    StackPane shown = new StackPane(decoded, dump);
    VBox.setVgrow(shown, Priority.ALWAYS);
    getChildren().addAll(list, switches, shown);
  }

  private static ToggleButton toggle(Messages m, String key, String id, ToggleGroup group) {
    ToggleButton b = new ToggleButton();
    b.textProperty().bind(m.binding(key));
    b.setId(id);
    b.setToggleGroup(group);
    b.setFocusTraversable(false);
    b.setMinHeight(TAPPED);
    b.setMinWidth(96);
    b.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(b, Priority.ALWAYS);
    return b;
  }

  /**
   * A read-only list of a job's rows in the printer's monospaced look, one row of paper each (the
   * rows are cut to fit the bench's column).
   */
  private static ListView<String> bytes(
      javafx.collections.ObservableList<String> lines, String id) {
    ListView<String> list = new ListView<>(lines);
    list.setId(id);
    list.setFocusTraversable(false);
    list.getStyleClass().addAll("receipt", "bench-rows");
    list.setMinHeight(3 * 20);
    return list;
  }

  /**
   * Wraps a cell's text to its list's width (less a scroll bar's) rather than widening the list
   * past it, so nothing is cut off on the right.
   */
  static void wrapTo(ListCell<?> cell, ListView<?> list) {
    cell.setWrapText(true);
    cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
    cell.setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
  }

  private static Label wrapped(Messages m, String key) {
    Label l = new Label();
    l.textProperty().bind(m.binding(key));
    l.setWrapText(true);
    return l;
  }
}
