package io.kasa.domain.receipt;

import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ChosenModifier;
import java.util.List;

/**
 * One item line of a receipt.
 *
 * @param name the item's full name (renderers wrap, never truncate)
 * @param quantity the quantity sold or returned
 * @param unit the unit
 * @param unitPrice the price per unit charged, the chosen options' deltas included
 * @param gross quantity × unit price
 * @param discount the line's discount, zero if none (the order discount is shown separately)
 * @param amount {@code gross − discount}
 * @param taxLabel the marker of the line's tax rate
 * @param note a price override or discount reason, or {@code null}
 * @param modifiers the options chosen with the item, printed beneath it (ADR 0043)
 * @param lineNote the guest's note for the line, printed beneath it, or {@code null}
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
    String note,
    List<ChosenModifier> modifiers,
    String lineNote) {

  public ReceiptLine {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  /** A line with no options and no note of its own. */
  public ReceiptLine(
      String name,
      Quantity quantity,
      Unit unit,
      Money unitPrice,
      Money gross,
      Money discount,
      Money amount,
      String taxLabel,
      String note) {
    this(name, quantity, unit, unitPrice, gross, discount, amount, taxLabel, note, List.of(), null);
  }
}
