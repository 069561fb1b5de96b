package io.kasa.service.auth;

import io.kasa.api.auth.PinHasher;
import io.kasa.service.audit.Audit;
import io.kasa.service.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in by PIN alone (ADR 0021). The PIN is looked up by {@link PinLookup}; the attempt is
 * claimed on the terminal's count ({@code terminal_pin_attempt}) before anything is hashed and
 * settled after, and the employee it names keeps their own lockout (ADR 0018). Five wrong PINs
 * within 15 minutes lock PIN-only sign-in on the terminal for 15 minutes; a right PIN does not
 * start that count again, so a cashier's own PIN buys no extra guesses.
 */
final class PinOnly {

  private final Jdbi jdbi;
  private final Clock clock;
  private final PinAttempts employees;

  PinOnly(Jdbi jdbi, Clock clock, PinAttempts employees) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.employees = employees;
  }

  /** The employee whose PIN this is, checked and counted; 401 for nobody's, 423 when locked. */
  PinAttempts.Verified check(Principal terminal, String pin) {
    if (pin == null || pin.isBlank()) {
      throw ApiException.invalid("/pin", "A PIN is required");
    }
    UUID org = terminal.organisationId();
    UUID till = terminal.terminalId();
    claim(org, till);
    List<Map<String, Object>> found;
    try {
      found = find(org, terminal.storeId(), pin);
    } catch (RuntimeException e) {
      settle(org, till, false, null);
      throw e;
    }
    if (found.isEmpty()) {
      settle(org, till, true, terminal);
      throw ApiException.unauthorized("Unknown employee or wrong PIN");
    }
    if (found.size() > 1) {
      // Employees who shared a PIN before PINs had to be unique: the PIN cannot say who it is.
      settle(org, till, false, null);
      throw ApiException.conflict(
          "Several employees have this PIN: choose your name first, and ask a manager for a PIN of"
              + " your own");
    }
    Map<String, Object> row = found.get(0);
    UUID employee = (UUID) row.get("id");
    try {
      employees.claim(org, employee);
    } catch (ApiException locked) {
      settle(org, till, false, null);
      throw locked;
    }
    settle(org, till, false, null);
    employees.right(org, employee);
    if (row.get("pin_lookup") == null) {
      jdbi.useTransaction(
          h ->
              h.createUpdate(
                      "update employee set pin_lookup = :lookup"
                          + " where organisation_id = :org and id = :id and pin_lookup is null")
                  .bind("lookup", PinLookup.of(h, org, pin))
                  .bind("org", org)
                  .bind("id", employee)
                  .execute());
    }
    return new PinAttempts.Verified(employee, (String) row.get("name"), (String) row.get("role"));
  }

  /**
   * The active employees with this PIN: by its lookup, verified against the slow verifier; or, for
   * employees whose PIN predates the lookup, by their verifiers. More than one only when PINs were
   * shared before they had to be unique.
   */
  private List<Map<String, Object>> find(UUID org, UUID store, String pin) {
    // The rows are read first and the verifiers hashed after: no connection is held while hashing.
    List<Map<String, Object>> rows =
        jdbi.inTransaction(
            h ->
                h.createQuery(
                        "select id, name, role, pin_hash, pin_lookup from employee e"
                            + " where organisation_id = :org and active"
                            + " and (pin_lookup = :lookup or pin_lookup is null) and "
                            + EmployeeStores.worksAt("e", ":store"))
                    .bind("org", org)
                    .bind("store", store)
                    .bind("lookup", PinLookup.of(h, org, pin))
                    .mapToMap()
                    .list());
    return rows.stream().filter(r -> PinHasher.verify(pin, (String) r.get("pin_hash"))).toList();
  }

  /**
   * Claims an attempt on the terminal's count, or refuses it with 423. A count whose first wrong
   * PIN is older than the lockout, or whose lockout has run out, starts again here.
   */
  private void claim(UUID org, UUID terminal) {
    Instant now = clock.instant();
    boolean claimed =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into terminal_pin_attempt as p (organisation_id, terminal_id, pending, claimed_at)"
                            + " values (:org, :terminal, 1, cast(:now as timestamptz))"
                            + " on conflict (organisation_id, terminal_id) do update set"
                            + " failed = case when p.locked_until <= cast(:now as timestamptz)"
                            + "   or p.first_failed_at <= cast(:window as timestamptz) then 0 else p.failed end,"
                            + " first_failed_at = case when p.locked_until <= cast(:now as timestamptz)"
                            + "   or p.first_failed_at <= cast(:window as timestamptz) then null else p.first_failed_at end,"
                            + " pending = case when p.claimed_at < cast(:stale as timestamptz) then 1 else p.pending + 1 end,"
                            + " claimed_at = cast(:now as timestamptz),"
                            + " locked_until = case when p.locked_until <= cast(:now as timestamptz)"
                            + "   then null else p.locked_until end"
                            + " where p.locked_until <= cast(:now as timestamptz)"
                            + " or (p.locked_until is null and case when p.first_failed_at <= cast(:window as timestamptz)"
                            + "   then 0 else p.failed end + case when p.claimed_at < cast(:stale as timestamptz)"
                            + "   then 0 else p.pending end < :max)"
                            + " returning 1")
                    .bind("org", org)
                    .bind("terminal", terminal)
                    .bind("now", AuthService.at(now))
                    .bind("window", AuthService.at(now.minus(AuthService.LOCKOUT)))
                    .bind("stale", AuthService.at(now.minus(java.time.Duration.ofMinutes(1))))
                    .bind("max", AuthService.MAX_FAILED_PINS)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent());
    if (!claimed) {
      throw ApiException.locked(
          "Too many wrong PINs on this terminal: choose your name first, or ask a manager");
    }
  }

  /**
   * Settles a claimed attempt: a wrong PIN ({@code wrong}) is counted and audited (PIN_FAILED, or
   * PIN_LOCKOUT for the one that locks the terminal's PIN-only sign-in); anything else only frees
   * the claim.
   */
  private void settle(UUID org, UUID terminal, boolean wrong, Principal who) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          if (!wrong) {
            h.createUpdate(
                    "update terminal_pin_attempt set pending = greatest(pending - 1, 0)"
                        + " where organisation_id = :org and terminal_id = :terminal")
                .bind("org", org)
                .bind("terminal", terminal)
                .execute();
            return;
          }
          int failed =
              h.createQuery(
                      "update terminal_pin_attempt set pending = greatest(pending - 1, 0),"
                          + " failed = failed + 1,"
                          + " first_failed_at = coalesce(first_failed_at, cast(:now as timestamptz)),"
                          + " locked_until = case when failed + 1 >= :max"
                          + "   then cast(:until as timestamptz) else locked_until end"
                          + " where organisation_id = :org and terminal_id = :terminal"
                          + " returning failed")
                  .bind("now", AuthService.at(now))
                  .bind("max", AuthService.MAX_FAILED_PINS)
                  .bind("until", AuthService.at(now.plus(AuthService.LOCKOUT)))
                  .bind("org", org)
                  .bind("terminal", terminal)
                  .mapTo(Integer.class)
                  .one();
          boolean locked = failed >= AuthService.MAX_FAILED_PINS;
          Audit.record(
              h,
              org,
              who.terminalId(),
              null,
              locked ? "PIN_LOCKOUT" : "PIN_FAILED",
              "PIN typed without choosing a name");
        });
  }
}
