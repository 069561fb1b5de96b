package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.terminal.ui.Banner;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;

/**
 * What is done to the cart's lines by key or touch: the selected line's quantity, moving the
 * selection, voiding the selected line; and the rule that a piece item's quantity is whole.
 */
final class LineActions {

  private final SaleSession session;
  private final IntegerProperty selected;

  LineActions(SaleSession session, IntegerProperty selected) {
    this.session = session;
    this.selected = selected;
  }

  /** A piece item's quantity must be whole: says so in the register's words when it is not. */
  boolean wholeEnough(CatalogItem item, Quantity q) {
    if (item.unit().isMeasured() || q.isWhole()) {
      return true;
    }
    session.show(Banner.Kind.WARNING, session.messages.get("sale.quantity.whole", item.name()));
    return false;
  }

  /** F3: the number typed becomes the selected line's quantity. */
  public void quantityOfSelected() {
    int n = selected.get();
    Optional<Quantity> q = Typed.quantity(session.entry.get());
    if (n < 1 || session.phase.get() != SaleViewModel.Phase.CART) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.selectLine"));
      return;
    }
    if (q.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.quantity.invalid"));
      return;
    }
    session.entry.set("");
    changeQuantity(n, q.get());
  }

  public void changeQuantity(int lineNumber, Quantity quantity) {
    if (!wholeEnough(session.sale().line(lineNumber).item(), quantity)) {
      return;
    }
    try {
      session.sale().changeQuantity(lineNumber, quantity);
      session.changed();
    } catch (SaleRuleViolation e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /** ↑ / ↓: selects the line above or below. */
  public void moveSelection(int by) {
    List<SaleLine> all = session.sale().lines();
    if (all.isEmpty()) {
      return;
    }
    int index = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).number() == selected.get()) {
        index = i;
      }
    }
    int next = Math.max(0, Math.min(all.size() - 1, index < 0 ? all.size() - 1 : index + by));
    selected.set(all.get(next).number());
  }

  /** Voids the selected line (it stays, struck through, for the record). */
  public void voidSelected() {
    int n = selected.get();
    if (n < 1 || session.phase.get() != SaleViewModel.Phase.CART) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.selectLine"));
      return;
    }
    session.sale().voidLine(n);
    session.changed();
    session.show(Banner.Kind.INFO, session.messages.get("sale.voided", n));
  }
}
