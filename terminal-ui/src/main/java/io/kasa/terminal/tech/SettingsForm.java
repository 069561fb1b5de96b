package io.kasa.terminal.tech;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Each role's device and settings, then the logo file: in two columns (the printers; the drawer and
 * the scanner) where the screen has room for both, else one under the other. It scrolls down, never
 * sideways.
 */
final class SettingsForm extends ScrollPane {

  /** The narrowest a column of settings reads well. */
  private static final double COLUMN = 250;

  private final TechViewModel vm;
  private final Messages m;
  private final TextField logo = new TextField();

  SettingsForm(TechViewModel vm, Messages m) {
    this.vm = vm;
    this.m = m;
    VBox printers = printers();
    VBox drawerAndScanner = drawerAndScanner();
    GridPane columns = new GridPane();
    columns.setHgap(12);
    columns.setVgap(10);
    ColumnConstraints half = new ColumnConstraints();
    half.setHgrow(Priority.ALWAYS);
    half.setPercentWidth(50);
    Runnable arrange =
        () -> {
          columns.getChildren().clear();
          columns.getColumnConstraints().clear();
          if (getViewportBounds().getWidth() >= 2 * COLUMN + 12) {
            columns.getColumnConstraints().setAll(half, half);
            columns.add(printers, 0, 0);
            columns.add(drawerAndScanner, 1, 0);
          } else {
            columns.add(printers, 0, 0);
            columns.add(drawerAndScanner, 0, 1);
          }
        };
    arrange.run();
    viewportBoundsProperty()
        .addListener(
            (o, was, now) -> {
              boolean two = now.getWidth() >= 2 * COLUMN + 12;
              if (two != (columns.getColumnConstraints().size() == 2)) {
                arrange.run();
              }
            });
    VBox content = new VBox(10, title(m, "tech.setup"), columns, logo());
    content.setPadding(new Insets(0, 4, 0, 0));
    setContent(content);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    setFocusTraversable(false);
    getStyleClass().add("edge-to-edge");
  }

  /** The logo file the technician chose, or blank. */
  String logoPath() {
    return logo.getText().strip();
  }

  private VBox printers() {
    List<String> profiles =
        PrinterProfiles.builtIn().all().stream().map(PrinterProfile::id).toList();
    ComboBox<String> pages = choice(DeviceSettings.CODE_PAGE, "code-page", List.of());
    Runnable refreshPages =
        () ->
            pages
                .getItems()
                .setAll(
                    Stream.concat(
                            Stream.of(""),
                            receiptProfile()
                                .map(p -> p.pages().stream().map(Enum::name))
                                .orElse(Stream.empty()))
                        .toList());
    refreshPages.run();
    vm.field(DeviceSettings.PRINTER_PROFILE).addListener((o, a, b) -> refreshPages.run());
    // Empty means automatic: say which page that starts in for this profile (it switches to
    // another of the profile's pages only for a character the first cannot print).
    pages.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String page) {
            if (page != null && !page.isEmpty()) {
              return page;
            }
            return receiptProfile()
                .filter(p -> !p.pages().isEmpty())
                .map(p -> m.get("tech.codePage.auto", p.pages().get(0).name()))
                .orElse(m.get("tech.codePage.auto", "—"));
          }

          @Override
          public String fromString(String text) {
            return text;
          }
        });
    return new VBox(
        4,
        label(m, "tech.printer"),
        text(DeviceSettings.PRINTER_URI, "printer-uri"),
        label(m, "tech.profile"),
        choice(DeviceSettings.PRINTER_PROFILE, "printer-profile", profiles),
        provenance(DeviceSettings.PRINTER_PROFILE, "printer-profile-provenance"),
        label(m, "tech.codePage"),
        pages,
        label(m, "tech.paper"),
        choice(DeviceSettings.PAPER, "paper", List.of("0", "58", "80")),
        label(m, "tech.kitchen"),
        text(DeviceSettings.KITCHEN_URI, "kitchen-uri"),
        label(m, "tech.profile"),
        choice(DeviceSettings.KITCHEN_PROFILE, "kitchen-profile", profiles),
        provenance(DeviceSettings.KITCHEN_PROFILE, "kitchen-profile-provenance"),
        label(m, "tech.kitchenStations"),
        stations(),
        label(m, "tech.fallback"),
        text(DeviceSettings.KITCHEN_FALLBACK_URI, "kitchen-fallback-uri"),
        label(m, "tech.profile"),
        choice(DeviceSettings.KITCHEN_FALLBACK_PROFILE, "kitchen-fallback-profile", profiles),
        provenance(DeviceSettings.KITCHEN_FALLBACK_PROFILE, "kitchen-fallback-provenance"),
        testFallback());
  }

  /**
   * The store's kitchen stations as boxes to tick (ADR 0057), read from the service; under them
   * what none ticked means, or that the service did not answer.
   */
  private VBox stations() {
    KitchenChoices kitchen = vm.kitchen();
    VBox boxes = new VBox(2);
    boxes.setId("kitchen-stations");
    Runnable fill =
        () ->
            boxes
                .getChildren()
                .setAll(kitchen.stations().stream().map(s -> station(kitchen, s)).toList());
    fill.run();
    kitchen.stations().addListener((javafx.collections.ListChangeListener<Object>) c -> fill.run());
    vm.field(DeviceSettings.KITCHEN_STATIONS)
        .addListener(
            (o, a, b) ->
                boxes.getChildren().stream()
                    .map(CheckBox.class::cast)
                    .forEach(box -> box.setSelected(kitchen.ticked((String) box.getUserData()))));
    Label note = new Label();
    note.setId("kitchen-stations-note");
    note.setWrapText(true);
    note.setMinHeight(Region.USE_PREF_SIZE);
    note.getStyleClass().add("text-muted");
    note.textProperty().bind(kitchen.noteProperty());
    note.managedProperty().bind(note.textProperty().isNotEmpty());
    note.visibleProperty().bind(note.managedProperty());
    return new VBox(2, boxes, note);
  }

  private CheckBox station(KitchenChoices kitchen, KitchenChoices.Station s) {
    CheckBox box = new CheckBox();
    box.setId("kitchen-station-" + s.id());
    box.setUserData(s.id());
    if (s.name() == null) {
      box.textProperty().bind(m.binding("tech.kitchenStations.unknown", s.id()));
    } else {
      // The store's name for it, as tickets print it; the id is the setting's business.
      box.setText(s.name());
    }
    box.setWrapText(true);
    box.setMinHeight(Touch.TARGET - 16);
    box.setMaxWidth(Double.MAX_VALUE);
    box.setSelected(kitchen.ticked(s.id()));
    box.selectedProperty().addListener((o, a, b) -> kitchen.tick(s.id(), b));
    return box;
  }

  private Button testFallback() {
    Button b = Touch.button(m.binding("tech.testFallback"), null, vm::testFallback);
    b.setId("test-fallback");
    return Touch.grow(b);
  }

  /**
   * Under a profile choice: where the chosen profile's facts come from, or that they are assumed
   * and unverified (then styled as a warning). Follows the choice and the language.
   */
  private Label provenance(String setting, String id) {
    Label note = new Label();
    note.setId(id);
    note.setWrapText(true);
    note.setMinHeight(Region.USE_PREF_SIZE);
    StringProperty chosen = vm.field(setting);
    note.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> ProfileProvenance.note(PrinterProfiles.builtIn().find(chosen.get()), m),
                chosen,
                m.binding("tech.profile")));
    Runnable style =
        () -> {
          boolean unverified =
              PrinterProfiles.builtIn().find(chosen.get()).map(p -> !p.verified()).orElse(false);
          note.getStyleClass().removeAll("warning", "text-muted");
          note.getStyleClass().add(unverified ? "warning" : "text-muted");
        };
    style.run();
    chosen.addListener((o, a, b) -> style.run());
    return note;
  }

  private VBox drawerAndScanner() {
    CheckBox high = new CheckBox();
    high.setId("drawer-open-high");
    high.textProperty().bind(m.binding("tech.drawerOpenHigh"));
    high.setWrapText(true);
    high.setMinHeight(Touch.TARGET - 16);
    StringProperty openHigh = vm.field(DeviceSettings.DRAWER_OPEN_HIGH);
    high.setSelected(Boolean.parseBoolean(openHigh.get()));
    high.selectedProperty().addListener((o, a, b) -> openHigh.set(Boolean.toString(b)));
    openHigh.addListener((o, a, b) -> high.setSelected(Boolean.parseBoolean(b)));
    return new VBox(
        4,
        label(m, "tech.drawer"),
        text(DeviceSettings.DRAWER_URI, "drawer-uri"),
        label(m, "tech.drawerPin"),
        choice(DeviceSettings.DRAWER_PIN, "drawer-pin", List.of("2", "5")),
        label(m, "tech.drawerCommand"),
        drawerCommand(),
        label(m, "tech.drawerPulse"),
        text(DeviceSettings.DRAWER_PULSE, "drawer-pulse"),
        label(m, "tech.drawerPulseOff"),
        text(DeviceSettings.DRAWER_PULSE_OFF, "drawer-pulse-off"),
        high,
        label(m, "tech.scanner"),
        text(DeviceSettings.SCANNER_URI, "scanner-uri"),
        label(m, "tech.scannerPrefix"),
        text(DeviceSettings.SCANNER_PREFIX, "scanner-prefix"),
        label(m, "tech.scannerSuffix"),
        text(DeviceSettings.SCANNER_SUFFIX, "scanner-suffix"),
        label(m, "tech.scannerTerminator"),
        choice(
            DeviceSettings.SCANNER_TERMINATOR,
            "scanner-terminator",
            List.of("ANY", "CR", "LF", "CRLF", "TAB")));
  }

  private HBox logoRow() {
    logo.setId("logo-path");
    logo.setMinHeight(Touch.TARGET - 8);
    logo.setPrefColumnCount(8);
    Button choose =
        Touch.button(
            m.binding("tech.logo.chooseButton"),
            null,
            () -> {
              FileChooser chooser = new FileChooser();
              chooser
                  .getExtensionFilters()
                  .add(
                      new FileChooser.ExtensionFilter(
                          "PNG, JPEG, GIF, BMP", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
              var file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
              if (file != null) {
                logo.setText(file.getPath());
              }
            });
    choose.setMinWidth(Region.USE_PREF_SIZE);
    return new HBox(8, Touch.grow(logo), choose);
  }

  private VBox logo() {
    CheckBox onReceipts = new CheckBox();
    onReceipts.setId("logo-on-receipts");
    onReceipts.textProperty().bind(m.binding("tech.logo.onReceipts"));
    onReceipts.setWrapText(true);
    onReceipts.setMinHeight(Touch.TARGET - 16);
    StringProperty key = vm.field(DeviceSettings.PRINTER_LOGO);
    onReceipts.setSelected(!key.get().isEmpty());
    // Ticked again, it prints the logo the bench stores (under the one key it uses).
    onReceipts
        .selectedProperty()
        .addListener((o, a, b) -> key.set(b ? io.kasa.terminal.devices.DeviceBench.LOGO_KEY : ""));
    key.addListener((o, a, b) -> onReceipts.setSelected(!b.isEmpty()));
    return new VBox(4, label(m, "tech.logo.path"), logoRow(), onReceipts);
  }

  static Label label(Messages m, String key) {
    Label l = new Label();
    l.textProperty().bind(m.binding(key));
    // Long captions wrap at 1024 px rather than lose their end (ADR 0025).
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  static Label title(Messages m, String key) {
    Label l = label(m, key);
    l.getStyleClass().add("title-4");
    return l;
  }

  private Node text(String setting, String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setMinHeight(Touch.TARGET - 16);
    f.setPrefColumnCount(12);
    f.textProperty().bindBidirectional(vm.field(setting));
    return f;
  }

  /** The receipt printer's profile as chosen on this screen (not yet applied). */
  private Optional<PrinterProfile> receiptProfile() {
    return PrinterProfiles.builtIn().find(vm.field(DeviceSettings.PRINTER_PROFILE).get());
  }

  /** The pulse's command, shown as the manuals write it (ESC p, DLE DC4), kept as its setting. */
  private ComboBox<String> drawerCommand() {
    ComboBox<String> c =
        choice(DeviceSettings.DRAWER_COMMAND, "drawer-command", List.of("ESC_P", "DLE_DC4"));
    c.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String setting) {
            return setting == null ? "" : setting.replace('_', ' ').replace("ESC P", "ESC p");
          }

          @Override
          public String fromString(String shown) {
            return shown == null
                ? null
                : shown.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
          }
        });
    return c;
  }

  private ComboBox<String> choice(String setting, String id, List<String> items) {
    ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(items));
    c.setId(id);
    c.setMinHeight(Touch.TARGET - 16);
    c.setMaxWidth(Double.MAX_VALUE);
    c.setMinWidth(Region.USE_PREF_SIZE);
    c.valueProperty().bindBidirectional(vm.field(setting));
    return c;
  }
}
