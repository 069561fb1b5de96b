package io.kasa.api.sales;

import java.util.UUID;

/**
 * What happened to one tender.
 *
 * @param id the tender
 * @param type CASH, CARD or OTHER
 * @param amount in minor units
 * @param status ACCEPTED, APPROVED (card), or STORED_OFFLINE
 * @param authorisation the processor's authorisation code for cards, or null
 * @param tip the tip on top of {@code amount} in minor units (a card was charged both), or null
 *     when none (ADR 0054)
 */
public record TenderResultDto(
    UUID id, String type, long amount, String status, String authorisation, Long tip) {

  /** A tender's outcome without a tip. */
  public TenderResultDto(UUID id, String type, long amount, String status, String authorisation) {
    this(id, type, amount, status, authorisation, null);
  }
}
