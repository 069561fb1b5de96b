package io.kasa.terminal.tech;

import io.kasa.terminal.devices.DeviceBench;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Banner;
import io.kasa.terminal.ui.Touch;
import java.nio.file.Path;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The technician's screen: on the left what is attached (refreshed every two seconds, so a device
 * plugged in shows), in the middle each role's device and settings, on the right the bench — the
 * devices' status, the jobs sent with their bytes read back, and the diagnostics log — and the
 * actions along the bottom.
 *
 * <p>Keys: F2 apply, F3 test page, F4 kitchen test page, F5 open the drawer, F6 store the logo, F7
 * back up, F8 restore, F9 print the summary, F10 export the summary and log.
 */
public final class TechView extends BorderPane {

  private static final double TAPPED = 48;

  private final TechViewModel vm;
  private final Messages m;
  private final SettingsForm form;
  private final ListView<DeviceBench.Attached> ports;
  private final Label banner;

  public TechView(TechViewModel vm, Messages m) {
    this.vm = vm;
    this.m = m;
    setPadding(new Insets(12));
    // The banner lies over the top of the set-up (ADR 0025): it never pushes the screen down.
    banner = Banner.overlay(vm.bannerProperty(), "tech-banner");

    ports = new ListView<>(vm.attached());
    ports.setId("ports");
    ports.setFocusTraversable(false);
    ports.setCellFactory(
        list ->
            new ListCell<>() {
              {
                JobView.wrapTo(this, list);
                setMinHeight(Touch.TARGET);
              }

              @Override
              protected void updateItem(DeviceBench.Attached a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.uri() + "\n" + vm.describe(a));
              }
            });
    VBox.setVgrow(ports, Priority.ALWAYS);
    VBox left =
        new VBox(
            8,
            SettingsForm.title(m, "tech.attached"),
            ports,
            use("tech.use.printer", DeviceSettings.PRINTER_URI, "use-printer"),
            use("tech.use.kitchen", DeviceSettings.KITCHEN_URI, "use-kitchen"),
            use("tech.use.fallback", DeviceSettings.KITCHEN_FALLBACK_URI, "use-fallback"),
            use("tech.use.drawer", DeviceSettings.DRAWER_URI, "use-drawer"),
            use("tech.use.scanner", DeviceSettings.SCANNER_URI, "use-scanner"));
    left.setPrefWidth(250);
    left.setMinWidth(210);
    setLeft(left);

    form = new SettingsForm(vm, m);
    setCenter(form);
    BorderPane.setMargin(form, new Insets(0, 12, 0, 12));
    setBottom(actions());
    setRight(bench());
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

  /**
   * The devices' status, then either the jobs sent or the diagnostics log (a new job shows the
   * jobs).
   */
  private VBox bench() {
    Label printer = status("bench-printer", vm.printerStatusProperty());
    Label drawer = status("bench-drawer", vm.drawerStatusProperty());
    Label scan = status("last-scan", vm.lastScanProperty());

    ListView<String> log = new ListView<>(vm.log());
    log.setId("diagnostics");
    log.setFocusTraversable(false);
    log.getStyleClass().add("bench-bytes");
    log.setCellFactory(
        l ->
            new ListCell<>() {
              {
                JobView.wrapTo(this, l);
              }

              @Override
              protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
              }
            });
    JobView jobs = new JobView(vm.jobs(), m);

    ToggleGroup group = new ToggleGroup();
    ToggleButton showJobs = toggle("tech.jobs", "show-jobs", group);
    ToggleButton showLog = toggle("tech.diagnostics", "show-diagnostics", group);
    showJobs.setSelected(true);
    jobs.visibleProperty().bind(showJobs.selectedProperty());
    log.visibleProperty().bind(showLog.selectedProperty());
    group
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                was.setSelected(true);
              }
            });
    vm.jobs()
        .jobs()
        .addListener(
            (ListChangeListener<Object>)
                c -> {
                  if (!vm.jobs().jobs().isEmpty()) {
                    showJobs.setSelected(true);
                  }
                });
    StackPane shown = new StackPane(jobs, log);
    VBox.setVgrow(shown, Priority.ALWAYS);
    VBox right =
        new VBox(
            8,
            SettingsForm.title(m, "tech.status"),
            printer,
            drawer,
            scan,
            new HBox(8, showJobs, showLog),
            shown);
    right.setMinWidth(360);
    // The bench takes a third of a wide screen: the bytes read best with room.
    right.prefWidthProperty().bind(widthProperty().multiply(0.36));
    return right;
  }

  private Label status(String id, javafx.beans.value.ObservableValue<String> text) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    l.textProperty().bind(text);
    // Nothing reported yet takes no room.
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.managedProperty());
    return l;
  }

  private ToggleButton toggle(String key, String id, ToggleGroup group) {
    ToggleButton b = new ToggleButton();
    b.textProperty().bind(m.binding(key));
    b.setId(id);
    b.setToggleGroup(group);
    b.setFocusTraversable(false);
    b.setMinHeight(TAPPED);
    b.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(b, Priority.ALWAYS);
    return b;
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
    String path = form.logoPath();
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
    return Touch.grow(b);
  }
}
