package io.kasa.api.office;

import java.time.Instant;

/**
 * A terminal as the back office shows it.
 *
 * @param id the terminal
 * @param storeId its store
 * @param storeCode its store's code
 * @param storeName its store's name
 * @param code its code (receipt numbers read STORE-TERMINAL-SEQUENCE)
 * @param name its name
 * @param state ENROLLED, WAITING (an enrollment code waits to be used), EXPIRED (never enrolled,
 *     its code expired) or REVOKED
 * @param enrolledAt when a device last enrolled as it, or null
 * @param revokedAt when it was revoked, or null
 * @param codeExpiresAt when the enrollment code waiting for it expires, or null
 * @param lastContactAt when the till was last in contact with the service, or null when never
 * @param unsentEntries the entries the till still had to send when it last said, or null
 * @param appVersion the till's software version as it last said, or null
 * @param devicesBackedUpAt when its device set-up was last backed up, or null when never
 */
public record OfficeTerminalDto(
    String id,
    String storeId,
    String storeCode,
    String storeName,
    String code,
    String name,
    String state,
    Instant enrolledAt,
    Instant revokedAt,
    Instant codeExpiresAt,
    Instant lastContactAt,
    Long unsentEntries,
    String appVersion,
    Instant devicesBackedUpAt) {}
