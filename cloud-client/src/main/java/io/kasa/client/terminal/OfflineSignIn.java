package io.kasa.client.terminal;

import io.kasa.api.auth.PinHasher;
import io.kasa.api.terminal.StaffMember;
import io.kasa.client.store.LocalSettings;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.TerminalSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in while the service cannot be reached: the PIN is checked against the verifier cached
 * from the service (never a PIN), with the service's own lockout — five wrong PINs in a row lock
 * the employee out on this terminal for 15 minutes. Every attempt is queued for the audit log.
 */
public final class OfflineSignIn {

  /** As the service: wrong PINs in a row before a lockout, and how long it lasts. */
  public static final int MAX_FAILED_PINS = 5;

  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  /** What came of a PIN. */
  public sealed interface Outcome permits SignedIn, WrongPin, LockedOut, UnknownEmployee {}

  /** The PIN matched. */
  public record SignedIn(StaffMember employee) implements Outcome {}

  /** The PIN did not match; {@code attemptsLeft} before a lockout. */
  public record WrongPin(int attemptsLeft) implements Outcome {}

  /** Locked out until then, after too many wrong PINs. */
  public record LockedOut(Instant until) implements Outcome {}

  /** Not among the staff this terminal has cached, or a PIN alone that names several. */
  public record UnknownEmployee() implements Outcome {}

  /**
   * Wrong PINs typed alone on this terminal while offline (ADR 0021): {@code failed;first;locked} —
   * the count, the first wrong PIN of the count and the lockout's end, as ISO instants or empty.
   */
  private static final String ALONE = "offline-pin-alone";

  private final LocalStore store;
  private final LocalSettings local;
  private final TerminalSettings settings;
  private final AuditTrail audit;
  private final Clock clock;

  OfflineSignIn(LocalStore store, TerminalSettings settings, AuditTrail audit, Clock clock) {
    this.store = store;
    this.local = new LocalSettings(store);
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks {@code pin} for {@code employee}; slow by design (the verifier's PBKDF2). */
  public Outcome check(UUID employee, String pin) {
    Optional<TerminalSettings.CachedStaff> found = settings.staffMember(employee);
    if (found.isEmpty()) {
      return new UnknownEmployee();
    }
    TerminalSettings.CachedStaff staff = found.get();
    Instant now = clock.instant();
    if (staff.lockedUntil() != null && now.isBefore(staff.lockedUntil())) {
      return new LockedOut(staff.lockedUntil());
    }
    boolean matches = PinHasher.verify(pin, staff.member().pinVerifier());
    return store.inTransaction(
        c -> {
          if (matches) {
            settings.pinOutcome(employee, 0, null);
            audit.record(c, "OFFLINE_SIGN_IN", employee, "PIN checked on the terminal");
            return new SignedIn(staff.member());
          }
          int failures = staff.failedPins() + 1;
          Instant lockedUntil = failures >= MAX_FAILED_PINS ? now.plus(LOCKOUT) : null;
          settings.pinOutcome(employee, lockedUntil == null ? failures : 0, lockedUntil);
          audit.record(
              c,
              "OFFLINE_PIN_FAILED",
              employee,
              lockedUntil == null ? "wrong PIN " + failures : "locked out until " + lockedUntil);
          return lockedUntil == null
              ? new WrongPin(MAX_FAILED_PINS - failures)
              : new LockedOut(lockedUntil);
        });
  }

  /**
   * Checks a PIN typed without choosing a name against every cached verifier (ADR 0021); slow by
   * design, one PBKDF2 per employee. Five wrong PINs within 15 minutes lock PIN-only sign-in on
   * this terminal for 15 minutes, and a right one does not start the count again; the employee it
   * names keeps their own lockout.
   */
  public synchronized Outcome checkAlone(String pin) {
    Instant now = clock.instant();
    String[] kept = local.get(ALONE).orElse("0;;").split(";", -1);
    int failed = Integer.parseInt(kept[0]);
    Instant first = kept[1].isEmpty() ? null : Instant.parse(kept[1]);
    Instant locked = kept[2].isEmpty() ? null : Instant.parse(kept[2]);
    if (locked != null && now.isBefore(locked)) {
      return new LockedOut(locked);
    }
    if (locked != null || (first != null && !now.isBefore(first.plus(LOCKOUT)))) {
      failed = 0;
      first = null;
    }
    List<TerminalSettings.CachedStaff> found =
        settings.staff().stream()
            .filter(s -> PinHasher.verify(pin, s.member().pinVerifier()))
            .toList();
    if (found.size() > 1) {
      // Shared before PINs had to be unique: the PIN cannot say who it is; the name must.
      return new UnknownEmployee();
    }
    if (found.size() == 1) {
      TerminalSettings.CachedStaff s = found.get(0);
      if (s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
        return new LockedOut(s.lockedUntil());
      }
      UUID employee = s.member().id();
      return store.inTransaction(
          c -> {
            settings.pinOutcome(employee, 0, null);
            audit.record(c, "OFFLINE_SIGN_IN", employee, "PIN alone checked on the terminal");
            return new SignedIn(s.member());
          });
    }
    int failures = failed + 1;
    Instant since = first == null ? now : first;
    Instant lockedUntil = failures >= MAX_FAILED_PINS ? now.plus(LOCKOUT) : null;
    return store.inTransaction(
        c -> {
          local.put(
              ALONE,
              failures + ";" + since + ";" + (lockedUntil == null ? "" : lockedUntil.toString()));
          audit.record(
              c,
              "OFFLINE_PIN_FAILED",
              null,
              lockedUntil == null
                  ? "wrong PIN typed alone " + failures
                  : "PIN alone locked out until " + lockedUntil);
          return lockedUntil == null
              ? new WrongPin(MAX_FAILED_PINS - failures)
              : new LockedOut(lockedUntil);
        });
  }
}
