package io.kasa.terminal.tech;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.terminal.devices.DeviceBench;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Banner;
import io.kasa.terminal.ui.Touch;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The technician's screen: on the left what is attached (refreshed every two seconds, so a device
 * plugged in shows), in the middle each role's device and settings with the test buttons, on the
 * right the diagnostics log.
 *
 * <p>Keys: F2 apply, F3 test page, F4 kitchen test page, F5 open the drawer, F6 store the logo, F7
 * back up, F8 restore, F9 print the summary, F10 export the summary and log.
 */
public final class TechView extends BorderPane {

  private final TechViewModel vm;
  private final Messages m;
  private final TextField logo = new TextField();
  private final ListView<DeviceBench.Attached> ports;
  private final javafx.scene.control.Label banner;

  public TechView(TechViewModel vm, Messages m) {
    this.vm = vm;
    this.m = m;
    setPadding(new Insets(12));
    // The banner lies over the top of the set-up (ADR 0025): it never pushes the screen down.
    banner = Banner.overlay(vm.bannerProperty(), "tech-banner");

    ports = new ListView<>(vm.attached());
    ports.setId("ports");
    ports.setFocusTraversable(false);
    ports.setPrefWidth(280);
    ports.setCellFactory(
        list ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(DeviceBench.Attached a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.uri() + "\n" + vm.describe(a));
                setMinHeight(Touch.TARGET);
              }
            });
    VBox.setVgrow(ports, Priority.ALWAYS);
    Label attachedTitle = title("tech.attached");
    Button usePrinter = use("tech.use.printer", DeviceSettings.PRINTER_URI, "use-printer");
    Button useKitchen = use("tech.use.kitchen", DeviceSettings.KITCHEN_URI, "use-kitchen");
    Button useScanner = use("tech.use.scanner", DeviceSettings.SCANNER_URI, "use-scanner");
    Button useDrawer = use("tech.use.drawer", DeviceSettings.DRAWER_URI, "use-drawer");
    VBox left =
        new VBox(
            8,
            attachedTitle,
            ports,
            Touch.grow(usePrinter),
            Touch.grow(useKitchen),
            Touch.grow(useDrawer),
            Touch.grow(useScanner));
    left.setPrefWidth(280);
    setLeft(left);

    setCenter(settings());
    BorderPane.setMargin(getCenter(), new Insets(0, 12, 0, 12));
    setBottom(actions());

    ListView<String> log = new ListView<>(vm.log());
    log.setId("diagnostics");
    log.setFocusTraversable(false);
    log.getStyleClass().add("receipt");
    log.setPrefWidth(340);
    VBox.setVgrow(log, Priority.ALWAYS);
    Label scan = new Label();
    scan.setId("last-scan");
    scan.setWrapText(true);
    scan.textProperty().bind(vm.lastScanProperty());
    Label printer = new Label();
    printer.setId("bench-printer");
    printer.setWrapText(true);
    printer.textProperty().bind(vm.printerStatusProperty());
    Label drawer = new Label();
    drawer.setId("bench-drawer");
    drawer.textProperty().bind(vm.drawerStatusProperty());
    VBox right =
        new VBox(
            8,
            title("tech.status"),
            printer,
            drawer,
            title("tech.diagnostics"),
            log,
            title("tech.lastScan"),
            scan);
    setRight(right);
    getChildren().add(banner);

    Timeline hotPlug = new Timeline(new KeyFrame(Duration.seconds(2), e -> vm.pollPorts()));
    hotPlug.setCycleCount(Animation.INDEFINITE);
    hotPlug.play();
    sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                hotPlug.stop();
              } else {
                hotPlug.play();
              }
            });
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (getCenter() instanceof javafx.scene.layout.Region center) {
      Banner.place(banner, center);
    }
  }

  /** The settings in two columns (the printers; the drawer and the scanner), then the logo. */
  private Node settings() {
    List<String> profiles =
        PrinterProfiles.builtIn().all().stream().map(PrinterProfile::id).toList();
    ComboBox<String> pages = choice(DeviceSettings.CODE_PAGE, "code-page", List.of());
    Runnable refreshPages =
        () ->
            pages
                .getItems()
                .setAll(
                    java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(""),
                            receiptProfile()
                                .map(p -> p.pages().stream().map(Enum::name))
                                .orElse(java.util.stream.Stream.empty()))
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
    VBox printers =
        new VBox(
            4,
            label("tech.printer"),
            text(DeviceSettings.PRINTER_URI, "printer-uri"),
            label("tech.profile"),
            choice(DeviceSettings.PRINTER_PROFILE, "printer-profile", profiles),
            label("tech.codePage"),
            pages,
            label("tech.paper"),
            choice(DeviceSettings.PAPER, "paper", List.of("0", "58", "80")),
            label("tech.kitchen"),
            text(DeviceSettings.KITCHEN_URI, "kitchen-uri"),
            label("tech.profile"),
            choice(DeviceSettings.KITCHEN_PROFILE, "kitchen-profile", profiles));
    CheckBox high = new CheckBox();
    high.setId("drawer-open-high");
    high.textProperty().bind(m.binding("tech.drawerOpenHigh"));
    high.setWrapText(true);
    high.setMinHeight(Touch.TARGET - 16);
    StringProperty openHigh = vm.field(DeviceSettings.DRAWER_OPEN_HIGH);
    high.setSelected(Boolean.parseBoolean(openHigh.get()));
    high.selectedProperty().addListener((o, a, b) -> openHigh.set(Boolean.toString(b)));
    openHigh.addListener((o, a, b) -> high.setSelected(Boolean.parseBoolean(b)));
    VBox drawerAndScanner =
        new VBox(
            4,
            label("tech.drawer"),
            text(DeviceSettings.DRAWER_URI, "drawer-uri"),
            label("tech.drawerPin"),
            choice(DeviceSettings.DRAWER_PIN, "drawer-pin", List.of("2", "5")),
            label("tech.drawerPulse"),
            text(DeviceSettings.DRAWER_PULSE, "drawer-pulse"),
            high,
            label("tech.scanner"),
            text(DeviceSettings.SCANNER_URI, "scanner-uri"),
            label("tech.scannerPrefix"),
            text(DeviceSettings.SCANNER_PREFIX, "scanner-prefix"),
            label("tech.scannerTerminator"),
            choice(
                DeviceSettings.SCANNER_TERMINATOR,
                "scanner-terminator",
                List.of("ANY", "CR", "LF", "CRLF", "TAB")));
    HBox.setHgrow(printers, Priority.ALWAYS);
    HBox.setHgrow(drawerAndScanner, Priority.ALWAYS);
    printers.setPrefWidth(300);
    drawerAndScanner.setPrefWidth(300);
    HBox columns = new HBox(12, printers, drawerAndScanner);

    logo.setId("logo-path");
    logo.promptTextProperty().bind(m.binding("tech.logo.path"));
    logo.setMinHeight(Touch.TARGET - 8);
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
    choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox logoRow = new HBox(8, Touch.grow(logo), choose);
    VBox content = new VBox(10, title("tech.setup"), columns, logoRow);
    content.setPadding(new Insets(0, 4, 0, 0));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setFocusTraversable(false);
    scroll.getStyleClass().add("edge-to-edge");
    return scroll;
  }

  private FlowPane actions() {
    FlowPane actions = new FlowPane(8, 8);
    actions.setPadding(new Insets(8, 0, 0, 0));
    actions
        .getChildren()
        .addAll(
            action("tech.apply", "F2", "apply", vm::apply),
            action("tech.testPage", "F3", "test-page", vm::testPage),
            action("tech.testKitchen", "F4", "test-kitchen", vm::testKitchen),
            action("tech.openDrawer", "F5", "open-drawer", vm::openDrawer),
            action("tech.storeLogo", "F6", "store-logo", this::storeLogo),
            action("tech.backUp", "F7", "back-up", vm::backUp),
            action("tech.restore", "F8", "restore", vm::restore),
            action("tech.printSummary", "F9", "print-summary", vm::printSummary),
            action("tech.export", "F10", "export", vm::export));
    return actions;
  }

  private void storeLogo() {
    String path = logo.getText().strip();
    vm.storeLogo(path.isEmpty() ? null : Path.of(path));
  }

  /** Keys of this screen; answers whether it used the key. */
  public boolean key(KeyEvent e) {
    switch (e.getCode()) {
      case F2:
        vm.apply();
        return true;
      case F3:
        vm.testPage();
        return true;
      case F4:
        vm.testKitchen();
        return true;
      case F5:
        vm.openDrawer();
        return true;
      case F6:
        storeLogo();
        return true;
      case F7:
        vm.backUp();
        return true;
      case F8:
        vm.restore();
        return true;
      case F9:
        vm.printSummary();
        return true;
      case F10:
        vm.export();
        return true;
      default:
        return false;
    }
  }

  private Button action(String key, String shortcut, String id, Runnable run) {
    Button b = Touch.button(m.binding(key), shortcut, run);
    b.setId(id);
    b.setMinWidth(128);
    return b;
  }

  private Button use(String key, String setting, String id) {
    Button b =
        Touch.button(
            m.binding(key),
            null,
            () -> vm.use(setting, ports.getSelectionModel().getSelectedItem()));
    b.setId(id);
    return b;
  }

  private Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(m.binding(key));
    // Long captions wrap at 1024 px rather than lose their end (ADR 0025).
    l.setWrapText(true);
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  private Label title(String key) {
    Label l = label(key);
    l.getStyleClass().add("title-4");
    return l;
  }

  private Node text(String setting, String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setMinHeight(Touch.TARGET - 16);
    f.setPrefColumnCount(16);
    f.textProperty().bindBidirectional(vm.field(setting));
    return f;
  }

  /** The receipt printer's profile as chosen on this screen (not yet applied). */
  private java.util.Optional<PrinterProfile> receiptProfile() {
    return PrinterProfiles.builtIn().find(vm.field(DeviceSettings.PRINTER_PROFILE).get());
  }

  private ComboBox<String> choice(String setting, String id, List<String> items) {
    ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(items));
    c.setId(id);
    c.setMinHeight(Touch.TARGET - 16);
    c.setMaxWidth(Double.MAX_VALUE);
    c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    c.valueProperty().bindBidirectional(vm.field(setting));
    return c;
  }
}
