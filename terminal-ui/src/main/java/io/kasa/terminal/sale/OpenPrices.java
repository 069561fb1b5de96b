package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.terminal.ui.Banner;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Items whose price is given at the counter (a gift set, the deli's goods): the register asks for
 * the price on the keypad, or takes it from the item's price label, within the lowest and highest
 * price the item sets. A price outside them is refused with the range, and the sale stays as it
 * was.
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
      session.show(Banner.Kind.WARNING, session.messages.get("sale.openprice.invalid"));
      return;
    }
    if (!item.priceLimits().allows(price.get())) {
      // The pane stays open for another price; nothing in the cart changes.
      session.entry.set("");
      session.show(
          Banner.Kind.WARNING,
          session.messages.get(
              "sale.price.outside",
              session.withSymbol(price.get()),
              item.name(),
              range(item.priceLimits())));
      return;
    }
    session.entry.set("");
    wanted.set(null);
    seller.sell(item, quantity, price.get());
  }

  /**
   * A price label: one of the item at the label's price. Only an open-price item takes its price
   * from a label (a fixed-price item's label cannot change what it costs), and only within its
   * limits.
   */
  void labelled(CatalogItem item, Money price) {
    if (!item.openPrice()) {
      session.show(Banner.Kind.ERROR, session.messages.get("sale.label.fixedPrice", item.name()));
      return;
    }
    if (!item.priceLimits().allows(price)) {
      session.show(
          Banner.Kind.ERROR,
          session.messages.get(
              "sale.price.labelOutside",
              session.withSymbol(price),
              item.name(),
              range(item.priceLimits())));
      return;
    }
    seller.sell(item, Quantity.ONE, price);
  }

  /** What the price pane says of the item's limits ("Allowed: from 100,00 to 5 000,00 ₴"). */
  String allowed(CatalogItem item) {
    PriceLimits limits = item.priceLimits();
    return limits.isNone() ? "" : session.messages.get("sale.price.allowed", range(limits));
  }

  private String range(PriceLimits limits) {
    if (limits.min() != null && limits.max() != null) {
      return session.messages.get(
          "sale.price.between", session.amount(limits.min()), session.withSymbol(limits.max()));
    }
    if (limits.min() != null) {
      return session.messages.get("sale.price.atLeast", session.withSymbol(limits.min()));
    }
    return session.messages.get("sale.price.atMost", session.withSymbol(limits.max()));
  }

  /** Cancel: the item is not added. */
  void cancel() {
    wanted.set(null);
    session.entry.set("");
  }
}
