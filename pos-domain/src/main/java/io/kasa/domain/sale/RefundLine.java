package io.kasa.domain.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.tax.TaxRate;

/**
 * One refunded line: a share of the original line's amounts proportional to the quantity.
 *
 * @param saleLineNumber the original line
 * @param item the item as sold
 * @param quantity how much was returned
 * @param amount the share of the line's taxable amount
 * @param tax the share of the line's tax
 * @param payable what goes back to the customer for this line
 * @param rate the rate the line was sold at
 */
public record RefundLine(
    int saleLineNumber,
    CatalogItem item,
    Quantity quantity,
    Money amount,
    Money tax,
    Money payable,
    TaxRate rate) {}
