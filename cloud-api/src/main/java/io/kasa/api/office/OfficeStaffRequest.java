package io.kasa.api.office;

import java.util.List;

/**
 * A new employee, or an employee's name, role and stores as they are to be.
 *
 * @param name their name
 * @param role CASHIER, MANAGER, HOST, TECHNICIAN or ADMIN
 * @param stores the stores they work at, or null for every store of the organisation
 */
public record OfficeStaffRequest(String name, String role, List<String> stores) {}
