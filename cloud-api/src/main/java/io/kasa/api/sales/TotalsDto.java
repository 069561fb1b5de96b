package io.kasa.api.sales;

/**
 * The totals the terminal computed; the service recomputes them and must agree.
 *
 * @param subtotal sum of line amounts before discounts
 * @param discounts line and order discounts
 * @param tax tax
 * @param total what the customer owed before cash rounding
 * @param cashRounding the cash rounding applied
 * @param change the change given
 */
public record TotalsDto(
    long subtotal, long discounts, long tax, long total, long cashRounding, long change) {

  /** A pos-domain sale's totals, as the wire carries them. */
  public static TotalsDto of(io.kasa.domain.sale.Sale sale) {
    io.kasa.domain.sale.SaleTotals t = sale.totals();
    return new TotalsDto(
        t.subtotal().minor(),
        t.discountTotal().minor(),
        t.tax().minor(),
        t.total().minor(),
        sale.cashRounding().minor(),
        sale.change().minor());
  }
}
