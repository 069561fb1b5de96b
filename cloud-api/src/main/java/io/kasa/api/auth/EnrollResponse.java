package io.kasa.api.auth;

/**
 * The terminal's identity and its credential, shown once: the service keeps only a hash, and, for a
 * while, the credential sealed for a retry by the same device (its Idempotency-Key, ADR 0018).
 *
 * @param terminalId the terminal
 * @param terminalCode the short code printed in receipt numbers
 * @param storeId the store it belongs to
 * @param storeCode the store's short code for receipt numbers
 * @param credential the secret to send as {@code Authorization: Bearer <credential>}
 */
public record EnrollResponse(
    String terminalId, String terminalCode, String storeId, String storeCode, String credential) {}
