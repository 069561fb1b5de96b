package io.kasa.domain.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a sale. Lines are numbered from 1 in the order they were added; a voided line keeps
 * its number and stays in the sale for the audit trail but counts for nothing.
 *
 * @param number the line number, stable for the life of the sale
 * @param item the item as it was when scanned
 * @param quantity a positive quantity; whole for items sold by the piece
 * @param unitPrice the item's own price per unit (the catalogue price unless overridden), before
 *     the modifiers' deltas; {@link #chargedUnitPrice()} adds them
 * @param override the manual price change, or {@code null}
 * @param discount the line discount, or {@code null}
 * @param voided whether the line was voided
 * @param modifiers the options chosen with the item (ADR 0043), each adding its delta to every unit
 * @param note the guest's words for the kitchen or the bar, or {@code null}
 */
public record SaleLine(
    int number,
    CatalogItem item,
    Quantity quantity,
    Money unitPrice,
    PriceOverride override,
    Discount discount,
    boolean voided,
    List<ChosenModifier> modifiers,
    String note) {

  public SaleLine {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    note = note == null || note.isBlank() ? null : note;
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (number < 1) {
      throw new IllegalArgumentException("Line numbers start at 1: " + number);
    }
    if (!quantity.isPositive()) {
      throw new SaleRuleViolation(
          SaleRuleViolation.Rule.QUANTITY_NOT_POSITIVE,
          "Quantity of line " + number + " must be positive: " + quantity);
    }
    if (!quantity.isWhole() && !item.unit().isMeasured()) {
      throw new SaleRuleViolation(
          SaleRuleViolation.Rule.FRACTIONAL_QUANTITY_FOR_COUNTED_ITEM,
          item.name() + " is sold by the piece; quantity " + quantity + " is not whole");
    }
    if (unitPrice.isNegative()) {
      throw new SaleRuleViolation(
          SaleRuleViolation.Rule.PRICE_NEGATIVE, "A price cannot be negative: " + unitPrice);
    }
    Money charged = unitPrice;
    for (ChosenModifier m : modifiers) {
      charged = charged.plus(m.priceDelta());
    }
    if (charged.isNegative()) {
      throw new SaleRuleViolation(
          SaleRuleViolation.Rule.PRICE_NEGATIVE,
          "With its options line " + number + " would cost " + charged + " a unit");
    }
  }

  /** A line with no modifiers and no note. */
  public SaleLine(
      int number,
      CatalogItem item,
      Quantity quantity,
      Money unitPrice,
      PriceOverride override,
      Discount discount,
      boolean voided) {
    this(number, item, quantity, unitPrice, override, discount, voided, List.of(), null);
  }

  /** What each unit is charged: the item's unit price plus every chosen option's delta. */
  public Money chargedUnitPrice() {
    Money charged = unitPrice;
    for (ChosenModifier m : modifiers) {
      charged = charged.plus(m.priceDelta());
    }
    return charged;
  }

  /** Whether this line asks for exactly what {@code other} asks (same options, same note). */
  public boolean asksSameAs(List<ChosenModifier> otherModifiers, String otherNote) {
    return modifiers.equals(otherModifiers) && Objects.equals(note, otherNote);
  }

  public Optional<String> lineNote() {
    return Optional.ofNullable(note);
  }

  public Optional<PriceOverride> priceOverride() {
    return Optional.ofNullable(override);
  }

  public Optional<Discount> lineDiscount() {
    return Optional.ofNullable(discount);
  }

  SaleLine withQuantity(Quantity newQuantity) {
    return new SaleLine(
        number, item, newQuantity, unitPrice, override, discount, voided, modifiers, note);
  }

  SaleLine withPrice(Money newPrice, PriceOverride newOverride) {
    return new SaleLine(
        number, item, quantity, newPrice, newOverride, discount, voided, modifiers, note);
  }

  SaleLine withDiscount(Discount newDiscount) {
    return new SaleLine(
        number, item, quantity, unitPrice, override, newDiscount, voided, modifiers, note);
  }

  SaleLine withModifiers(List<ChosenModifier> newModifiers, String newNote) {
    return new SaleLine(
        number, item, quantity, unitPrice, override, discount, voided, newModifiers, newNote);
  }

  SaleLine asVoided() {
    return new SaleLine(
        number, item, quantity, unitPrice, override, discount, true, modifiers, note);
  }
}
