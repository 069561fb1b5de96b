package io.kasa.service.admin;

import io.kasa.api.auth.PinHasher;
import io.kasa.service.auth.PinLookup;
import io.kasa.service.db.Invalidations;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * A manager's day-to-day changes to the staff: a dismissed employee, a new PIN. Either is refused
 * at once by the service (its kept sign-ins are dropped, ADR 0016) and reaches every till of the
 * organisation within seconds (ADR 0028), so the old PIN stops working offline too after each
 * till's next contact.
 */
public final class StaffAdmin {

  private final Jdbi jdbi;
  private final PinHasher pins;
  private final Consumer<Invalidations.Topic> changed;

  StaffAdmin(Jdbi jdbi, PinHasher pins, Consumer<Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.pins = pins;
    this.changed = changed;
  }

  /** Dismisses an employee: no sign-in anywhere, and their open sessions end. */
  public void deactivate(UUID org, UUID employee) {
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "update employee set active = false where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", employee)
                  .execute();
          if (updated != 1) {
            throw new IllegalArgumentException(
                "No employee " + employee + " in organisation " + org);
          }
          h.createUpdate(
                  "update employee_session set ended_at = now() where organisation_id = :org"
                      + " and employee_id = :id and ended_at is null")
              .bind("org", org)
              .bind("id", employee)
              .execute();
        });
    changed.accept(Invalidations.Topic.AUTH);
  }

  /**
   * Gives an active employee a new PIN; refused (409) when another active employee of the
   * organisation has it (ADR 0021).
   */
  public void changePin(UUID org, UUID employee, String pin) {
    String hash = pins.hash(pin);
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "update employee set pin_hash = :hash, pin_lookup = :lookup"
                          + " where organisation_id = :org and id = :id and active")
                  .bind("hash", hash)
                  .bind("lookup", PinLookup.unique(h, org, employee, pin))
                  .bind("org", org)
                  .bind("id", employee)
                  .execute();
          if (updated != 1) {
            throw new IllegalArgumentException(
                "No active employee " + employee + " in organisation " + org);
          }
        });
    changed.accept(Invalidations.Topic.AUTH);
  }
}
