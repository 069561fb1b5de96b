package io.kasa.api.office;

import java.time.Instant;

/**
 * A one-time enrollment code for a terminal, shown once (the service keeps only its hash).
 *
 * @param terminal the terminal it enrolls
 * @param enrollmentCode the code to type or scan on the till
 * @param expiresAt when it stops working
 */
public record OfficeTerminalEnrollmentDto(
    OfficeTerminalDto terminal, String enrollmentCode, Instant expiresAt) {}
