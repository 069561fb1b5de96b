package io.kasa.service.accounts;

import io.kasa.service.audit.Audit;
import io.kasa.service.auth.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in to the back office (ADR 0040): email and password, then a TOTP code when the account
 * has one; sessions kept only as their secret's hash; lockout after repeated failures per account
 * and per client address.
 *
 * <p>Each attempt runs in one transaction that first locks the address's row and then the
 * account's, so concurrent guesses are counted one after another: however many arrive at once, no
 * more are checked than the lockout allows.
 */
public final class OfficeSignIn {

  /** Wrong passwords or codes in a row that lock an account. */
  public static final int MAX_ACCOUNT_FAILURES = 5;

  /** Failures from one address within {@link #ADDRESS_WINDOW} that lock the address. */
  public static final int MAX_ADDRESS_FAILURES = 20;

  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

  /** How long a session lasts; one waiting for its TOTP code lasts {@link #CODE_WAIT}. */
  public static final Duration SESSION = Duration.ofHours(12);

  public static final Duration CODE_WAIT = Duration.ofMinutes(5);

  /** What an attempt came to. */
  public enum Outcome {
    SIGNED_IN,
    CODE_NEEDED,
    WRONG,
    LOCKED,
    ADDRESS_LOCKED
  }

  /**
   * An attempt's result.
   *
   * @param outcome what it came to
   * @param token the new session's secret (for SIGNED_IN and CODE_NEEDED), else null
   * @param lockedUntil until when the account or address is locked (LOCKED, ADDRESS_LOCKED)
   * @param expiresAt when the session ends
   */
  public record Result(Outcome outcome, String token, Instant lockedUntil, Instant expiresAt) {}

  /** A session found by its secret. */
  public record Session(OfficeAccount account, boolean codeDue, Instant expiresAt) {}

  private final Jdbi jdbi;
  private final Passwords passwords;
  private final Clock clock;
  private final OfficeAccounts accounts;

  public OfficeSignIn(Jdbi jdbi, Passwords passwords, Clock clock, OfficeAccounts accounts) {
    this.jdbi = jdbi;
    this.passwords = passwords;
    this.clock = clock;
    this.accounts = accounts;
  }

  /** Checks an email and password from {@code address}. */
  public Result signIn(String email, String password, String address) {
    String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          Instant addressLock = lockAddress(h, address, now);
          if (addressLock != null) {
            return new Result(Outcome.ADDRESS_LOCKED, null, addressLock, null);
          }
          Optional<Map<String, Object>> row =
              h.createQuery(
                      "select id, organisation_id, password_hash, totp_secret is not null as totp,"
                          + " failed_sign_ins, locked_until from office_account"
                          + " where email = :email and active for update")
                  .bind("email", e)
                  .mapToMap()
                  .findOne();
          if (row.isEmpty()) {
            passwords.verify(password == null ? "" : password, null);
            failAddress(h, address, now);
            return new Result(Outcome.WRONG, null, null, null);
          }
          Map<String, Object> a = row.get();
          UUID id = (UUID) a.get("id");
          UUID org = (UUID) a.get("organisation_id");
          Instant locked = instant(a.get("locked_until"));
          if (locked != null && locked.isAfter(now)) {
            audit(h, org, id, "office.sign-in.locked", address);
            return new Result(Outcome.LOCKED, null, locked, null);
          }
          if (!passwords.verify(
              password == null ? "" : password, (String) a.get("password_hash"))) {
            return failed(h, org, id, address, now, "office.sign-in.wrong-password");
          }
          boolean totp = (Boolean) a.get("totp");
          if (!totp) {
            clearFailures(h, id);
          }
          String token = Secrets.token();
          Instant expires = now.plus(totp ? CODE_WAIT : SESSION);
          h.createUpdate(
                  "insert into office_session (token_hash, account_id, second_factor_due,"
                      + " created_at, expires_at) values (:hash, :id, :due, :now, :expires)")
              .bind("hash", Secrets.sha256(token))
              .bind("id", id)
              .bind("due", totp)
              .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .bind("expires", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
              .execute();
          audit(h, org, id, totp ? "office.sign-in.password" : "office.sign-in", address);
          return new Result(totp ? Outcome.CODE_NEEDED : Outcome.SIGNED_IN, token, null, expires);
        });
  }

  /**
   * Completes a sign-in waiting for its TOTP code: the session then grants the office, with a new
   * secret (the one that waited for the code is ended).
   */
  public Result secondFactor(String token, String code, String address) {
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          Instant addressLock = lockAddress(h, address, now);
          if (addressLock != null) {
            return new Result(Outcome.ADDRESS_LOCKED, null, addressLock, null);
          }
          Optional<Map<String, Object>> row =
              h.createQuery(
                      "select a.id, a.organisation_id, a.totp_secret, a.totp_last_step,"
                          + " a.locked_until from office_session s"
                          + " join office_account a on a.id = s.account_id"
                          + " where s.token_hash = :hash and s.second_factor_due"
                          + " and s.expires_at > :now and a.active for update of a")
                  .bind("hash", Secrets.sha256(token == null ? "" : token))
                  .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                  .mapToMap()
                  .findOne();
          if (row.isEmpty()) {
            failAddress(h, address, now);
            return new Result(Outcome.WRONG, null, null, null);
          }
          Map<String, Object> a = row.get();
          UUID id = (UUID) a.get("id");
          UUID org = (UUID) a.get("organisation_id");
          Instant locked = instant(a.get("locked_until"));
          if (locked != null && locked.isAfter(now)) {
            return new Result(Outcome.LOCKED, null, locked, null);
          }
          long step =
              Totp.match(
                  (byte[]) a.get("totp_secret"),
                  code,
                  Totp.step(now.getEpochSecond()),
                  (Long) a.get("totp_last_step"));
          if (step < 0) {
            return failed(h, org, id, address, now, "office.sign-in.wrong-code");
          }
          h.createUpdate("update office_account set totp_last_step = :step where id = :id")
              .bind("step", step)
              .bind("id", id)
              .execute();
          clearFailures(h, id);
          h.createUpdate("delete from office_session where token_hash = :hash")
              .bind("hash", Secrets.sha256(token))
              .execute();
          String full = Secrets.token();
          Instant expires = now.plus(SESSION);
          h.createUpdate(
                  "insert into office_session (token_hash, account_id, second_factor_due,"
                      + " created_at, expires_at) values (:hash, :id, false, :now, :expires)")
              .bind("hash", Secrets.sha256(full))
              .bind("id", id)
              .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .bind("expires", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
              .execute();
          audit(h, org, id, "office.sign-in", address);
          return new Result(Outcome.SIGNED_IN, full, null, expires);
        });
  }

  /** The session whose secret is {@code token}, if it is current. */
  public Optional<Session> session(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select s.account_id, s.second_factor_due, s.expires_at from office_session s"
                        + " join office_account a on a.id = s.account_id"
                        + " where s.token_hash = :hash and s.expires_at > :now and a.active")
                .bind("hash", Secrets.sha256(token))
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .mapToMap()
                .findOne()
                .map(
                    r ->
                        new Session(
                            accounts.load(h, (UUID) r.get("account_id")),
                            (Boolean) r.get("second_factor_due"),
                            instant(r.get("expires_at")))));
  }

  /** Ends the session whose secret is {@code token}; true when there was one. */
  public boolean signOut(String token) {
    if (token == null) {
      return false;
    }
    return jdbi.inTransaction(
        h -> {
          Optional<Map<String, Object>> row =
              h.createQuery(
                      "delete from office_session s using office_account a"
                          + " where s.token_hash = :hash and a.id = s.account_id"
                          + " returning a.id, a.organisation_id")
                  .bind("hash", Secrets.sha256(token))
                  .mapToMap()
                  .findOne();
          row.ifPresent(
              r ->
                  audit(
                      h,
                      (UUID) r.get("organisation_id"),
                      (UUID) r.get("id"),
                      "office.sign-out",
                      null));
          return row.isPresent();
        });
  }

  /**
   * Locks the address's row for this attempt (creating it) and returns until when the address is
   * locked out, or null. A window that has run out starts again.
   */
  private static Instant lockAddress(Handle h, String address, Instant now) {
    OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    Map<String, Object> r =
        h.createQuery(
                "insert into office_address_failures (address, failures, window_start)"
                    + " values (:address, 0, :now)"
                    + " on conflict (address) do update set"
                    + " failures = case when office_address_failures.window_start < :start"
                    + " and (office_address_failures.locked_until is null"
                    + " or office_address_failures.locked_until <= :now)"
                    + " then 0 else office_address_failures.failures end,"
                    + " window_start = case when office_address_failures.window_start < :start"
                    + " and (office_address_failures.locked_until is null"
                    + " or office_address_failures.locked_until <= :now)"
                    + " then :now else office_address_failures.window_start end"
                    + " returning locked_until")
            .bind("address", address == null ? "unknown" : address)
            .bind("now", t)
            .bind("start", OffsetDateTime.ofInstant(now.minus(ADDRESS_WINDOW), ZoneOffset.UTC))
            .mapToMap()
            .one();
    Instant locked = instant(r.get("locked_until"));
    return locked != null && locked.isAfter(now) ? locked : null;
  }

  private static void failAddress(Handle h, String address, Instant now) {
    h.createUpdate(
            "update office_address_failures set failures = failures + 1,"
                + " locked_until = case when failures + 1 >= :max then :until else locked_until end"
                + " where address = :address")
        .bind("address", address == null ? "unknown" : address)
        .bind("max", MAX_ADDRESS_FAILURES)
        .bind("until", OffsetDateTime.ofInstant(now.plus(LOCKOUT), ZoneOffset.UTC))
        .execute();
  }

  private Result failed(Handle h, UUID org, UUID id, String address, Instant now, String action) {
    failAddress(h, address, now);
    Map<String, Object> r =
        h.createQuery(
                "update office_account set failed_sign_ins = failed_sign_ins + 1,"
                    + " locked_until = case when failed_sign_ins + 1 >= :max then :until"
                    + " else null end where id = :id returning failed_sign_ins, locked_until")
            .bind("id", id)
            .bind("max", MAX_ACCOUNT_FAILURES)
            .bind("until", OffsetDateTime.ofInstant(now.plus(LOCKOUT), ZoneOffset.UTC))
            .mapToMap()
            .one();
    audit(h, org, id, action, address);
    Instant locked = instant(r.get("locked_until"));
    if (locked != null) {
      h.createUpdate("update office_account set failed_sign_ins = 0 where id = :id")
          .bind("id", id)
          .execute();
      audit(h, org, id, "office.lockout", address);
      return new Result(Outcome.LOCKED, null, locked, null);
    }
    return new Result(Outcome.WRONG, null, null, null);
  }

  private static void clearFailures(Handle h, UUID id) {
    h.createUpdate(
            "update office_account set failed_sign_ins = 0, locked_until = null where id = :id")
        .bind("id", id)
        .execute();
  }

  static void audit(Handle h, UUID org, UUID account, String action, String detail) {
    Audit.recordOffice(h, org, account, action, detail);
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("Not a time: " + value.getClass());
  }
}
