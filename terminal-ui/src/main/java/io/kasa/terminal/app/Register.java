package io.kasa.terminal.app;

import io.kasa.api.terminal.StoreSettings;
import io.kasa.api.terminal.TerminalConfig;
import io.kasa.client.sync.Connectivity;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.devices.scanner.WedgeDecoder;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.EmbeddedLayout;
import io.kasa.domain.receipt.StoreProfile;
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
import java.time.ZoneId;
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

  private final CloudTerminal terminal;
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
  private Screen screen = Screen.SIGN_IN;

  private enum Screen {
    SIGN_IN,
    SALE,
    SHIFT,
    RETURNS,
    HOST,
    TECHNICIAN
  }

  private io.kasa.terminal.tech.TechViewModel technician;
  private io.kasa.terminal.tech.TechView technicianView;
  private final Path receipts;

  private final ReplicaCatalog catalog;
  private final java.util.function.Supplier<RegisterDevices> deviceFactory;
  private volatile RegisterDevices devices;
  private final Printouts printouts;
  private final Clock clock;
  private io.kasa.terminal.host.HostViewModel host;
  private io.kasa.terminal.host.HostView hostView;
  private String role = "";

  /** The check being paid on the sale screen, settled once its sale is done. */
  private io.kasa.api.floor.CheckDto paying;

  /** The sale that pays it: another sale rung up instead settles nothing. */
  private java.util.UUID payingSale;

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
    this.theme = theme;
    this.lockAfter = lockAfter;
    this.messages = messages;
    this.tasks = tasks;
    TerminalConfig config = terminal.config();
    Locale storeLocale = Locale.forLanguageTag(config.store().locale());
    this.status = new StatusViewModel(messages);
    this.signIn = new SignInViewModel(this::authenticate, tasks, messages, this::signedIn);
    signIn.staff(
        terminal.settings().staff().stream()
            .map(
                s ->
                    new SignInViewModel.Person(
                        s.member().id(), s.member().name(), s.member().role()))
            .toList());
    this.signInView = new SignInView(signIn, messages);
    this.clock = clock;
    this.deviceFactory = devices;
    this.receipts = receipts;
    this.printouts = new Printouts(() -> this.devices.printer(), receipts);
    this.catalog = new ReplicaCatalog(terminal.catalog());
    JournalCheckout checkout =
        new JournalCheckout(terminal, printouts, this::storeProfile, () -> cashier, clock);
    this.sale =
        new SaleViewModel(
            catalog, checkout, tasks, messages, terminal::salePolicy, storeLocale, clock);
    // The sale and shift screens are built when first shown: the PIN pad comes up sooner.
    this.shifts = new CloudShifts(terminal, printouts, () -> cashier, messages, clock);
    sale.cardReader(io.kasa.terminal.devices.DeviceChoice.cardReader(terminal));
    sale.priceOverrides(
        manager -> {
          try {
            return terminal.approvePriceOverride(ManagerPins.override(manager)).approvalId();
          } catch (SignInRefused e) {
            throw ManagerPins.refused(e, messages);
          }
        },
        () -> new java.math.BigDecimal(terminal.config().store().priceOverrideLimit()));
    this.shift =
        new ShiftViewModel(
            shifts,
            tasks,
            messages,
            java.util.Currency.getInstance(config.store().currency()),
            storeLocale);

    sale.shiftOpenProperty().bind(shift.openProperty());
    sale.phaseProperty()
        .addListener(
            (o, a, b) -> {
              if (b == SaleViewModel.Phase.DONE
                  && paying != null
                  && sale.sale().id().equals(payingSale)) {
                settle(paying);
              }
            });
    this.returns =
        new io.kasa.terminal.returns.ReturnsViewModel(
            new CloudReturns(
                terminal, printouts, this::storeProfile, () -> cashier, messages, clock),
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
    this.scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(Register.class.getResource("register.css").toExternalForm());
    this.wedge =
        WedgeInput.install(
            scene,
            WedgeDecoder.withDefaults(
                new BarcodeParser(List.of(EmbeddedLayout.weight("22"))), clock));
    wedge.target(signInTarget());
    scene.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> lastInput = System.nanoTime());
    applyContrast();
    javafx.animation.Timeline idle =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5), e -> lockIfIdle()));
    idle.setCycleCount(javafx.animation.Animation.INDEFINITE);
    idle.play();
    openDevices();
    poller.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    // The printer is asked how it is every few seconds, so paper out shows before the next sale.
    poller.scheduleWithFixedDelay(
        () -> {
          RegisterDevices now = this.devices;
          if (now != null) {
            now.printer().refreshStatus();
          }
        },
        0,
        5,
        TimeUnit.SECONDS);
  }

  /** Opens the devices of the terminal's settings and shows their state on the status bar. */
  private void openDevices() {
    RegisterDevices opened = deviceFactory.get();
    opened.printer().onStatus(s -> tasks.ui(() -> status.printer(s)));
    opened
        .drawer()
        .onEvent(
            e ->
                tasks.ui(
                    () ->
                        status.drawer(
                            opened.drawer().state(),
                            e.type() == io.kasa.devices.drawer.CashDrawer.Event.Type.LEFT_OPEN)));
    status.drawer(opened.drawer().state(), false);
    opened.scanner(
        new BarcodeParser(List.of(EmbeddedLayout.weight("22"))),
        clock,
        scan -> tasks.ui(() -> scanned(scan)));
    status.printer(opened.printer().status());
    devices = opened;
  }

  /** Lets go of the devices (their ports), for the technician's bench. */
  private void closeDevices() {
    RegisterDevices open = devices;
    devices = null;
    if (open != null) {
      open.close();
    }
  }

  /** The devices in use now, or null while a technician has them. */
  public RegisterDevices devices() {
    return devices;
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
      tasks.ui(
          () -> {
            status.sync(s);
            sale.offlineProperty().set(s.connectivity() != Connectivity.State.ONLINE);
          });
    } catch (RuntimeException e) {
      // the next poll tries again; the engine logs its own failures
    }
  }

  private SignInViewModel.SignedIn authenticate(SignInViewModel.Person person, String pin)
      throws SignInViewModel.Refused {
    try {
      CloudTerminal.SignIn in = terminal.signIn(person.id(), pin);
      return new SignInViewModel.SignedIn(person, in.offline());
    } catch (SignInRefused e) {
      throw new SignInViewModel.Refused(
          messages.get(e.lockedOut() ? "signin.locked" : "signin.wrong"));
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
    sale.newSale();
    sale.loadQuickKeys();
  }

  private boolean canSell() {
    return "CASHIER".equals(role) || "MANAGER".equals(role) || "ADMIN".equals(role);
  }

  /** The host stand (Ctrl+T from the sale screen; where a host lands on signing in). */
  private void showHost() {
    if (host == null) {
      host =
          new io.kasa.terminal.host.HostViewModel(
              new CloudHostStand(terminal, catalog, printouts, messages, clock),
              tasks,
              messages,
              clock,
              canSell(),
              "MANAGER".equals(role) || "ADMIN".equals(role),
              this::payCheck);
      hostView =
          new io.kasa.terminal.host.HostView(
              host,
              messages,
              ZoneId.systemDefault(),
              java.util.Currency.getInstance(terminal.config().store().currency()),
              canSell() ? this::showSale : null);
      host.start();
    }
    screen = Screen.HOST;
    root.setCenter(hostView);
    wedge.target(
        new WedgeInput.Target() {
          @Override
          public void scanned(io.kasa.devices.scanner.ScanEvent scan) {
            host.addItem(scan.raw(), "1", 0);
          }

          @Override
          public void typed(String text) {}

          @Override
          public void enter() {}
        });
  }

  /**
   * The technician's screen (where a technician lands on signing in). The register lets go of its
   * devices while it is open; signing out opens them again with what the technician applied.
   */
  private void showTechnician() {
    closeDevices();
    status.devicesWithTechnician();
    technician =
        new io.kasa.terminal.tech.TechViewModel(
            new io.kasa.terminal.tech.TechViewModel.Store() {
              @Override
              public io.kasa.terminal.devices.DeviceSettings saved() {
                return io.kasa.terminal.devices.DeviceChoice.settings(terminal);
              }

              @Override
              public void save(io.kasa.terminal.devices.DeviceSettings settings) {
                io.kasa.terminal.devices.DeviceChoice.save(terminal, settings);
              }

              @Override
              public String terminal() {
                var c = terminal.config();
                return c.store().code() + "-" + c.terminalCode() + " · " + c.terminalName();
              }
            },
            new CloudDeviceBackup(terminal),
            (settings, log) ->
                new io.kasa.terminal.devices.DeviceBench(settings, clock, messages, log),
            io.kasa.terminal.devices.DeviceBench::attached,
            tasks,
            messages,
            clock,
            receipts.resolveSibling("support"));
    technicianView = new io.kasa.terminal.tech.TechView(technician, messages);
    technician.start();
    screen = Screen.TECHNICIAN;
    root.setCenter(technicianView);
    io.kasa.terminal.tech.TechViewModel scans = technician;
    wedge.target(
        new WedgeInput.Target() {
          @Override
          public void scanned(io.kasa.devices.scanner.ScanEvent scan) {
            scans.scanned(scan);
          }

          @Override
          public void typed(String text) {}

          @Override
          public void enter() {}
        });
  }

  public io.kasa.terminal.tech.TechViewModel technician() {
    return technician;
  }

  public io.kasa.terminal.host.HostViewModel host() {
    return host;
  }

  /** Rings a check up on the sale screen at its prices; its payment settles the check. */
  private java.util.Optional<String> payCheck(io.kasa.api.floor.CheckDto check) {
    List<io.kasa.domain.catalog.CatalogItem> items = new java.util.ArrayList<>();
    for (io.kasa.api.floor.CheckLineDto line : check.lines()) {
      var item = catalog.byCode(line.itemId());
      if (item.isEmpty()) {
        return java.util.Optional.of(messages.get("host.pay.missing", line.name()));
      }
      if (item.get().price().minor() != line.unitPrice()) {
        // The service settles a check only with the prices it was ordered at.
        return java.util.Optional.of(messages.get("host.pay.priceChanged", line.name()));
      }
      items.add(item.get());
    }
    showSale();
    sale.newSale();
    for (int i = 0; i < items.size(); i++) {
      sale.add(items.get(i), io.kasa.domain.money.Quantity.parse(check.lines().get(i).quantity()));
    }
    paying = check;
    payingSale = sale.sale().id();
    return java.util.Optional.empty();
  }

  private void settle(io.kasa.api.floor.CheckDto check) {
    paying = null;
    java.util.UUID saleId = sale.sale().id();
    JournalCheckout.Cashier who = cashier;
    tasks.submit(
        () -> {
          terminal.settleCheck(check.id(), saleId, who == null ? null : who.id());
          return null;
        },
        done -> status.note(messages.get("host.paid", check.number())),
        e -> status.note(messages.get("host.settleFailed", check.number())));
  }

  private void showSale() {
    if (saleView == null) {
      saleView = new SaleView(sale, messages, this::showShift, this::managers, this::showReturns);
    }
    screen = Screen.SALE;
    root.setCenter(saleView);
    saleView.requestFocus();
    wedge.target(saleTarget());
  }

  private void showShift() {
    if (shiftView == null) {
      shiftView = new ShiftView(shift, messages, this::managers, this::showSale);
    }
    screen = Screen.SHIFT;
    shift.refresh();
    root.setCenter(shiftView);
    wedge.target(null);
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
    wedge.target(
        new WedgeInput.Target() {
          @Override
          public void scanned(io.kasa.devices.scanner.ScanEvent scan) {
            returnsView.scanned(scan.raw());
          }

          @Override
          public void typed(String text) {}

          @Override
          public void enter() {
            returns.find();
          }
        });
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

  private StoreProfile storeProfile() {
    StoreSettings s = terminal.config().store();
    return new StoreProfile(
        s.name(),
        List.of(),
        null,
        Locale.forLanguageTag(s.locale()),
        ZoneId.systemDefault(),
        // The closing words come with the receipt's kind, in its language (sale or refund).
        List.of(),
        s.receiptUrl());
  }

  /**
   * Back to the PIN pad: after {@code lockAfter} without a touch or a key, or when the cashier
   * signs out (Ctrl+L) to let a colleague in. A sale in progress stays as it is for whoever signs
   * in next.
   */
  public void signOut() {
    if (cashier == null) {
      return;
    }
    cashier = null;
    role = "";
    paying = null;
    if (host != null) {
      host.stop();
      host = null;
      hostView = null;
    }
    if (technician != null) {
      technician.close();
      technician = null;
      technicianView = null;
      openDevices();
    }
    status.employeeProperty().set("");
    screen = Screen.SIGN_IN;
    root.setCenter(signInView);
    wedge.target(signInTarget());
    signIn.clear();
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

  /** A scan from a serial or simulated scanner: to the sale, when it is on screen. */
  private void scanned(io.kasa.devices.scanner.ScanEvent scan) {
    if (screen == Screen.SALE) {
      sale.scanned(scan.result());
    }
  }

  private WedgeInput.Target signInTarget() {
    return new WedgeInput.Target() {
      @Override
      public void scanned(io.kasa.devices.scanner.ScanEvent scan) {
        // A scan at the PIN pad is not a PIN.
      }

      @Override
      public void typed(String text) {
        signInView.typed(text);
      }

      @Override
      public void enter() {
        signIn.submit();
      }
    };
  }

  private WedgeInput.Target saleTarget() {
    return new WedgeInput.Target() {
      @Override
      public void scanned(io.kasa.devices.scanner.ScanEvent scan) {
        sale.scanned(scan.result());
      }

      @Override
      public void typed(String text) {
        saleView.typed(text);
      }

      @Override
      public void enter() {
        saleView.enterKey();
      }
    };
  }

  @Override
  public void close() {
    poller.shutdownNow();
    if (technician != null) {
      technician.close();
    }
    closeDevices();
    if (host != null) {
      host.stop();
    }
  }
}
