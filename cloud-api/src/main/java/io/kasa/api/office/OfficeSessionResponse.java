package io.kasa.api.office;

import java.time.Instant;

/**
 * A back-office session.
 *
 * @param token send as {@code Authorization: Bearer}
 * @param expiresAt when it stops working
 * @param account the signed-in account
 */
public record OfficeSessionResponse(String token, Instant expiresAt, OfficeAccountDto account) {}
