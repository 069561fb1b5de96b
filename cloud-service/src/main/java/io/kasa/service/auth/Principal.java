package io.kasa.service.auth;

import java.util.UUID;

/**
 * Who is calling: an enrolled terminal and, once someone signed in, the employee.
 *
 * @param organisationId the tenant every query is restricted to
 * @param storeId the terminal's store
 * @param terminalId the terminal
 * @param employeeId the signed-in employee, or null
 * @param role the employee's role, or null
 */
public record Principal(
    UUID organisationId, UUID storeId, UUID terminalId, UUID employeeId, Role role) {

  public Principal withEmployee(UUID employee, Role employeeRole) {
    return new Principal(organisationId, storeId, terminalId, employee, employeeRole);
  }
}
