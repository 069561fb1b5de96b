package io.kasa.api.office;

import java.util.List;

/**
 * An employee as the back office shows them (ADR 0044); never their PIN.
 *
 * @param id the employee
 * @param name their name, as the tills' sign-in list shows it
 * @param role CASHIER, MANAGER, HOST, TECHNICIAN or ADMIN
 * @param active whether they may sign in at a till
 * @param stores the stores they work at, or null for every store of the organisation
 * @param changeable whether the calling account may change them
 */
public record OfficeStaffEmployee(
    String id, String name, String role, boolean active, List<String> stores, boolean changeable) {}
