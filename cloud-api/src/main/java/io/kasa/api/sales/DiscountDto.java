package io.kasa.api.sales;

/**
 * A discount: either a percentage or an amount.
 *
 * @param percent the percentage as a decimal string ("10"), or null
 * @param amount the amount in minor units, or null
 * @param reason why it was given
 */
public record DiscountDto(String percent, Long amount, String reason) {}
