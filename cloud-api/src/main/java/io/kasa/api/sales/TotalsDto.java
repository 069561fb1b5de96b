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
    long subtotal, long discounts, long tax, long total, long cashRounding, long change) {}
