package io.kasa.domain.receipt;

import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;

/**
 * One item line of a receipt.
 *
 * @param name the item's full name (renderers wrap, never truncate)
 * @param quantity the quantity sold or returned
 * @param unit the unit
 * @param unitPrice the price per unit charged
 * @param gross quantity × unit price
 * @param discount the line's discount, zero if none (the order discount is shown separately)
 * @param amount {@code gross − discount}
 * @param taxLabel the marker of the line's tax rate
 * @param note a price override or discount reason, or {@code null}
 */
public record ReceiptLine(
    String name,
    Quantity quantity,
    Unit unit,
    Money unitPrice,
    Money gross,
    Money discount,
    Money amount,
    String taxLabel,
    String note) {}
