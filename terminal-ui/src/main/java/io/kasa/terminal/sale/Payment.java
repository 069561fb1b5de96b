package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.domain.sale.SaleState;
import io.kasa.domain.tender.Tender;
import io.kasa.terminal.ui.Banner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Paying: what is due, cash (typed, exact or a quick amount) and the tenders taken so far, then the
 * sale journalled through the {@link Checkout} and its change and receipt shown.
 */
public final class Payment {

  private static final long[] NOTES = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

  private final SaleSession session;
  private final Checkout checkout;
  private final ObservableList<Money> quickCash = FXCollections.observableArrayList();
  private final ObservableList<String> receipt = FXCollections.observableArrayList();
  private final ObservableList<String> paid = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper due = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper receiptNumber = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper rounding = new ReadOnlyStringWrapper("");
  private Money lastChange;

  Payment(SaleSession session, Checkout checkout) {
    this.session = session;
    this.checkout = checkout;
    session.messages.followAll(paid);
    session.onNewSale(
        () -> {
          lastChange = null;
          paid.clear();
        });
    session.onChange(this::refresh);
    session.messages.localeProperty().addListener((o, a, b) -> refresh());
  }

  /**
   * While paying, when cash is rounded: what cash pays, by how much it was rounded, and what a card
   * pays ("До сплати 319,73" while exact cash is 319,70); empty otherwise.
   */
  public ReadOnlyStringProperty roundingProperty() {
    return rounding.getReadOnlyProperty();
  }

  /** Cash amounts offered in one touch: the exact amount due, then the next notes up. */
  public ObservableList<Money> quickCash() {
    return quickCash;
  }

  /** The last completed sale's receipt, as printed. */
  public ObservableList<String> receipt() {
    return receipt;
  }

  /** The tenders taken so far in this payment, one line each (split tender). */
  public ObservableList<String> paid() {
    return paid;
  }

  /** What is still to pay, while paying. */
  public ReadOnlyStringProperty dueProperty() {
    return due.getReadOnlyProperty();
  }

  /** The change to give, once paid. */
  public ReadOnlyStringProperty changeProperty() {
    return change.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty receiptNumberProperty() {
    return receiptNumber.getReadOnlyProperty();
  }

  /** F12: on to payment, if there is something to pay. */
  public void pay() {
    if (session.phase.get() != SaleViewModel.Phase.CART) {
      return;
    }
    if (session.sale().activeLines().isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.empty"));
      return;
    }
    if (!session.shiftOpen.get()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.noShift"));
      return;
    }
    session.sale().startTendering();
    session.phase.set(SaleViewModel.Phase.PAYMENT);
    session.changed();
  }

  /** Esc while paying: back to the cart (only before any tender). */
  public void backToCart() {
    if (session.phase.get() == SaleViewModel.Phase.PAYMENT && session.sale().tenders().isEmpty()) {
      session.sale().backToCart();
      session.phase.set(SaleViewModel.Phase.CART);
      session.changed();
    }
  }

  /** Cash: the amount typed, or the exact amount due when nothing was typed. */
  public void cash() {
    String typed = session.takeEntry();
    if (typed.isBlank()) {
      tender(Tender.cash(session.sale().cashDue()));
      return;
    }
    Optional<Money> amount = Typed.money(typed, session.sale().policy().currency());
    if (amount.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("payment.amount.invalid"));
      return;
    }
    tender(Tender.cash(amount.get()));
  }

  /**
   * Cash where the customer leaves the change as a tip (ADR 0054): the amount handed over is typed
   * (all of it stays in the drawer), the sale takes the cash due and the rest is the tip. Only when
   * the store takes tips and what was handed over covers the cash due.
   */
  public void cashKeepingChange(boolean tipsTaken) {
    if (session.phase.get() != SaleViewModel.Phase.PAYMENT || session.busy.get()) {
      return;
    }
    if (!tipsTaken) {
      session.show(Banner.Kind.WARNING, session.messages.get("tip.off"));
      return;
    }
    String typed = session.takeEntry();
    Optional<Money> handed =
        typed.isBlank() ? Optional.empty() : Typed.money(typed, session.sale().policy().currency());
    Money due = session.sale().cashDue();
    if (handed.isEmpty() || handed.get().compareTo(due) <= 0) {
      session.show(
          Banner.Kind.WARNING, session.messages.get("tip.cash.type", session.withSymbol(due)));
      return;
    }
    tender(Tender.cashKeepingChange(handed.get(), due));
  }

  /** One of the quick cash amounts. */
  public void cash(Money amount) {
    tender(Tender.cash(amount));
  }

  /** Takes a tender; the last one that pays the sale in full journals it. */
  void tender(Tender tender) {
    if (session.phase.get() != SaleViewModel.Phase.PAYMENT || session.busy.get()) {
      return;
    }
    Sale sale = session.sale();
    SaleState state;
    try {
      state = sale.addTender(tender, session.clock.instant());
    } catch (SaleRuleViolation | IllegalArgumentException e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
      return;
    }
    paid.add(io.kasa.terminal.receipt.TenderWords.of(tender, session.format, session.messages));
    if (!state.isPaid()) {
      session.changed();
      return;
    }
    lastChange = sale.change();
    session.busy.set(true);
    boolean offline = session.offlineSale();
    UUID approval = session.approval;
    Map<UUID, String> tokens = Map.copyOf(session.cardTokens);
    session.tasks.submit(
        () -> checkout.complete(sale, offline, approval, tokens),
        done -> {
          session.busy.set(false);
          receipt.setAll(done.preview());
          receiptNumber.set(done.receiptNumber());
          session.phase.set(SaleViewModel.Phase.DONE);
          session.changed();
          session.show(
              Banner.Kind.INFO, session.messages.get("payment.done", done.receiptNumber()));
        },
        e -> {
          session.busy.set(false);
          session.show(Banner.Kind.ERROR, session.messages.get("payment.journalFailed"));
        });
  }

  /** Ctrl+P: the last receipt again, marked as a copy (audited). */
  public void reprint() {
    session.tasks.submit(
        checkout::reprintLast,
        number ->
            session.show(
                number.isPresent() ? Banner.Kind.INFO : Banner.Kind.WARNING,
                number.isPresent()
                    ? session.messages.get("receipt.reprinted", number.get())
                    : session.messages.get("receipt.nothing")),
        e -> session.show(Banner.Kind.ERROR, session.messages.get("receipt.reprintFailed")));
  }

  private void refresh() {
    Sale sale = session.sale();
    if (session.phase.get() == SaleViewModel.Phase.PAYMENT) {
      due.set(session.withSymbol(sale.amountDue()));
      quickCash.setAll(quickAmounts(sale.cashDue()));
      Money by = sale.cashDue().minus(sale.amountDue());
      rounding.set(
          by.isZero()
              ? ""
              : session.messages.get(
                  "payment.rounding",
                  session.withSymbol(sale.cashDue()),
                  (by.isNegative() ? "−" : "+") + session.amount(by.abs()),
                  session.withSymbol(sale.amountDue())));
    } else {
      due.set("");
      rounding.set("");
      quickCash.clear();
    }
    change.set(lastChange == null ? "" : session.withSymbol(lastChange));
  }

  /** The exact cash due, then the next round amounts of the notes above it (three at most). */
  static List<Money> quickAmounts(Money due) {
    TreeSet<Long> amounts = new TreeSet<>();
    amounts.add(due.minor());
    for (long note : NOTES) {
      long up = ((due.minor() + note - 1) / note) * note;
      if (up > due.minor()) {
        amounts.add(up);
      }
    }
    List<Money> out = new ArrayList<>();
    for (long a : amounts) {
      if (out.size() == 4) {
        break;
      }
      out.add(Money.of(a, due.currency()));
    }
    return out;
  }
}
