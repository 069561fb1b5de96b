package io.kasa.terminal.status;

import io.kasa.client.sync.Connectivity;
import io.kasa.client.sync.SyncStatus;
import io.kasa.devices.printer.PrinterStatus;
import io.kasa.terminal.i18n.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar says, calmly: online or offline with the sales waiting to sync, the printer's
 * state in plain words with a level for its colour, and who is signed in.
 */
public final class StatusViewModel {

  /** How a state is shown: fine, needs attention soon, or needs attention now. */
  public enum Level {
    OK,
    WARNING,
    ERROR
  }

  private boolean withTechnician;
  private final Messages messages;
  private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Level> connectionLevel =
      new ReadOnlyObjectWrapper<>(Level.OK);
  private final ReadOnlyStringWrapper printer = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Level> printerLevel = new ReadOnlyObjectWrapper<>(Level.OK);
  private final StringProperty employee = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper drawer = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Level> drawerLevel = new ReadOnlyObjectWrapper<>(Level.OK);
  private io.kasa.devices.drawer.CashDrawer.State lastDrawer;
  private boolean leftOpen;
  private boolean drawerFailed;
  private final StringProperty note = new SimpleStringProperty("");
  private boolean passing;
  private final ReadOnlyStringWrapper scanner = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper kitchen = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Level> kitchenLevel = new ReadOnlyObjectWrapper<>(Level.OK);
  private io.kasa.client.kitchen.KitchenFeed.State lastKitchen;
  private boolean scannerLost;
  private SyncStatus lastSync;
  private PrinterStatus lastPrinter;

  /** How long a till goes without hearing from the service before its catalogue's age shows. */
  public static final java.time.Duration CATALOGUE_STALE_AFTER = java.time.Duration.ofMinutes(10);

  private final ReadOnlyStringWrapper catalogue = new ReadOnlyStringWrapper("");
  private java.time.Duration catalogueAge;

  public StatusViewModel(Messages messages) {
    this.messages = messages;
    messages.localeProperty().addListener((o, a, b) -> relabel());
    messages.follow(employee);
    messages.follow(note);
  }

  public ReadOnlyStringProperty connectionProperty() {
    return connection.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Level> connectionLevelProperty() {
    return connectionLevel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty printerProperty() {
    return printer.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Level> printerLevelProperty() {
    return printerLevel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty drawerProperty() {
    return drawer.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Level> drawerLevelProperty() {
    return drawerLevel.getReadOnlyProperty();
  }

  /** The drawer's switch: open, closed, or not known; {@code leftOpen} after too long open. */
  public void drawer(io.kasa.devices.drawer.CashDrawer.State state, boolean leftOpenNow) {
    lastDrawer = state;
    leftOpen = leftOpenNow && state == io.kasa.devices.drawer.CashDrawer.State.OPEN;
    drawerFailed = false;
    relabel();
  }

  /** The drawer was asked to open and did not: red until its switch reports again. */
  public void drawerFailed() {
    drawerFailed = true;
    relabel();
  }

  /**
   * While kitchen tickets for this terminal's stations cannot print (no service, or the kitchen
   * printer down), what waits; else empty (the bar hides it).
   */
  public ReadOnlyStringProperty kitchenProperty() {
    return kitchen.getReadOnlyProperty();
  }

  /**
   * How bad the kitchen's state is: an error while tickets wait, a warning while they print on the
   * fallback printer (ADR 0057).
   */
  public ReadOnlyObjectProperty<Level> kitchenLevelProperty() {
    return kitchenLevel.getReadOnlyProperty();
  }

  /** The state of this terminal's kitchen printing (ADR 0053). */
  public void kitchen(io.kasa.client.kitchen.KitchenFeed.State state) {
    lastKitchen = state;
    relabel();
  }

  /** "Scanner unplugged" while the scanner is away, else empty (the bar hides it). */
  public ReadOnlyStringProperty scannerProperty() {
    return scanner.getReadOnlyProperty();
  }

  /**
   * The scanner went away ({@code connected} false: the bar says so until it is back) or came back
   * (the bar's note says so once).
   */
  public void scanner(boolean connected) {
    if (connected && scannerLost) {
      note(messages.get("status.scanner.back"));
    }
    scannerLost = !connected;
    relabel();
  }

  public StringProperty employeeProperty() {
    return employee;
  }

  /** A passing note in the status bar (e.g. a report printed late). */
  public StringProperty noteProperty() {
    return note;
  }

  public void note(String text) {
    note.set(text);
    passing = false;
  }

  /**
   * A note about what the person signed in just did (a check paid): it goes when they sign out, so
   * the next person does not read it as news of their own.
   */
  public void noteUntilSignOut(String text) {
    note.set(text);
    passing = true;
  }

  /** The person signed out: their passing note goes. */
  public void signedOut() {
    employee.set("");
    if (passing) {
      note.set("");
      passing = false;
    }
  }

  public void sync(SyncStatus s) {
    lastSync = s;
    relabel();
  }

  /** The catalogue's age when stale ("Catalogue: 2 h old"), else empty. */
  public ReadOnlyStringProperty catalogueProperty() {
    return catalogue.getReadOnlyProperty();
  }

  /**
   * When the till was last known to hold everything the service has (ADR 0028), or null when not
   * known; past {@link #CATALOGUE_STALE_AFTER} the status bar says how old its catalogue is.
   */
  public void currentAt(java.time.Instant at, java.time.Instant now) {
    java.time.Duration age = at == null ? null : java.time.Duration.between(at, now);
    catalogueAge = age != null && age.compareTo(CATALOGUE_STALE_AFTER) > 0 ? age : null;
    relabel();
  }

  private String catalogueAge() {
    if (catalogueAge == null) {
      return "";
    }
    long minutes = catalogueAge.toMinutes();
    if (minutes < 60) {
      return messages.get("status.catalogue.minutes", minutes);
    }
    if (minutes < 48 * 60) {
      return messages.get("status.catalogue.hours", minutes / 60);
    }
    return messages.get("status.catalogue.days", minutes / (24 * 60));
  }

  public void printer(PrinterStatus s) {
    lastPrinter = s;
    withTechnician = false;
    relabel();
  }

  /** The devices are on the technician's bench: their last state no longer says anything. */
  public void devicesWithTechnician() {
    withTechnician = true;
    relabel();
  }

  private void relabel() {
    catalogue.set(catalogueAge());
    scanner.set(scannerLost ? messages.get("status.scanner.lost") : "");
    boolean waiting =
        lastKitchen == io.kasa.client.kitchen.KitchenFeed.State.OFFLINE
            || lastKitchen == io.kasa.client.kitchen.KitchenFeed.State.PRINTER_DOWN;
    boolean fallback = lastKitchen == io.kasa.client.kitchen.KitchenFeed.State.FALLBACK;
    kitchen.set(waiting || fallback ? messages.get("status.kitchen." + lastKitchen.name()) : "");
    kitchenLevel.set(waiting ? Level.ERROR : fallback ? Level.WARNING : Level.OK);
    if (lastSync != null) {
      boolean online = lastSync.connectivity() == Connectivity.State.ONLINE;
      String state =
          messages.get(
              "status.connection."
                  + lastSync.connectivity().name().toLowerCase(java.util.Locale.ROOT));
      connection.set(
          lastSync.unsent() == 0
              ? state
              : messages.get("status.connection.pending", state, lastSync.unsent()));
      connectionLevel.set(
          lastSync.rejected() > 0 ? Level.ERROR : online ? Level.OK : Level.WARNING);
    }
    if (drawerFailed) {
      drawer.set(messages.get("status.drawer.failed"));
      drawerLevel.set(Level.ERROR);
    } else if (lastDrawer != null) {
      drawer.set(
          messages.get(
              leftOpen
                  ? "status.drawer.leftOpen"
                  : "status.drawer." + lastDrawer.name().toLowerCase(java.util.Locale.ROOT)));
      drawerLevel.set(leftOpen ? Level.ERROR : Level.OK);
    }
    if (withTechnician) {
      printer.set(messages.get("status.printer.technician"));
      printerLevel.set(Level.WARNING);
    } else if (lastPrinter != null) {
      printer.set(messages.get("status.printer." + printerKey(lastPrinter)));
      printerLevel.set(printerLevel(lastPrinter));
    }
  }

  /**
   * The printer's state as the last part of its message keys: {@code ready}, {@code paperLow},
   * {@code paperOut}, {@code coverOpen}, {@code offline} or {@code error}.
   */
  public static String printerKey(PrinterStatus s) {
    if (!s.connected()) {
      return "offline";
    }
    if (s.reply() == PrinterStatus.Reply.NOT_A_PRINTER) {
      return "error"; // something else answers at the printer's address: no receipts there
    }
    if (s.flags().contains(PrinterStatus.Flag.PAPER_END)) {
      return "paperOut";
    }
    if (s.flags().contains(PrinterStatus.Flag.COVER_OPEN)) {
      return "coverOpen";
    }
    if (s.flags().contains(PrinterStatus.Flag.OFFLINE)
        || s.flags().contains(PrinterStatus.Flag.ERROR)
        || s.flags().contains(PrinterStatus.Flag.CUTTER_ERROR)
        || s.flags().contains(PrinterStatus.Flag.UNRECOVERABLE_ERROR)) {
      return "error";
    }
    if (s.flags().contains(PrinterStatus.Flag.PAPER_NEAR_END)) {
      return "paperLow";
    }
    return "ready";
  }

  static Level printerLevel(PrinterStatus s) {
    String key = printerKey(s);
    return switch (key) {
      case "ready" -> Level.OK;
      case "paperLow" -> Level.WARNING;
      default -> Level.ERROR;
    };
  }
}
