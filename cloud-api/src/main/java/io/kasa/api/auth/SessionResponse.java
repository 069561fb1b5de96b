package io.kasa.api.auth;

import java.time.Instant;

/**
 * A signed-in employee's session.
 *
 * @param token send as the {@code Kasa-Session} header
 * @param employeeId the employee
 * @param name their display name
 * @param role cashier, manager, host, technician or admin
 * @param expiresAt when the token stops working
 */
public record SessionResponse(
    String token, String employeeId, String name, String role, Instant expiresAt) {}
