package io.kasa.terminal.returns;

import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.sale.RefundMethod;
import io.kasa.domain.sale.SaleLine;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.Shifts;
import io.kasa.terminal.task.TaskExecutor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A return: the receipt number typed or scanned, the original's lines with what may still come
 * back, the quantities chosen, to the original tenders or in cash, and a manager's PIN.
 */
public final class ReturnsViewModel {

  /** One line of the original: what was sold, what came back already, what comes back now. */
  public static final class Line {
    private final int number;
    private final String name;
    private final Quantity returnable;
    private final boolean measured;
    private final String sold;
    private final ObjectProperty<Quantity> back = new SimpleObjectProperty<>(Quantity.ZERO);

    Line(int number, String name, Quantity returnable, boolean measured, String sold) {
      this.number = number;
      this.name = name;
      this.returnable = returnable;
      this.measured = measured;
      this.sold = sold;
    }

    public int number() {
      return number;
    }

    public String name() {
      return name;
    }

    /** What was sold, and what is left to return, as shown. */
    public String sold() {
      return sold;
    }

    public ObjectProperty<Quantity> backProperty() {
      return back;
    }

    /** One more (or, for a weighed line, all of it). */
    public void more() {
      Quantity next = measured ? returnable : back.get().plus(Quantity.ONE);
      back.set(next.compareTo(returnable) > 0 ? returnable : next);
    }

    public void less() {
      back.set(
          measured || back.get().compareTo(Quantity.ONE) < 0
              ? Quantity.ZERO
              : back.get().minus(Quantity.ONE));
    }
  }

  private final Returns returns;
  private final java.util.function.Supplier<String> publicAddress;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final MoneyFormat format;
  private final StringProperty number = new SimpleStringProperty("");
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ObservableList<String> receipt = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ObjectProperty<RefundMethod> method =
      new SimpleObjectProperty<>(RefundMethod.ORIGINAL_TENDERS);
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private Returns.Found found;

  /**
   * @param publicAddress the store's public address now, or null: a scanned receipt QR code ({@code
   *     {publicAddress}/r/{token}}) is read back against it
   */
  public ReturnsViewModel(
      Returns returns,
      java.util.function.Supplier<String> publicAddress,
      TaskExecutor tasks,
      Messages messages,
      Locale storeLocale) {
    this.returns = returns;
    this.publicAddress = publicAddress;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(message);
    this.format = new MoneyFormat(storeLocale);
  }

  public StringProperty numberProperty() {
    return number;
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public ObservableList<String> receipt() {
    return receipt;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ObjectProperty<RefundMethod> methodProperty() {
    return method;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /**
   * Finds the original by what was typed or scanned: its number, its barcode or its QR code's URL
   * ({@link ReceiptCode}); a URL of another site is refused by name.
   */
  public void find() {
    String given = number.get().strip();
    if (given.isEmpty()) {
      message.set(messages.get("returns.number.missing"));
      return;
    }
    ReceiptCode.Read read = ReceiptCode.read(given, publicAddress.get());
    if (read instanceof ReceiptCode.OtherSite other) {
      message.set(messages.get("returns.otherSite", other.host()));
      return;
    }
    if (read instanceof ReceiptCode.NotAReceipt) {
      message.set(messages.get("returns.notAReceipt", given));
      return;
    }
    String typed =
        read instanceof ReceiptCode.Number n ? n.receiptNumber() : messages.get("returns.scanned");
    if (read instanceof ReceiptCode.Number n) {
      number.set(n.receiptNumber());
    }
    busy.set(true);
    tasks.submit(
        () ->
            read instanceof ReceiptCode.Token t
                ? returns.findByToken(t.token())
                : returns.find(((ReceiptCode.Number) read).receiptNumber()),
        result -> {
          busy.set(false);
          lines.clear();
          receipt.clear();
          found = result.orElse(null);
          if (found == null) {
            message.set(messages.get("returns.notFound", typed));
            return;
          }
          for (SaleLine l : found.sale().activeLines()) {
            Quantity left = l.quantity().minus(found.sale().refundedQuantity(l.number()));
            lines.add(
                new Line(
                    l.number(),
                    l.item().name(),
                    left,
                    l.item().unit().isMeasured(),
                    format.quantity(l.quantity())
                        + " × "
                        + format.amount(l.unitPrice())
                        + (left.equals(l.quantity())
                            ? ""
                            : "  (" + messages.get("returns.left", format.quantity(left)) + ")")));
          }
          number.set(found.receiptNumber());
          message.set(messages.get("returns.found", found.receiptNumber()));
        },
        e -> {
          busy.set(false);
          message.set(messages.get("returns.failed"));
        });
  }

  /** Refunds what was chosen, with a manager's PIN. */
  public void refund(Shifts.ManagerPin manager) {
    Map<Integer, Quantity> chosen = new LinkedHashMap<>();
    for (Line l : lines) {
      if (l.backProperty().get().isPositive()) {
        chosen.put(l.number(), l.backProperty().get());
      }
    }
    if (found == null || chosen.isEmpty()) {
      message.set(messages.get("returns.nothingChosen"));
      return;
    }
    Returns.Found sale = found;
    RefundMethod how = method.get();
    busy.set(true);
    tasks.submit(
        () -> returns.refund(sale, chosen, how, manager),
        printed -> {
          busy.set(false);
          receipt.setAll(printed);
          lines.clear();
          found = null;
          number.set("");
          message.set(messages.get("returns.done"));
        },
        e -> {
          busy.set(false);
          message.set(
              e instanceof Shifts.Refused r ? r.getMessage() : messages.get("returns.failed"));
        });
  }

  /** Whether something was chosen to come back. */
  public boolean anythingChosen() {
    return lines.stream().anyMatch(l -> l.backProperty().get().isPositive());
  }
}
