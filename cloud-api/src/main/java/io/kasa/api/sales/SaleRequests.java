package io.kasa.api.sales;

import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The wire form of a paid pos-domain sale: what a terminal submits to {@code POST /v1/sales}. */
public final class SaleRequests {

  private SaleRequests() {}

  /**
   * The request for a paid sale.
   *
   * @param sale the sale, paid
   * @param receipt its receipt number
   * @param cardTokens the processor tokens of its card tenders, by tender id (absent for a card
   *     taken offline)
   * @param offline whether it was completed without the service
   * @param approvalId a manager's price-override approval, or null
   */
  public static SaleRequest of(
      Sale sale,
      ReceiptNumber receipt,
      Map<UUID, String> cardTokens,
      boolean offline,
      UUID approvalId) {
    SaleTotals t = sale.totals();
    List<SaleLineDto> lines = new ArrayList<>();
    for (SaleLine line : sale.lines()) {
      long amount =
          line.voided() ? 0 : t.line(line.number()).map(LineTotals::payable).orElseThrow().minor();
      lines.add(
          new SaleLineDto(
              line.number(),
              line.item().id(),
              line.quantity().toString(),
              line.unitPrice().minor(),
              line.priceOverride().map(o -> o.reason()).orElse(null),
              line.lineDiscount().map(SaleRequests::discount).orElse(null),
              line.voided(),
              amount,
              line.modifiers().stream()
                  .map(
                      m ->
                          new ChosenModifierDto(
                              m.groupId(),
                              m.optionId(),
                              m.priceDelta().minor(),
                              m.groupName(),
                              m.optionName()))
                  .toList(),
              line.note()));
    }
    List<TenderDto> tenders = new ArrayList<>();
    for (Tender tender : sale.tenders()) {
      tenders.add(
          new TenderDto(
              tender.id(),
              tender.type().name(),
              tender.amount().minor(),
              tender.type() == TenderType.CARD ? cardTokens.get(tender.id()) : null,
              tender.reference(),
              tender.type() == TenderType.EXTERNAL_CARD && tender.card() != null
                  ? tender.card().last4()
                  : null,
              tender.tip().isPositive() ? tender.tip().minor() : null));
    }
    return new SaleRequest(
        sale.id(),
        receipt.toString(),
        sale.policy().currency().getCurrencyCode(),
        sale.openedAt(),
        sale.paidAt().orElseThrow(() -> new IllegalArgumentException("The sale is not paid")),
        lines,
        sale.orderDiscount().map(SaleRequests::discount).orElse(null),
        tenders,
        TotalsDto.of(sale),
        offline,
        approvalId);
  }

  /**
   * The paid pos-domain sale a request records, rebuilt for a return: each line at the unit price
   * it was sold at, with its discount and void, then the tenders. {@code items} gives each item's
   * catalogue entry (for its name, unit and tax class; withdrawn items included). Refuses a request
   * whose rebuilt total is not the one recorded, rather than refund from wrong amounts.
   */
  public static Sale replay(
      SaleRequest r,
      io.kasa.domain.sale.SalePolicy policy,
      java.util.function.Function<String, java.util.Optional<io.kasa.domain.catalog.CatalogItem>>
          items) {
    java.util.Currency currency = policy.currency();
    Sale sale = Sale.open(r.id(), policy, r.openedAt());
    for (SaleLineDto l : r.lines()) {
      io.kasa.domain.catalog.CatalogItem known =
          items
              .apply(l.itemId())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Item " + l.itemId() + " is not in the catalogue"));
      io.kasa.domain.catalog.CatalogItem asSold =
          new io.kasa.domain.catalog.CatalogItem(
              known.id(),
              known.sku(),
              known.name(),
              known.barcodes(),
              known.unit(),
              io.kasa.domain.money.Money.of(l.unitPrice(), currency),
              known.taxClass(),
              false,
              known.ageRestricted());
      List<io.kasa.domain.sale.ChosenModifier> chosen = chosen(l, currency);
      sale.addItem(
          asSold.withModifierGroups(io.kasa.domain.sale.Modifiers.asSold(chosen)),
          io.kasa.domain.money.Quantity.parse(l.quantity()),
          io.kasa.domain.sale.Modifiers.selectionOf(chosen, l.note()));
      if (l.discount() != null) {
        sale.discountLine(l.number(), discount(l.discount(), currency));
      }
      if (l.voided()) {
        sale.voidLine(l.number());
      }
    }
    if (r.orderDiscount() != null) {
      sale.discountOrder(discount(r.orderDiscount(), currency));
    }
    sale.startTendering();
    for (TenderDto t : r.tenders()) {
      sale.addTender(
          new Tender(
              t.id(),
              TenderType.valueOf(t.type()),
              io.kasa.domain.money.Money.of(t.amount(), currency),
              t.reference(),
              t.cardLast4() == null
                  ? null
                  : new io.kasa.domain.tender.CardDetails("", t.cardLast4()),
              io.kasa.domain.money.Money.of(t.tipOrZero(), currency)),
          r.paidAt());
    }
    if (sale.totals().total().minor() != r.totals().total()) {
      throw new IllegalArgumentException(
          "Sale " + r.receiptNumber() + " does not rebuild to its recorded total");
    }
    return sale;
  }

  /**
   * The options a recorded line chose, as recorded: the names a till older than the names in the
   * request left out are the ids.
   */
  public static List<io.kasa.domain.sale.ChosenModifier> chosen(
      SaleLineDto l, java.util.Currency currency) {
    return l.modifiers().stream()
        .map(
            m ->
                new io.kasa.domain.sale.ChosenModifier(
                    m.groupId(),
                    m.groupName() == null || m.groupName().isBlank() ? m.groupId() : m.groupName(),
                    m.optionId(),
                    m.optionName() == null || m.optionName().isBlank()
                        ? m.optionId()
                        : m.optionName(),
                    io.kasa.domain.money.Money.of(m.priceDelta(), currency)))
        .toList();
  }

  private static Discount discount(DiscountDto d, java.util.Currency currency) {
    String reason = d.reason() == null ? "" : d.reason();
    Discount discount =
        d.percent() != null
            ? Discount.percent(
                new io.kasa.domain.money.Percent(new java.math.BigDecimal(d.percent())), reason)
            : Discount.amount(io.kasa.domain.money.Money.of(d.amount(), currency), reason);
    return discount.approvedBy(d.approvedBy());
  }

  private static DiscountDto discount(Discount d) {
    if (d instanceof Discount.PercentOff p) {
      return new DiscountDto(p.percent().value().toPlainString(), null, p.reason(), p.approvedBy());
    }
    Discount.AmountOff a = (Discount.AmountOff) d;
    return new DiscountDto(null, a.amount().minor(), a.reason(), a.approvedBy());
  }
}
