package io.kasa.domain.sale;

import io.kasa.domain.tax.TaxBreakdownLine;
import java.util.ArrayList;
import java.util.List;

/** Renders totals as a small text table so worked examples read like the receipts they are. */
final class TotalsTable {

  private TotalsTable() {}

  static String of(SaleTotals totals) {
    List<String> rows = new ArrayList<>();
    for (LineTotals l : totals.lines()) {
      rows.add(
          String.format(
              "%d %s gross %s line-off %s order-off %s amount %s tax %s pay %s",
              l.number(),
              l.rate().label(),
              l.gross().toDecimal(),
              l.lineDiscount().toDecimal(),
              l.orderDiscount().toDecimal(),
              l.amount().toDecimal(),
              l.tax().toDecimal(),
              l.payable().toDecimal()));
    }
    rows.add(
        String.format(
            "subtotal %s line-off %s order-off %s tax %s total %s",
            totals.subtotal().toDecimal(),
            totals.lineDiscounts().toDecimal(),
            totals.orderDiscount().toDecimal(),
            totals.tax().toDecimal(),
            totals.total().toDecimal()));
    for (TaxBreakdownLine b : totals.taxBreakdown()) {
      rows.add(
          String.format(
              "%s %s%% net %s tax %s gross %s",
              b.rate().label(),
              b.rate().rate().value().toPlainString(),
              b.net().toDecimal(),
              b.tax().toDecimal(),
              b.gross().toDecimal()));
    }
    return String.join("\n", rows);
  }
}
