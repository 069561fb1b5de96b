package io.kasa.service.staff;

/**
 * The staff as the back office reads and changes them, for the pages and the documented routes
 * alike.
 *
 * @param roster what an account may see
 * @param changes what an owner or a manager changes
 */
public record Staff(StaffRoster roster, StaffChanges changes) {}
