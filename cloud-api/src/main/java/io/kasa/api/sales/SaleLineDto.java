package io.kasa.api.sales;

import java.util.List;

/**
 * One line of a sale as the terminal rang it up.
 *
 * @param number line number from 1
 * @param itemId the catalogue item
 * @param quantity decimal string, up to three decimals
 * @param unitPrice the price per unit charged, in minor units
 * @param priceOverrideReason why the price differs from the catalogue, or null
 * @param discount the line discount, or null
 * @param voided whether the line was voided
 * @param amount what the terminal computed the customer pays for the line (after discounts, tax
 *     included); the service recomputes it and names the line if they disagree
 * @param modifiers the options chosen with the item (ADR 0043); empty or absent when none, as from
 *     a till older than modifiers
 * @param note the guest's note for the kitchen or the bar, or null
 */
public record SaleLineDto(
    int number,
    String itemId,
    String quantity,
    long unitPrice,
    String priceOverrideReason,
    DiscountDto discount,
    boolean voided,
    long amount,
    List<ChosenModifierDto> modifiers,
    String note) {

  public SaleLineDto {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  /** A line with no options and no note. */
  public SaleLineDto(
      int number,
      String itemId,
      String quantity,
      long unitPrice,
      String priceOverrideReason,
      DiscountDto discount,
      boolean voided,
      long amount) {
    this(
        number,
        itemId,
        quantity,
        unitPrice,
        priceOverrideReason,
        discount,
        voided,
        amount,
        List.of(),
        null);
  }
}
