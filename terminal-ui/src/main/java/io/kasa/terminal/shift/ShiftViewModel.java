package io.kasa.terminal.shift;

import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shift screen: cash counted by denomination (for the float and for the blind count at the
 * close), cash in and out with a reason, a no-sale with a manager, the X report, and closing —
 * which wants every sale delivered first, or a manager's PIN that overrides it.
 */
public final class ShiftViewModel {

  /** One denomination and how many of it were counted. */
  public static final class Count {
    private final Money value;
    private final String label;
    private final IntegerProperty pieces = new SimpleIntegerProperty();

    Count(Money value, String label) {
      this.value = value;
      this.label = label;
    }

    public Money value() {
      return value;
    }

    public String label() {
      return label;
    }

    public IntegerProperty piecesProperty() {
      return pieces;
    }
  }

  /** Hryvnia notes and coins, largest first, in kopecks. */
  static final long[] UAH = {
    100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 10
  };

  private final Shifts shifts;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final MoneyFormat format;
  private final Currency currency;
  private final ObservableList<Count> counts = FXCollections.observableArrayList();
  private final ObservableList<String> report = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper counted = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final BooleanProperty open = new SimpleBooleanProperty();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty needsManager = new SimpleBooleanProperty();
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty reason = new SimpleStringProperty("");

  public ShiftViewModel(
      Shifts shifts, TaskExecutor tasks, Messages messages, Currency currency, Locale storeLocale) {
    this.shifts = shifts;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(state);
    messages.follow(message);
    this.currency = currency;
    this.format = new MoneyFormat(storeLocale);
    for (long v : UAH) {
      Count c = new Count(Money.of(v, currency), format.amount(Money.of(v, currency)));
      c.piecesProperty().addListener((o, a, b) -> recount());
      counts.add(c);
    }
    recount();
  }

  public ObservableList<Count> counts() {
    return counts;
  }

  /** The last report printed (X or Z), as printed. */
  public ObservableList<String> report() {
    return report;
  }

  public ReadOnlyStringProperty countedProperty() {
    return counted.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /** Set when the last close was refused for unsent sales: a manager's PIN may override. */
  public BooleanProperty needsManagerProperty() {
    return needsManager;
  }

  /** The amount typed for cash in or out, in major units. */
  public StringProperty amountProperty() {
    return amount;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  /** Reads whether a shift is open (on showing the screen). */
  public void refresh() {
    tasks.submit(
        shifts::current,
        shift -> {
          open.set(shift.isPresent());
          state.set(messages.get(shift.isPresent() ? "shift.state.open" : "shift.state.closed"));
        },
        e -> message.set(messages.get("shift.failed")));
  }

  public long countedMinor() {
    long total = 0;
    for (Count c : counts) {
      total += c.value().minor() * c.piecesProperty().get();
    }
    return total;
  }

  public void clearCount() {
    counts.forEach(c -> c.piecesProperty().set(0));
  }

  private void recount() {
    counted.set(format.withSymbol(Money.of(countedMinor(), currency)));
  }

  /**
   * Opens the shift with the cash counted as its float — or, when nothing was counted by
   * denomination, the amount typed.
   */
  public void openShift() {
    long openingFloat =
        countedMinor() > 0 || amount.get().isBlank()
            ? countedMinor()
            : minor(amount.get()).orElse(-1L);
    if (openingFloat < 0) {
      message.set(messages.get("shift.movement.invalid"));
      return;
    }
    amount.set("");
    run(
        () -> {
          shifts.open(openingFloat);
          return List.<String>of();
        },
        lines -> {
          clearCount();
          message.set(
              messages.get("shift.opened", format.withSymbol(Money.of(openingFloat, currency))));
        });
  }

  /** Cash put in (IN) or taken out (OUT) of the drawer, with a reason. */
  public void move(String type) {
    Optional<Long> minor = minor(amount.get());
    if (minor.isEmpty() || reason.get().isBlank()) {
      message.set(messages.get("shift.movement.invalid"));
      return;
    }
    String why = reason.get().strip();
    run(
        () -> {
          shifts.movement(type, minor.get(), why, null);
          return List.<String>of();
        },
        lines -> {
          amount.set("");
          reason.set("");
          message.set(
              messages.get(
                  "IN".equals(type) ? "shift.cashIn.done" : "shift.cashOut.done",
                  format.withSymbol(Money.of(minor.get(), currency))));
        });
  }

  /**
   * Opens the drawer without a sale: a manager's PIN, recorded (audited), then the drawer kicked
   * through its device; the message says whether it opened.
   */
  public void noSale(Shifts.ManagerPin manager) {
    run(
        () -> {
          shifts.movement("NO_SALE", 0, messages.get("shift.noSale.reason"), manager);
          return List.<String>of();
        },
        lines -> {
          message.set(messages.get("shift.noSale.recorded"));
          shifts
              .openDrawer()
              .thenAccept(
                  opened ->
                      tasks.ui(
                          () ->
                              message.set(
                                  messages.get(
                                      opened ? "shift.noSale.done" : "shift.noSale.notOpened"))));
        });
  }

  public void xReport() {
    run(
        () -> shifts.xReport().orElse(null),
        lines -> {
          if (lines == null) {
            message.set(messages.get("shift.report.offline"));
          } else {
            report.setAll(lines);
            message.set(messages.get("shift.x.done"));
          }
        });
  }

  /** Closes with the blind count; with sales unsent only with a manager's PIN. */
  public void close(Shifts.ManagerPin manager) {
    long countedCash = countedMinor();
    busy.set(true);
    tasks.submit(
        () -> shifts.close(countedCash, manager),
        lines -> {
          busy.set(false);
          needsManager.set(false);
          open.set(false);
          clearCount();
          state.set(messages.get("shift.state.closed"));
          if (lines.isPresent()) {
            report.setAll(lines.get());
            message.set(messages.get("shift.z.done"));
          } else {
            message.set(messages.get("shift.z.queued"));
          }
        },
        e -> {
          busy.set(false);
          if (e instanceof Shifts.Unsynced u) {
            needsManager.set(true);
            message.set(messages.get("shift.close.unsynced", u.count()));
          } else if (e instanceof Shifts.Refused r && r.managerWouldDo()) {
            needsManager.set(true);
            message.set(r.getMessage());
          } else {
            message.set(
                e instanceof Shifts.Refused ? e.getMessage() : messages.get("shift.failed"));
          }
        });
  }

  private void run(
      java.util.concurrent.Callable<List<String>> work,
      java.util.function.Consumer<List<String>> done) {
    busy.set(true);
    tasks.submit(
        work,
        lines -> {
          busy.set(false);
          done.accept(lines);
          refresh();
        },
        e -> {
          busy.set(false);
          message.set(e instanceof Shifts.Refused ? e.getMessage() : messages.get("shift.failed"));
        });
  }

  private Optional<Long> minor(String typed) {
    try {
      BigDecimal v = new BigDecimal(typed.strip().replace(',', '.'));
      int digits = currency.getDefaultFractionDigits();
      if (v.signum() <= 0 || v.scale() > digits) {
        return Optional.empty();
      }
      return Optional.of(v.movePointRight(digits).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
