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
 */
public record TenderResultDto(
    UUID id, String type, long amount, String status, String authorisation) {}
