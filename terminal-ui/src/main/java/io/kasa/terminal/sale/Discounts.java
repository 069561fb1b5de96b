package io.kasa.terminal.sale;

import io.kasa.api.terminal.DiscountLimits;
import io.kasa.domain.money.Percent;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.terminal.shift.Shifts;
import io.kasa.terminal.ui.Banner;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * F5: a percentage off the selected line, Shift+F5 off the whole sale, within the store's limits
 * (ADR 0033). Within the signed-in employee's limit it applies at once; beyond it, up to a
 * manager's limit, a manager approves by PIN and is named on the discount; beyond that it is
 * refused.
 */
public final class Discounts {

  /** Checks a manager's PIN (here, so that it works offline) and answers who approved. */
  @FunctionalInterface
  public interface Approvals {
    Approver approve(Shifts.ManagerPin manager) throws Exception;
  }

  /**
   * The manager who approved a discount.
   *
   * @param id the manager
   * @param limit how far they may discount, in percent
   */
  public record Approver(UUID id, BigDecimal limit) {}

  /** The limits in force on this register, read when a discount is given. */
  public interface Limits {
    /** The signed-in employee's own limit, in percent. */
    BigDecimal own();

    /** The highest limit a manager has here, in percent. */
    BigDecimal managers();
  }

  /** A discount waiting for a manager: how much, and on what. */
  public record Wanted(Percent percent, boolean wholeSale, int line) {}

  private final SaleSession session;
  private final IntegerProperty selected;
  private final ReadOnlyObjectWrapper<Wanted> managerWanted = new ReadOnlyObjectWrapper<>();
  private Approvals approvals =
      manager -> {
        throw new IllegalStateException("No manager approvals here");
      };
  private Limits limits =
      new Limits() {
        @Override
        public BigDecimal own() {
          return DiscountLimits.of(null, "CASHIER");
        }

        @Override
        public BigDecimal managers() {
          return DiscountLimits.managers(null);
        }
      };

  Discounts(SaleSession session, IntegerProperty selected) {
    this.session = session;
    this.selected = selected;
  }

  /** Where the limits come from and how a manager approves one beyond the employee's own. */
  public void use(Approvals approvals, Limits limits) {
    this.approvals = approvals;
    this.limits = limits;
  }

  /**
   * Set when a discount typed needs a manager: the view asks for a PIN and calls {@link
   * #approve(Shifts.ManagerPin)}.
   */
  public ReadOnlyObjectProperty<Wanted> managerWantedProperty() {
    return managerWanted.getReadOnlyProperty();
  }

  /**
   * F5 / Shift+F5: the number typed is the percentage off, applied, sent to a manager or refused.
   */
  public void give(boolean wholeSale) {
    if (session.phase.get() != SaleViewModel.Phase.CART) {
      return;
    }
    Optional<Percent> percent = Typed.percent(session.entry.get());
    if (percent.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.discount.invalid"));
      return;
    }
    int line = wholeSale ? 0 : selected.get();
    if (!wholeSale && line < 1) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.selectLine"));
      return;
    }
    BigDecimal value = percent.get().value();
    if (value.compareTo(limits.own()) <= 0) {
      session.entry.set("");
      apply(new Wanted(percent.get(), wholeSale, line), null);
    } else if (value.compareTo(limits.managers()) <= 0) {
      managerWanted.set(null);
      managerWanted.set(new Wanted(percent.get(), wholeSale, line));
    } else {
      session.entry.set("");
      session.show(
          Banner.Kind.ERROR,
          session.messages.get("sale.discount.beyond", plain(value), plain(limits.managers())));
    }
  }

  /**
   * The manager's PIN for the discount waiting: checked, then the discount applied in their name.
   */
  public void approve(Shifts.ManagerPin manager) {
    Wanted wanted = managerWanted.get();
    managerWanted.set(null);
    if (wanted == null || manager == null) {
      return;
    }
    session.entry.set("");
    session.tasks.submit(
        () -> approvals.approve(manager),
        approver -> {
          if (wanted.percent().value().compareTo(approver.limit()) > 0) {
            session.show(
                Banner.Kind.ERROR,
                session.messages.get(
                    "sale.discount.beyond",
                    plain(wanted.percent().value()),
                    plain(approver.limit())));
          } else {
            apply(wanted, approver.id());
          }
        },
        e ->
            session.show(
                Banner.Kind.ERROR,
                e instanceof Shifts.Refused r
                    ? r.getMessage()
                    : session.messages.get("sale.discount.refused")));
  }

  private void apply(Wanted w, UUID approver) {
    Discount d =
        Discount.percent(w.percent(), session.messages.get("sale.discount.reason"))
            .approvedBy(approver);
    try {
      if (w.wholeSale()) {
        session.sale().discountOrder(d);
      } else {
        session.sale().discountLine(w.line(), d);
      }
      session.changed();
      session.show(
          Banner.Kind.INFO, session.messages.get("sale.discounted", plain(w.percent().value())));
    } catch (SaleRuleViolation | IllegalArgumentException e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  private static String plain(BigDecimal percent) {
    return percent.stripTrailingZeros().toPlainString();
  }
}
