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
              amount));
    }
    List<TenderDto> tenders = new ArrayList<>();
    for (Tender tender : sale.tenders()) {
      tenders.add(
          new TenderDto(
              tender.id(),
              tender.type().name(),
              tender.amount().minor(),
              tender.type() == TenderType.CARD ? cardTokens.get(tender.id()) : null,
              tender.reference()));
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
        new TotalsDto(
            t.subtotal().minor(),
            t.discountTotal().minor(),
            t.tax().minor(),
            t.total().minor(),
            sale.cashRounding().minor(),
            sale.change().minor()),
        offline,
        approvalId);
  }

  private static DiscountDto discount(Discount d) {
    if (d instanceof Discount.PercentOff p) {
      return new DiscountDto(p.percent().value().toPlainString(), null, p.reason());
    }
    Discount.AmountOff a = (Discount.AmountOff) d;
    return new DiscountDto(null, a.amount().minor(), a.reason());
  }
}
