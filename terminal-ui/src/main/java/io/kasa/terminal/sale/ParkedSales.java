package io.kasa.terminal.sale;

import io.kasa.domain.sale.Sale;
import io.kasa.terminal.ui.Banner;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** F9: the sale in progress parked for later, and a parked sale recalled. */
public final class ParkedSales {

  private final SaleSession session;
  private final Deque<Sale> parked = new ArrayDeque<>();
  private final SimpleIntegerProperty count = new SimpleIntegerProperty();

  ParkedSales(SaleSession session) {
    this.session = session;
  }

  /** How many sales are parked. */
  public ReadOnlyIntegerProperty countProperty() {
    return count;
  }

  /** Parks the sale in progress, or recalls the last one parked when the cart is empty. */
  public void parkOrRecall() {
    if (session.phase.get() != SaleViewModel.Phase.CART) {
      return;
    }
    if (!session.sale().lines().isEmpty()) {
      parked.push(session.sale());
      count.set(parked.size());
      session.newSale();
      session.show(Banner.Kind.INFO, session.messages.get("sale.parked", parked.size()));
    } else if (!parked.isEmpty()) {
      session.use(parked.pop());
      count.set(parked.size());
      session.show(Banner.Kind.INFO, session.messages.get("sale.recalled"));
    } else {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.nothingParked"));
    }
  }
}
