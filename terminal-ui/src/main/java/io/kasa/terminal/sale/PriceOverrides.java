package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.terminal.shift.Shifts;
import io.kasa.terminal.ui.Banner;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * F4: a line's price typed over the catalogue's. Lowered within the store's limit the cashier may
 * do it alone; beyond it a manager approves by PIN, online or (when the service is away) here.
 */
public final class PriceOverrides {

  /** Asks for a manager's approval of a lowered price: answers its id, or null when offline. */
  @FunctionalInterface
  public interface Approvals {
    UUID approve(Shifts.ManagerPin manager) throws Exception;
  }

  private final SaleSession session;
  private final IntegerProperty selected;
  private final ReadOnlyObjectWrapper<Integer> managerWanted = new ReadOnlyObjectWrapper<>();
  private Approvals approvals =
      manager -> {
        throw new IllegalStateException("No manager approvals here");
      };
  private Supplier<BigDecimal> limit = () -> BigDecimal.TEN;

  PriceOverrides(SaleSession session, IntegerProperty selected) {
    this.session = session;
    this.selected = selected;
  }

  /** Where price overrides beyond the store's limit (a percentage) get a manager's approval. */
  public void use(Approvals approvals, Supplier<BigDecimal> limit) {
    this.approvals = approvals;
    this.limit = limit;
  }

  /**
   * Set to the line number when a price typed for it needs a manager: the view asks for a PIN and
   * calls {@link #approve(Shifts.ManagerPin)}.
   */
  public ReadOnlyObjectProperty<Integer> managerWantedProperty() {
    return managerWanted.getReadOnlyProperty();
  }

  /** The price waiting for a manager's approval, as typed; empty when none is typed. */
  public Optional<Money> wanted() {
    return managerWanted.get() == null ? Optional.empty() : price();
  }

  /** F4: the price typed becomes the selected line's unit price, or waits for a manager. */
  public void override() {
    int n = selected.get();
    if (n < 1
        || session.phase.get() != SaleViewModel.Phase.CART
        || session.sale().line(n).voided()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.selectLine"));
      return;
    }
    Optional<Money> price = price();
    if (price.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.price.invalid"));
      return;
    }
    Money catalogue = session.sale().line(n).item().price();
    boolean beyond =
        price.get().minor() < catalogue.minor()
            && BigDecimal.valueOf(catalogue.minor() - price.get().minor())
                    .multiply(BigDecimal.valueOf(100))
                    .compareTo(limit.get().multiply(BigDecimal.valueOf(catalogue.minor())))
                > 0;
    if (beyond) {
      managerWanted.set(null);
      managerWanted.set(n);
      return;
    }
    session.entry.set("");
    apply(n, price.get());
  }

  /** The manager's PIN for the price typed: approved (online or here), then applied. */
  public void approve(Shifts.ManagerPin manager) {
    Integer n = managerWanted.get();
    Optional<Money> price = price();
    managerWanted.set(null);
    if (n == null || price.isEmpty()) {
      return;
    }
    session.entry.set("");
    session.tasks.submit(
        () -> Optional.ofNullable(approvals.approve(manager)),
        id -> {
          if (id.isPresent()) {
            session.approval = id.get();
          } else {
            session.approvedOffline = true;
          }
          apply(n, price.get());
        },
        e ->
            session.show(
                Banner.Kind.ERROR,
                e instanceof Shifts.Refused r
                    ? r.getMessage()
                    : session.messages.get("sale.price.refused")));
  }

  private Optional<Money> price() {
    return Typed.money(session.entry.get(), session.sale().policy().currency());
  }

  private void apply(int n, Money price) {
    try {
      session.sale().overridePrice(n, price, session.messages.get("sale.price.reason"));
      session.changed();
      session.show(
          Banner.Kind.INFO, session.messages.get("sale.price.changed", n, session.amount(price)));
    } catch (SaleRuleViolation | IllegalArgumentException e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }
}
