package io.kasa.api.sales;

import java.util.UUID;

/**
 * A card tender authorised while the customer waits, before the sale is complete. The sale that
 * follows names the same tender id and token: the processor answers it with this authorisation (it
 * is idempotent by tender id), so nothing is charged twice.
 *
 * @param tenderId the tender the sale will carry, made on the terminal
 * @param saleId the sale it pays for
 * @param amount in minor units of the store's currency, more than zero
 * @param cardToken the payment token from the card reader (test tokens in the API document)
 */
public record CardAuthorisationRequest(UUID tenderId, UUID saleId, long amount, String cardToken) {}
