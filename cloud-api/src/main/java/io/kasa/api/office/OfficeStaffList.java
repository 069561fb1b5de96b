package io.kasa.api.office;

import java.util.List;

/**
 * The employees an account may see, active ones first, by name.
 *
 * @param employees the employees
 */
public record OfficeStaffList(List<OfficeStaffEmployee> employees) {}
