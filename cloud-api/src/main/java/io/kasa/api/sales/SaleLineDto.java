package io.kasa.api.sales;

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
 */
public record SaleLineDto(
    int number,
    String itemId,
    String quantity,
    long unitPrice,
    String priceOverrideReason,
    DiscountDto discount,
    boolean voided,
    long amount) {}
