package io.kasa.terminal.app;

import io.kasa.terminal.status.StatusViewModel;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom bar: connection and outbox, printer, drawer, employee and shift; colours follow the
 * level.
 */
final class StatusBar extends HBox {

  StatusBar(
      StatusViewModel vm,
      io.kasa.terminal.i18n.Messages m,
      Runnable language,
      Runnable theme,
      Runnable signOut,
      Runnable about,
      ObservableValue<String> shift) {
    super(24);
    getStyleClass().add("status-bar");
    setPadding(new Insets(6, 16, 6, 16));
    setAlignment(Pos.CENTER_LEFT);
    Label connection = level(vm.connectionProperty(), vm.connectionLevelProperty());
    connection.setId("status-connection");
    Label printer = level(vm.printerProperty(), vm.printerLevelProperty());
    printer.setId("status-printer");
    Label employee = new Label();
    employee.setId("status-employee");
    employee.textProperty().bind(vm.employeeProperty());
    Label shiftState = new Label();
    shiftState.setId("status-shift");
    shiftState.textProperty().bind(shift);
    Label drawer = level(vm.drawerProperty(), vm.drawerLevelProperty());
    drawer.setId("status-drawer");
    Label note = new Label();
    note.setId("status-note");
    note.textProperty().bind(vm.noteProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    javafx.scene.control.Button lang = small(m.binding("status.language"), language);
    lang.setId("language");
    javafx.scene.control.Button look = small(m.binding("status.theme"), theme);
    look.setId("theme");
    javafx.scene.control.Button out = small(m.binding("status.signOut"), signOut);
    out.setId("sign-out");
    out.visibleProperty().bind(vm.employeeProperty().isNotEmpty());
    javafx.scene.control.Button info = small(m.binding("status.about"), about);
    info.setId("about");
    getChildren()
        .addAll(
            connection, printer, drawer, note, gap, employee, shiftState, out, lang, look, info);
  }

  /** Status-bar buttons: 48 px, the touch minimum, to leave room for the screen above. */
  private static javafx.scene.control.Button small(
      javafx.beans.binding.StringBinding label, Runnable action) {
    javafx.scene.control.Button b = new javafx.scene.control.Button();
    b.textProperty().bind(label);
    b.setMinSize(48, 48);
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static Label level(
      ObservableValue<String> text, ObservableValue<StatusViewModel.Level> level) {
    Label l = new Label();
    l.textProperty().bind(text);
    level.addListener(
        (o, a, b) -> {
          l.getStyleClass().removeAll("level-ok", "level-warning", "level-error");
          l.getStyleClass().add("level-" + b.name().toLowerCase(java.util.Locale.ROOT));
        });
    l.getStyleClass().add("level-ok");
    return l;
  }
}
