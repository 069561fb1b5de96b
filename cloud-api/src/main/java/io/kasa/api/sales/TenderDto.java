package io.kasa.api.sales;

import java.util.UUID;

/**
 * One payment.
 *
 * @param id created on the terminal
 * @param type CASH, CARD or OTHER
 * @param amount in minor units, as handed over
 * @param cardToken for CARD: the payment token to authorise (test tokens in the API document)
 * @param reference for OTHER or offline cards: the reference printed on the receipt, or null
 */
public record TenderDto(UUID id, String type, long amount, String cardToken, String reference) {}
