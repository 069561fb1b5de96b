package io.kasa.terminal.app;

import io.kasa.terminal.status.StatusViewModel;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom bar: connection and outbox, printer, drawer, an unplugged scanner, employee and shift;
 * colours follow the level.
 */
final class StatusBar extends HBox {

  /** The widest a device or connection state grows before it wraps onto a second line. */
  private static final double STATE_WIDTH = 150;

  StatusBar(
      StatusViewModel vm,
      io.kasa.terminal.i18n.Messages m,
      Runnable language,
      Runnable theme,
      Runnable signOut,
      Runnable about,
      ObservableValue<String> shift) {
    super(12);
    getStyleClass().add("status-bar");
    setPadding(new Insets(6, 12, 6, 12));
    setAlignment(Pos.CENTER_LEFT);
    Label connection = level(vm.connectionProperty(), vm.connectionLevelProperty());
    connection.setId("status-connection");
    // Only when the till has not heard from the service for a while (ADR 0028).
    Label catalogue =
        level(vm.catalogueProperty(), new SimpleObjectProperty<>(StatusViewModel.Level.WARNING));
    catalogue.setId("status-catalogue");
    catalogue.managedProperty().bind(catalogue.textProperty().isNotEmpty());
    catalogue.visibleProperty().bind(catalogue.managedProperty());
    Label printer = level(vm.printerProperty(), vm.printerLevelProperty());
    printer.setId("status-printer");
    Label employee = whole(new Label());
    employee.setId("status-employee");
    employee.textProperty().bind(vm.employeeProperty());
    employee.managedProperty().bind(employee.textProperty().isNotEmpty());
    Label shiftState = whole(new Label());
    shiftState.setId("status-shift");
    shiftState.textProperty().bind(shift);
    // Who and the shift, one over the other: the bar has room for every state at 1024 px.
    javafx.scene.layout.VBox who = new javafx.scene.layout.VBox(0, employee, shiftState);
    who.setAlignment(Pos.CENTER_LEFT);
    who.setMinWidth(Region.USE_PREF_SIZE);
    Label drawer = level(vm.drawerProperty(), vm.drawerLevelProperty());
    drawer.setId("status-drawer");
    // Only while the scanner is unplugged; its return is said in the note.
    Label scanner =
        level(vm.scannerProperty(), new SimpleObjectProperty<>(StatusViewModel.Level.ERROR));
    scanner.setId("status-scanner");
    scanner.managedProperty().bind(scanner.textProperty().isNotEmpty());
    scanner.visibleProperty().bind(scanner.managedProperty());
    // Only while kitchen tickets wait (ADR 0053) or go to the fallback printer (ADR 0057).
    Label kitchen = level(vm.kitchenProperty(), vm.kitchenLevelProperty());
    kitchen.setId("status-kitchen");
    kitchen.managedProperty().bind(kitchen.textProperty().isNotEmpty());
    kitchen.visibleProperty().bind(kitchen.managedProperty());
    Label note = new Label();
    note.setId("status-note");
    note.textProperty().bind(vm.noteProperty());
    note.setWrapText(true);
    note.setMinWidth(0);
    note.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(note, Priority.ALWAYS);
    javafx.scene.control.Button lang = small(m.binding("status.language"), language);
    lang.setId("language");
    javafx.scene.control.Button look = small(m.binding("status.theme"), theme);
    look.setId("theme");
    javafx.scene.control.Button out = small(keyBelow(m.binding("status.signOut")), signOut);
    out.setId("sign-out");
    out.visibleProperty().bind(vm.employeeProperty().isNotEmpty());
    javafx.scene.control.Button info = small(keyBelow(m.binding("status.about")), about);
    info.setId("about");
    getChildren()
        .addAll(
            connection,
            catalogue,
            printer,
            drawer,
            scanner,
            kitchen,
            note,
            who,
            out,
            lang,
            look,
            info);
  }

  /** "Sign out (Ctrl+L)" as "Sign out" over "(Ctrl+L)", as the keys on the other buttons. */
  private static javafx.beans.binding.StringBinding keyBelow(
      javafx.beans.binding.StringBinding label) {
    return javafx.beans.binding.Bindings.createStringBinding(
        () -> label.get().replace(" (", "\n("), label);
  }

  /** A label never shortened: the bar gives it its whole text. */
  private static Label whole(Label l) {
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** Status-bar buttons: 48 px, the touch minimum, to leave room for the screen above. */
  private static javafx.scene.control.Button small(
      javafx.beans.binding.StringBinding label, Runnable action) {
    javafx.scene.control.Button b = new javafx.scene.control.Button();
    b.textProperty().bind(label);
    b.setMinSize(48, 48);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  /**
   * A device or connection state: on one line when there is room, else on two lines of at most
   * {@link #STATE_WIDTH} px, never shortened (its minimum width is what two lines need).
   */
  private static Label level(
      ObservableValue<String> text, ObservableValue<StatusViewModel.Level> level) {
    Label l =
        new Label() {
          @Override
          protected double computeMinWidth(double height) {
            return Math.min(computePrefWidth(height), STATE_WIDTH);
          }
        };
    l.setWrapText(true);
    l.setMaxWidth(STATE_WIDTH);
    l.textProperty().bind(text);
    level.addListener(
        (o, a, b) -> {
          l.getStyleClass().removeAll("level-ok", "level-warning", "level-error");
          l.getStyleClass().add("level-" + b.name().toLowerCase(java.util.Locale.ROOT));
        });
    l.getStyleClass().add("level-" + level.getValue().name().toLowerCase(java.util.Locale.ROOT));
    return l;
  }
}
