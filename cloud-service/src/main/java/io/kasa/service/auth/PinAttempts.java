package io.kasa.service.auth;

import io.kasa.api.auth.PinHasher;
import io.kasa.service.audit.Audit;
import io.kasa.service.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * PIN checks, with the attempts counted in {@code pin_attempt} (ADR 0018). Each attempt is claimed
 * by one atomic statement before its PIN is hashed, and settled after: the claim is refused while
 * the employee is locked out, or while the wrong PINs counted plus the attempts still being
 * verified reach {@link AuthService#MAX_FAILED_PINS}. So however many guesses arrive at once, each
 * is counted, and no more are verified than the lockout allows.
 */
final class PinAttempts {

  /**
   * A claim older than this was left by a process that stopped between claiming and settling; a PIN
   * is verified in well under a second.
   */
  private static final Duration STALE = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;

  PinAttempts(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** An employee whose PIN was just checked and found right. */
  record Verified(UUID id, String name, String role) {}

  /**
   * Checks an employee's PIN on a terminal: the attempt is claimed before the PIN is hashed and
   * settled after. A wrong PIN counts towards the lockout, with its audit entry; a right one starts
   * the count again.
   */
  Verified check(Principal terminal, String employeeId, String pin) {
    UUID employee = AuthService.uuid(employeeId, "/employeeId");
    if (pin == null || pin.isBlank()) {
      throw ApiException.invalid("/pin", "A PIN is required");
    }
    UUID org = terminal.organisationId();
    Map<String, Object> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select name, role, pin_hash from employee e"
                            + " where organisation_id = :org and id = :id and active and "
                            + EmployeeStores.worksAt("e", ":store"))
                    .bind("org", org)
                    .bind("id", employee)
                    .bind("store", terminal.storeId())
                    .mapToMap()
                    .findOne()
                    .orElseThrow(() -> ApiException.unauthorized("Unknown employee or wrong PIN")));
    claim(org, employee);
    boolean right;
    try {
      right = PinHasher.verify(pin, (String) row.get("pin_hash"));
    } catch (RuntimeException e) {
      abandon(org, employee);
      throw e;
    }
    if (!right) {
      wrong(terminal, employee);
      throw ApiException.unauthorized("Unknown employee or wrong PIN");
    }
    right(org, employee);
    return new Verified(employee, (String) row.get("name"), (String) row.get("role"));
  }

  /**
   * Claims an attempt for {@code employee}, or refuses it with 423. A lockout that has run out ends
   * here, and the count starts again.
   */
  void claim(UUID org, UUID employee) {
    Instant now = clock.instant();
    boolean claimed =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into pin_attempt as p (organisation_id, employee_id, pending, claimed_at)"
                            + " values (:org, :employee, 1, cast(:now as timestamptz))"
                            + " on conflict (organisation_id, employee_id) do update set"
                            + " failed = case when p.locked_until <= cast(:now as timestamptz) then 0 else p.failed end,"
                            + " pending = case when p.locked_until <= cast(:now as timestamptz)"
                            + "   or p.claimed_at < cast(:stale as timestamptz) then 1 else p.pending + 1 end,"
                            + " claimed_at = cast(:now as timestamptz),"
                            + " locked_until = case when p.locked_until <= cast(:now as timestamptz)"
                            + "   then null else p.locked_until end"
                            + " where p.locked_until <= cast(:now as timestamptz)"
                            + " or (p.locked_until is null and p.failed + case when p.claimed_at < cast(:stale as timestamptz)"
                            + "   then 0 else p.pending end < :max)"
                            + " returning 1")
                    .bind("org", org)
                    .bind("employee", employee)
                    .bind("now", AuthService.at(now))
                    .bind("stale", AuthService.at(now.minus(STALE)))
                    .bind("max", AuthService.MAX_FAILED_PINS)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent());
    if (claimed) {
      return;
    }
    Optional<Object> until =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select locked_until from pin_attempt where organisation_id = :org and employee_id = :employee")
                    .bind("org", org)
                    .bind("employee", employee)
                    .mapToMap()
                    .findOne()
                    .map(r -> r.get("locked_until")));
    if (until.isPresent() && until.get() != null) {
      throw ApiException.locked(
          "Too many wrong PINs: ask a manager, or try again after "
              + AuthService.toInstant(until.get()));
    }
    // As many attempts as the lockout allows are being verified right now.
    throw ApiException.locked(
        "Too many PIN attempts at once: try again when they have been checked");
  }

  /** Settles a claimed attempt whose PIN was right: the count starts again. */
  void right(UUID org, UUID employee) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update pin_attempt set failed = 0, pending = greatest(pending - 1, 0)"
                        + " where organisation_id = :org and employee_id = :employee")
                .bind("org", org)
                .bind("employee", employee)
                .execute());
  }

  /** Settles a claimed attempt that could not be checked: it counts for nothing. */
  void abandon(UUID org, UUID employee) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update pin_attempt set pending = greatest(pending - 1, 0)"
                        + " where organisation_id = :org and employee_id = :employee")
                .bind("org", org)
                .bind("employee", employee)
                .execute());
  }

  /**
   * Settles a claimed attempt whose PIN was wrong, with its audit entry: PIN_LOCKOUT for the one
   * that reaches the limit and locks the employee out, PIN_FAILED for the others.
   */
  private void wrong(Principal terminal, UUID employee) {
    Instant now = clock.instant();
    UUID org = terminal.organisationId();
    jdbi.useTransaction(
        h -> {
          Map<String, Object> settled =
              h.createQuery(
                      "update pin_attempt set pending = greatest(pending - 1, 0), failed = failed + 1,"
                          + " locked_until = case when failed + 1 >= :max"
                          + "   then cast(:until as timestamptz) else locked_until end"
                          + " where organisation_id = :org and employee_id = :employee"
                          + " returning failed")
                  .bind("max", AuthService.MAX_FAILED_PINS)
                  .bind("until", AuthService.at(now.plus(AuthService.LOCKOUT)))
                  .bind("org", org)
                  .bind("employee", employee)
                  .mapToMap()
                  .one();
          boolean locked =
              ((Number) settled.get("failed")).intValue() >= AuthService.MAX_FAILED_PINS;
          Audit.record(
              h, org, terminal.terminalId(), employee, locked ? "PIN_LOCKOUT" : "PIN_FAILED", null);
        });
  }
}
