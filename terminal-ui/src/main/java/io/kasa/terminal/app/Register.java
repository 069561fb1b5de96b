package io.kasa.terminal.app;

import io.kasa.api.terminal.TerminalConfig;
import io.kasa.client.sync.Connectivity;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.devices.scanner.WedgeDecoder;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.terminal.checkout.JournalCheckout;
import io.kasa.terminal.checkout.Printouts;
import io.kasa.terminal.devices.RegisterDevices;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.i18n.Relabel;
import io.kasa.terminal.sale.SaleView;
import io.kasa.terminal.sale.SaleViewModel;
import io.kasa.terminal.scan.WedgeInput;
import io.kasa.terminal.shift.ShiftView;
import io.kasa.terminal.shift.ShiftViewModel;
import io.kasa.terminal.signin.SignInView;
import io.kasa.terminal.signin.SignInViewModel;
import io.kasa.terminal.status.StatusViewModel;
import io.kasa.terminal.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The register put together: the screens over one window, the terminal's cloud side, the devices
 * and the receipts folder. It starts at the PIN pad; a sign-in opens the sale screen.
 */
public final class Register implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Register.class);

  private final CloudTerminal terminal;
  private final Clock clock;
  private final Messages messages;
  private final TaskExecutor tasks;
  private final BorderPane root = new BorderPane();
  private final Scene scene;
  private final StatusViewModel status;
  private final SignInViewModel signIn;
  private final SignInView signInView;
  private final SaleViewModel sale;
  private SaleView saleView;
  private final ShiftViewModel shift;
  private final CloudShifts shifts;
  private ShiftView shiftView;
  private final io.kasa.terminal.returns.ReturnsViewModel returns;
  private io.kasa.terminal.returns.ReturnsView returnsView;
  private final WedgeInput wedge;

  /** The screen in front's answer to scans, from any scanner (ADR 0029). */
  private WedgeInput.Target scans;

  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-status");
            t.setDaemon(true);
            return t;
          });
  private volatile JournalCheckout.Cashier cashier;
  private RegisterWindow.Theme theme;
  private final java.time.Duration lockAfter;
  private long lastInput = System.nanoTime();

  /** The automatic lock's clock; stopped on close, or it would sign out of a closed terminal. */
  private final javafx.animation.Timeline idle;

  private Screen screen = Screen.SIGN_IN;

  private enum Screen {
    SIGN_IN,
    SALE,
    SHIFT,
    RETURNS,
    HOST,
    TECHNICIAN
  }

  private final TechnicianDesk technician;
  private io.kasa.terminal.tech.TechView technicianView;
  private final HostDesk host;
  private io.kasa.terminal.host.HostView hostView;
  private final CounterDevices devices;
  private final CounterDrawer drawer;
  private final Printouts printouts;
  private String role = "";

  public Register(
      CloudTerminal terminal,
      java.util.function.Supplier<RegisterDevices> devices,
      Path receipts,
      Messages messages,
      TaskExecutor tasks,
      Clock clock,
      RegisterWindow.Theme theme,
      java.time.Duration lockAfter) {
    this.terminal = terminal;
    this.clock = clock;
    this.theme = theme;
    this.lockAfter = lockAfter;
    this.messages = messages;
    this.tasks = tasks;
    TerminalConfig config = terminal.config();
    Locale storeLocale = Locale.forLanguageTag(config.store().locale());
    this.status = new StatusViewModel(messages);
    this.signIn = new SignInViewModel(this::authenticate, tasks, messages, this::signedIn);
    staff(storeLocale);
    // A colleague added, dismissed or renamed on the service shows on the PIN pad (ADR 0028).
    terminal.onUpdate(() -> tasks.ui(() -> staff(storeLocale)));
    this.signInView = new SignInView(signIn, messages);
    this.drawer =
        new CounterDrawer(
            this::devices,
            status,
            messages,
            tasks,
            terminal,
            () -> cashier == null ? null : cashier.id());
    this.devices = new CounterDevices(devices, status, tasks, clock, this::scanned, drawer::event);
    this.devices.kitchen(
        () ->
            io.kasa.terminal.kitchen.KitchenStationPrinter.open(
                terminal, clock, storeLocale, state -> tasks.ui(() -> status.kitchen(state))));
    this.printouts =
        new Printouts(
            () -> this.devices.current().printer(),
            () -> this.devices.current().settings().printerLogoKey(),
            receipts);
    ReplicaCatalog catalog = new ReplicaCatalog(terminal.catalog());
    this.sale =
        SaleCounter.create(
            terminal, catalog, printouts, drawer::open, () -> cashier, messages, tasks, clock);
    // A new price or item reaches the quick keys too: their items would sell as they were loaded.
    terminal.onUpdate(() -> tasks.ui(sale::loadQuickKeys));
    // The sale and shift screens are built when first shown: the PIN pad comes up sooner.
    this.shifts =
        new CloudShifts(terminal, printouts, drawer::open, () -> cashier, messages, clock);
    this.shift =
        new ShiftViewModel(
            shifts,
            tasks,
            messages,
            java.util.Currency.getInstance(config.store().currency()),
            storeLocale);

    sale.shiftOpenProperty().bind(shift.openProperty());
    this.host =
        new HostDesk(
            terminal, catalog, printouts, messages, tasks, clock, status, sale, () -> cashier);
    this.technician = new TechnicianDesk(terminal, tasks, messages, clock, receipts);
    this.returns =
        new io.kasa.terminal.returns.ReturnsViewModel(
            new CloudReturns(
                terminal,
                printouts,
                drawer::open,
                () -> SaleCounter.storeProfile(terminal, messages),
                () -> cashier,
                messages,
                clock),
            () -> terminal.config().store().publicAddress(),
            tasks,
            messages,
            storeLocale);
    shift.refresh();
    root.setBottom(
        new StatusBar(
            status,
            messages,
            this::switchLanguage,
            this::switchTheme,
            this::signOut,
            () -> AboutBox.show(messages, terminal.config()),
            shift.stateProperty()));
    root.setCenter(signInView);
    // A screen built once keeps the words it was built with: shown again, it is relabelled.
    root.centerProperty().addListener((o, was, now) -> Relabel.tree(now, messages));
    // 1280×800 where it fits; a smaller screen (1024×768 terminals) gets a window that fits it.
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    this.scene =
        new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
    scene.getStylesheets().add(Register.class.getResource("register.css").toExternalForm());
    this.wedge =
        WedgeInput.install(
            scene,
            WedgeDecoder.withDefaults(
                // The store's label layouts are applied by the cart (ADR 0030).
                BarcodeParser.withoutEmbeddedLabels(), clock));
    route(signInTarget());
    io.kasa.terminal.ui.OnScreenKeyboard.offerOn(
        scene, () -> io.kasa.terminal.ui.OnScreenKeyboard.Layout.of(messages.locale()));
    scene.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> lastInput = System.nanoTime());
    applyContrast();
    idle =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5), e -> lockIfIdle()));
    idle.setCycleCount(javafx.animation.Animation.INDEFINITE);
    idle.play();
    this.devices.open();
    poller.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    // The printer is asked how it is every few seconds, so paper out shows before the next sale.
    poller.scheduleWithFixedDelay(this.devices::refreshPrinter, 0, 5, TimeUnit.SECONDS);
  }

  private void staff(Locale storeLocale) {
    signIn.staff(
        terminal.settings().staff().stream()
            .map(
                s ->
                    new SignInViewModel.Person(
                        s.member().id(), s.member().name(), s.member().role()))
            .toList(),
        storeLocale);
  }

  /** The devices in use now, or null while a technician has them. */
  public RegisterDevices devices() {
    return devices.current();
  }

  public Scene scene() {
    return scene;
  }

  public SaleViewModel sale() {
    return sale;
  }

  public SignInViewModel signIn() {
    return signIn;
  }

  private void poll() {
    try {
      if (cashier != null && shifts.printLateZ()) {
        tasks.ui(() -> status.note(messages.get("shift.z.late")));
      }
      var s = terminal.status();
      java.time.Instant current = terminal.currentAt();
      tasks.ui(
          () -> {
            status.sync(s);
            status.currentAt(current, clock.instant());
            sale.offlineProperty().set(s.connectivity() != Connectivity.State.ONLINE);
          });
    } catch (RuntimeException e) {
      // the next poll tries again; the engine logs its own failures
    }
  }

  private SignInViewModel.SignedIn authenticate(SignInViewModel.Person person, String pin)
      throws SignInViewModel.Refused {
    try {
      CloudTerminal.SignIn in = terminal.signIn(person == null ? null : person.id(), pin);
      var who = in.employee();
      return new SignInViewModel.SignedIn(
          new SignInViewModel.Person(who.id(), who.name(), who.role()), in.offline());
    } catch (SignInRefused e) {
      // A colleague's typo is no incident: one INFO line, no stack trace (issue 18).
      LOG.info("Sign-in refused on this terminal: {}", e.reason());
      throw new SignInViewModel.Refused(
          messages.get(
              e.lockedOut()
                  ? person == null ? "signin.locked.alone" : "signin.locked"
                  : person == null && e.reason() == SignInRefused.Reason.UNKNOWN_EMPLOYEE
                      ? "signin.chooseName"
                      : "signin.wrong"));
    }
  }

  private void signedIn(SignInViewModel.SignedIn who) {
    cashier = new JournalCheckout.Cashier(who.person().id(), who.person().name());
    status
        .employeeProperty()
        .set(
            who.offline()
                ? messages.get("status.employee.offline", who.person().name())
                : who.person().name());
    role = who.person().role();
    if ("HOST".equals(role)) {
      showHost();
      return;
    }
    if ("TECHNICIAN".equals(role)) {
      showTechnician();
      return;
    }
    showSale();
    sale.signedIn(who.person().id(), who.person().name());
    sale.loadQuickKeys();
  }

  private boolean canSell() {
    return "CASHIER".equals(role) || "MANAGER".equals(role) || "ADMIN".equals(role);
  }

  /** The host stand (Ctrl+T from the sale screen; where a host lands on signing in). */
  private void showHost() {
    hostView = host.open(canSell(), "MANAGER".equals(role) || "ADMIN".equals(role), this::showSale);
    screen = Screen.HOST;
    root.setCenter(hostView);
    route(host.target());
  }

  /**
   * The technician's screen (where a technician lands on signing in). The register lets go of its
   * devices while it is open; signing out opens them again with what the technician applied.
   */
  private void showTechnician() {
    devices.close();
    status.devicesWithTechnician();
    technicianView = technician.open();
    screen = Screen.TECHNICIAN;
    root.setCenter(technicianView);
    route(technician.target());
  }

  public io.kasa.terminal.tech.TechViewModel technician() {
    return technician.model();
  }

  public io.kasa.terminal.host.HostViewModel host() {
    return host.model();
  }

  private void showSale() {
    if (saleView == null) {
      saleView = new SaleView(sale, messages, this::showShift, this::managers, this::showReturns);
    }
    screen = Screen.SALE;
    root.setCenter(saleView);
    saleView.requestFocus();
    route(saleTarget());
  }

  private void showShift() {
    if (shiftView == null) {
      shiftView = new ShiftView(shift, messages, this::managers, this::showSale);
    }
    screen = Screen.SHIFT;
    shift.refresh();
    root.setCenter(shiftView);
    // A scan here is for the sale waiting behind, never for the amount field.
    route(ScanTarget.scansOnly(scan -> sale.scanned(scan.result())));
    shiftView.focusAmount();
  }

  private void showReturns() {
    if (returnsView == null) {
      returnsView =
          new io.kasa.terminal.returns.ReturnsView(
              returns, messages, this::managers, this::showSale);
    }
    screen = Screen.RETURNS;
    root.setCenter(returnsView);
    route(new ScanTarget(scan -> returnsView.scanned(scan.text()), t -> {}, returns::find));
    returnsView.focusNumber();
  }

  public io.kasa.terminal.returns.ReturnsViewModel returns() {
    return returns;
  }

  /** The managers who may approve at this terminal, for the PIN dialog. */
  List<SignInViewModel.Person> managers() {
    return signIn.staff().stream()
        .filter(p -> "MANAGER".equals(p.role()) || "ADMIN".equals(p.role()))
        .toList();
  }

  public ShiftViewModel shift() {
    return shift;
  }

  /**
   * Back to the PIN pad: after {@code lockAfter} without a touch or a key, or when the cashier
   * signs out (Ctrl+L) to let a colleague in. A sale in progress is kept for whoever rang it up
   * (the sale screen journals it after every change) and comes back when they sign in again.
   */
  public void signOut() {
    if (cashier == null) {
      return;
    }
    cashier = null;
    role = "";
    host.close();
    hostView = null;
    if (technician.close()) {
      technicianView = null;
      devices.open();
    }
    status.signedOut();
    screen = Screen.SIGN_IN;
    root.setCenter(signInView);
    route(signInTarget());
    signIn.reset();
    tasks.submit(
        () -> {
          terminal.signOut();
          return null;
        },
        done -> {},
        e -> {});
  }

  private void lockIfIdle() {
    if (cashier != null
        && !lockAfter.isZero()
        && System.nanoTime() - lastInput > lockAfter.toNanos()
        && sale.phaseProperty().get() != SaleViewModel.Phase.PAYMENT
        && !sale.busyProperty().get()) {
      signOut();
    }
  }

  private void switchLanguage() {
    int i = Messages.LANGUAGES.indexOf(messages.locale());
    messages.use(Messages.LANGUAGES.get((i + 1) % Messages.LANGUAGES.size()));
    Relabel.tree(root, messages);
  }

  private void switchTheme() {
    theme = theme.next();
    RegisterWindow.applyTheme(theme);
    applyContrast();
  }

  private void applyContrast() {
    String hc = Register.class.getResource("high-contrast.css").toExternalForm();
    scene.getStylesheets().remove(hc);
    if (theme == RegisterWindow.Theme.HIGH_CONTRAST) {
      scene.getStylesheets().add(hc);
    }
  }

  private void key(KeyEvent e) {
    if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.L) {
      signOut();
      e.consume();
      return;
    }
    if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.I) {
      AboutBox.show(messages, terminal.config());
      e.consume();
      return;
    }
    if (e.isShortcutDown()
        && e.getCode() == javafx.scene.input.KeyCode.T
        && cashier != null
        && screen != Screen.HOST
        && screen != Screen.TECHNICIAN) {
      showHost();
      e.consume();
      return;
    }
    if (e.isShortcutDown()
        && e.getCode() == javafx.scene.input.KeyCode.P
        && screen == Screen.SALE) {
      sale.reprint();
      e.consume();
      return;
    }
    boolean used =
        switch (screen) {
          case SALE -> saleView.key(e);
          case SHIFT -> shiftView.key(e);
          case RETURNS -> returnsView.key(e);
          case SIGN_IN -> signInView.key(e);
          case HOST -> hostView.key(e);
          case TECHNICIAN -> technicianView.key(e);
        };
    if (used) {
      e.consume();
    }
  }

  /** The screen in front takes scans and typing from now on, whichever scanner they come from. */
  private void route(WedgeInput.Target target) {
    scans = target;
    wedge.target(target);
  }

  /**
   * A scan from a serial, USB HID POS or simulated scanner: to the screen in front, as a wedge scan
   * would go.
   */
  private void scanned(io.kasa.devices.scanner.ScanEvent scan) {
    scans.scanned(scan);
  }

  private WedgeInput.Target signInTarget() {
    // A scan at the PIN pad is not a PIN: the pad says so. But keys typed fast then Enter look
    // like a keyboard-wedge scan (a busy till delivers them bunched): digits only, of a PIN's
    // length, from the keyboard, are the PIN typed.
    return new ScanTarget(
        scan -> {
          if (!signIn.typedFast(scan.source(), scan.raw())) {
            signIn.scanNotHere();
          }
        },
        signInView::typed,
        signIn::submit);
  }

  private WedgeInput.Target saleTarget() {
    return new ScanTarget(scan -> sale.scanned(scan.result()), saleView::typed, saleView::enterKey);
  }

  @Override
  public void close() {
    wedge.close();
    tasks.ui(idle::stop);
    poller.shutdownNow();
    sale.close();
    technician.close();
    devices.close();
    host.close();
  }

  /** The register's words: their language switches every screen at once (ADR 0024). */
  public Messages messages() {
    return messages;
  }
}
