package io.kasa.api.terminal;

import java.util.UUID;

/**
 * An employee who may sign in on the terminal.
 *
 * @param id the employee
 * @param name as shown on the PIN pad
 * @param role CASHIER, MANAGER, HOST, TECHNICIAN or ADMIN
 * @param pinVerifier the slow salted hash of the PIN ({@code
 *     pbkdf2-sha256$<iterations>$<salt>$<hash>}, Base64), for signing in while the service cannot
 *     be reached; never the PIN
 */
public record StaffMember(UUID id, String name, String role, String pinVerifier) {}
