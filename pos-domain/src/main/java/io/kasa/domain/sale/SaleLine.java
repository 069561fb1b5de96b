package io.kasa.domain.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a sale. Lines are numbered from 1 in the order they were added; a voided line keeps
 * its number and stays in the sale for the audit trail but counts for nothing.
 *
 * @param number the line number, stable for the life of the sale
 * @param item the item as it was when scanned
 * @param quantity a positive quantity; whole for items sold by the piece
 * @param unitPrice the price per unit charged (the catalogue price unless overridden)
 * @param override the manual price change, or {@code null}
 * @param discount the line discount, or {@code null}
 * @param voided whether the line was voided
 */
public record SaleLine(
    int number,
    CatalogItem item,
    Quantity quantity,
    Money unitPrice,
    PriceOverride override,
    Discount discount,
    boolean voided) {

  public SaleLine {
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
  }

  public Optional<PriceOverride> priceOverride() {
    return Optional.ofNullable(override);
  }

  public Optional<Discount> lineDiscount() {
    return Optional.ofNullable(discount);
  }

  SaleLine withQuantity(Quantity newQuantity) {
    return new SaleLine(number, item, newQuantity, unitPrice, override, discount, voided);
  }

  SaleLine withPrice(Money newPrice, PriceOverride newOverride) {
    return new SaleLine(number, item, quantity, newPrice, newOverride, discount, voided);
  }

  SaleLine withDiscount(Discount newDiscount) {
    return new SaleLine(number, item, quantity, unitPrice, override, newDiscount, voided);
  }

  SaleLine asVoided() {
    return new SaleLine(number, item, quantity, unitPrice, override, discount, true);
  }
}
