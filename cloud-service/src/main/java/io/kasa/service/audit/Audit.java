package io.kasa.service.audit;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Records sensitive actions (sign-ins, failed PINs, enrollments, sales, refunds, no-sales, voids,
 * overrides) in the same transaction as the action itself.
 */
public final class Audit {

  private Audit() {}

  public static void record(
      Handle h, UUID organisation, UUID terminal, UUID employee, String action, String detail) {
    h.createUpdate(
            "insert into audit_log (organisation_id, terminal_id, employee_id, action, detail)"
                + " values (:org, cast(:terminal as uuid), cast(:employee as uuid), :action, :detail)")
        .bind("org", organisation)
        // As text: jdbi binds a null UUID as varchar, which PostgreSQL will not put in a uuid
        // column.
        .bind("terminal", terminal == null ? null : terminal.toString())
        .bind("employee", employee == null ? null : employee.toString())
        .bind("action", action)
        .bind("detail", detail)
        .execute();
  }

  /** Records what a back-office account did (ADR 0040), naming the account. */
  public static void recordOffice(
      Handle h, UUID organisation, UUID officeAccount, String action, String detail) {
    h.createUpdate(
            "insert into audit_log (organisation_id, office_account_id, action, detail)"
                + " values (:org, :account, :action, :detail)")
        .bind("org", organisation)
        .bind("account", officeAccount)
        .bind("action", action)
        .bind("detail", detail)
        .execute();
  }

  /** Records what a back-office account did to an employee (ADR 0044), naming both. */
  public static void recordOffice(
      Handle h,
      UUID organisation,
      UUID officeAccount,
      UUID employee,
      String action,
      String detail) {
    h.createUpdate(
            "insert into audit_log (organisation_id, office_account_id, employee_id, action, detail)"
                + " values (:org, :account, :employee, :action, :detail)")
        .bind("org", organisation)
        .bind("account", officeAccount)
        .bind("employee", employee)
        .bind("action", action)
        .bind("detail", detail)
        .execute();
  }
}
