package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.LineExtras;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SaleTotals;
import java.util.ArrayList;
import java.util.List;

/**
 * The cart's lines as shown: quantity with its unit, price, amount and tax marker, and what changed
 * a line's price (its discount, the price it was); an order discount gets a row of its own.
 */
final class CartRows {

  private CartRows() {}

  static List<CartLine> of(SaleSession session, SaleTotals t) {
    Sale sale = session.sale();
    Money zero = Money.zero(sale.policy().currency());
    List<CartLine> rows = new ArrayList<>();
    for (SaleLine l : sale.lines()) {
      Money amount = l.voided() ? zero : t.line(l.number()).map(LineTotals::payable).orElse(zero);
      rows.add(
          new CartLine(
              l.number(),
              l.item().name(),
              session.format.quantity(l.quantity()),
              unit(session, l.item()),
              session.amount(l.unitPrice()),
              session.amount(amount),
              sale.policy().tax().rateFor(l.item().taxClass()).label(),
              note(session, l, t),
              l.voided(),
              extras(session, l),
              !l.item().modifierGroups().isEmpty()));
    }
    sale.orderDiscount()
        .ifPresent(
            d ->
                rows.add(
                    new CartLine(
                        0,
                        session.messages.get("sale.order.discount"),
                        "",
                        "",
                        "",
                        "−" + session.amount(t.orderDiscount()),
                        "",
                        percentOf(session, d),
                        false,
                        List.of(),
                        false)));
    return rows;
  }

  /** The unit of an item as shown after its quantity ("кг"); empty for pieces. */
  static String unit(SaleSession session, CatalogItem item) {
    return item.unit().isMeasured() ? session.messages.get("unit." + item.unit().name()) : "";
  }

  private static String note(SaleSession session, SaleLine l, SaleTotals t) {
    List<String> parts = new ArrayList<>();
    if (l.discount() != null && !l.voided()) {
      Money off = t.line(l.number()).map(LineTotals::lineDiscount).orElse(null);
      String what = percentOf(session, l.discount());
      parts.add(
          session.messages.get(
              "sale.line.discount", off == null ? what : what + " −" + session.amount(off)));
    }
    if (l.override() != null) {
      parts.add(
          session.messages.get(
              "sale.line.priceWas", session.amount(l.override().originalUnitPrice())));
    }
    return String.join(" · ", parts);
  }

  /**
   * The options and note beneath a line in the receipt's words (LineExtras): the options' amounts
   * in the store's way, as every amount on the screen; the note's word in the register's language.
   */
  private static List<String> extras(SaleSession session, SaleLine l) {
    List<String> rows = new ArrayList<>();
    for (LineExtras.Row r : LineExtras.rows(l.modifiers(), null, session.storeLocale)) {
      rows.add(r.joined());
    }
    for (LineExtras.Row r : LineExtras.rows(List.of(), l.note(), session.messages.locale())) {
      rows.add(r.joined());
    }
    return rows;
  }

  private static String percentOf(SaleSession session, Discount d) {
    return d instanceof Discount.PercentOff p
        ? p.percent().value().stripTrailingZeros().toPlainString() + " %"
        : d instanceof Discount.AmountOff a ? session.amount(a.amount()) : "";
  }
}
