package io.kasa.terminal.sale;

import io.kasa.domain.id.TimeOrderedIds;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * F7: a card paid on the shop's standalone bank terminal (ADR 0031). The cashier copies what the
 * slip shows — the approval code and the card's last four digits — and the amount (all that is left
 * to pay unless she changes it); the tender is taken like any other, never sent to the processor,
 * and the drawer stays shut.
 */
public final class BankTerminalPayment {

  private final SaleSession session;
  private final Payment payment;
  private final BooleanProperty open = new SimpleBooleanProperty();
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty code = new SimpleStringProperty("");
  private final StringProperty last4 = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

  BankTerminalPayment(SaleSession session, Payment payment) {
    this.session = session;
    this.payment = payment;
    session.messages.follow(problem);
    session.onNewSale(this::close);
    session.phase.addListener(
        (o, a, now) -> {
          if (now != SaleViewModel.Phase.PAYMENT) {
            close();
          }
        });
  }

  /** Whether the form is on screen. */
  public ReadOnlyBooleanProperty openProperty() {
    return open;
  }

  /** The amount paid on the bank terminal, as typed (major units, comma or point). */
  public StringProperty amountProperty() {
    return amount;
  }

  /** The slip's approval code: six Latin letters or digits. */
  public StringProperty codeProperty() {
    return code;
  }

  /** The card's last four digits from the slip. */
  public StringProperty last4Property() {
    return last4;
  }

  /** Why the form was refused, in the cashier's language; empty when nothing is wrong. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /**
   * Opens the form for the amount typed on the keypad, or for all that is left to pay. Only while
   * paying, with nothing else under way.
   */
  public void open() {
    if (session.phase.get() != SaleViewModel.Phase.PAYMENT || session.busy.get() || open.get()) {
      return;
    }
    String typed = session.takeEntry();
    amount.set(typed.isBlank() ? session.amount(session.sale().amountDue()) : typed);
    code.set("");
    last4.set("");
    problem.set("");
    open.set(true);
  }

  /** Cancel: the form goes, nothing is paid. */
  public void close() {
    open.set(false);
    problem.set("");
  }

  /**
   * Takes the tender when the amount, the code and the digits are right; otherwise says what is
   * wrong in the form and takes nothing.
   */
  public void confirm() {
    if (!open.get() || session.busy.get()) {
      return;
    }
    Sale paying = session.sale();
    Money left = paying.amountDue();
    Optional<Money> paid = Typed.money(unspaced(amount.get()), paying.policy().currency());
    String c = code.get() == null ? "" : code.get().strip().toUpperCase(java.util.Locale.ROOT);
    String digits = last4.get() == null ? "" : last4.get().strip();
    if (paid.isEmpty()) {
      refuse("payment.bank.amount.invalid");
    } else if (paid.get().compareTo(left) > 0) {
      refuse("payment.bank.amount.overDue", session.withSymbol(left));
    } else if (!c.matches(Tender.APPROVAL_CODE)) {
      refuse("payment.bank.code.invalid");
    } else if (!digits.matches("\\d{4}")) {
      refuse("payment.bank.last4.invalid");
    } else {
      close();
      payment.tender(Tender.externalCard(TimeOrderedIds.next(), paid.get(), c, digits));
    }
  }

  private void refuse(String key, Object... args) {
    problem.set(session.messages.get(key, args));
  }

  /** Amounts are shown grouped ("1 234,50"): the spaces are not part of the number. */
  private static String unspaced(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s\\u00A0\\u202F]", "");
  }
}
