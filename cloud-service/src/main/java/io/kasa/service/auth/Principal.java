package io.kasa.service.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Who is calling: an enrolled terminal and, once someone signed in, the employee.
 *
 * @param organisationId the tenant every query is restricted to
 * @param storeId the terminal's store
 * @param terminalId the terminal
 * @param employeeId the signed-in employee, or null
 * @param role the employee's role, or null
 * @param terminal what is known of the terminal with its credential, or null for the console
 */
public record Principal(
    UUID organisationId,
    UUID storeId,
    UUID terminalId,
    UUID employeeId,
    Role role,
    Terminal terminal) {

  /**
   * What the service knows of the calling terminal from the query that checked its credential, so a
   * request can be judged without asking the database again (ADR 0019).
   *
   * @param storeCode its store's code
   * @param code its own code
   * @param enrolledAt when it was enrolled, on the service's clock: it did no work before that
   */
  public record Terminal(String storeCode, String code, Instant enrolledAt) {

    /** What every receipt number the terminal assigns starts with, e.g. {@code K1-T2-}. */
    public String receiptPrefix() {
      return storeCode + "-" + code + "-";
    }
  }

  public Principal withEmployee(UUID employee, Role employeeRole) {
    return new Principal(organisationId, storeId, terminalId, employee, employeeRole, terminal);
  }
}
