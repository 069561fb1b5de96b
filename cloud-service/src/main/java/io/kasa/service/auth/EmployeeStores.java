package io.kasa.service.auth;

/**
 * Where an employee works (ADR 0044): every store of the organisation ({@code employee.all_stores})
 * or the stores listed in {@code employee_store}. An employee signs in only at the tills of a store
 * they work at, and only those tills keep their PIN verifier for signing in offline.
 */
public final class EmployeeStores {

  private EmployeeStores() {}

  /**
   * The SQL condition that the employee aliased {@code employee} works at the store bound as {@code
   * :store} (or named by the expression {@code store}).
   */
  public static String worksAt(String employee, String store) {
    return "("
        + employee
        + ".all_stores or exists (select 1 from employee_store es where es.organisation_id = "
        + employee
        + ".organisation_id and es.employee_id = "
        + employee
        + ".id and es.store_id = "
        + store
        + "))";
  }
}
