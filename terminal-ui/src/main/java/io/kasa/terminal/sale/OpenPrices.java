package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.terminal.ui.Banner;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Items whose price is given at the counter (a gift set, the deli's goods): the register asks for
 * the price on the keypad, or takes it from the item's price label.
 */
final class OpenPrices {

  /** Adds the item at the price given. */
  interface Seller {
    void sell(CatalogItem item, Quantity quantity, Money price);
  }

  private final SaleSession session;
  private final Seller seller;
  private final ReadOnlyObjectWrapper<CatalogItem> wanted = new ReadOnlyObjectWrapper<>();
  private Quantity quantity = Quantity.ONE;

  OpenPrices(SaleSession session, Seller seller) {
    this.session = session;
    this.seller = seller;
    session.onNewSale(() -> wanted.set(null));
  }

  /** The item whose price the view asks for; null when none is asked for. */
  ReadOnlyObjectProperty<CatalogItem> wantedProperty() {
    return wanted.getReadOnlyProperty();
  }

  /** Asks for the price of {@code quantity} of an open-price item. */
  void ask(CatalogItem item, Quantity quantity) {
    session.entry.set("");
    this.quantity = quantity;
    wanted.set(item);
  }

  /** OK: the amount typed is the item's price. */
  void priced() {
    CatalogItem item = wanted.get();
    if (item == null) {
      return;
    }
    Optional<Money> price = Typed.money(session.entry.get(), session.sale().policy().currency());
    if (price.isEmpty() || !price.get().isPositive()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.price.invalid"));
      return;
    }
    session.entry.set("");
    wanted.set(null);
    seller.sell(item, quantity, price.get());
  }

  /** Cancel: the item is not added. */
  void cancel() {
    wanted.set(null);
    session.entry.set("");
  }
}
