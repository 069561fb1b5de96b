package io.kasa.api.sales;

import java.util.UUID;

/**
 * A discount: either a percentage or an amount.
 *
 * @param percent the percentage as a decimal string ("10"), or null
 * @param amount the amount in minor units, or null
 * @param reason why it was given
 * @param approvedBy the manager whose PIN the terminal took for a discount beyond the giver's limit
 *     (ADR 0033), or null
 */
public record DiscountDto(String percent, Long amount, String reason, UUID approvedBy) {

  /** A discount that needed no approval. */
  public DiscountDto(String percent, Long amount, String reason) {
    this(percent, amount, reason, null);
  }
}
