package io.kasa.service.auth;

import io.kasa.api.auth.ApprovalRequest;
import io.kasa.api.auth.ApprovalResponse;
import io.kasa.api.auth.EnrollResponse;
import io.kasa.api.auth.SessionResponse;
import io.kasa.service.audit.Audit;
import io.kasa.service.db.Cached;
import io.kasa.service.db.Invalidations;
import io.kasa.service.db.Sql;
import io.kasa.service.db.UncheckedSqlException;
import io.kasa.service.http.ApiException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Enrollment, terminal credentials, PIN sign-in with lockout, and sessions. */
public final class AuthService {

  /** Wrong PINs in a row before an employee is locked out. */
  public static final int MAX_FAILED_PINS = 5;

  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  public static final Duration SESSION_LIFETIME = Duration.ofHours(4);
  public static final Duration APPROVAL_LIFETIME = Duration.ofMinutes(15);

  /**
   * How long after an enrollment the device that made it may ask again, with the same
   * Idempotency-Key, and get the same credential (ADR 0018).
   */
  public static final Duration ENROLLMENT_RETRY_WINDOW = Duration.ofMinutes(15);

  /** Signed-in employees kept in memory at most, and as many vouched ones. */
  private static final int KEPT = 10_000;

  private final Jdbi jdbi;
  private final DataSource pool;
  private final Clock clock;
  private final Invalidations invalidations;
  private final Cached<Key, Signed> signedIn;
  private final Cached<Key, Principal> vouched;
  private final PinAttempts pins;
  private final PinOnly pinOnly;
  private final Enrollment enrollment;

  public AuthService(Jdbi jdbi, DataSource pool, Invalidations invalidations, Clock clock) {
    this.jdbi = jdbi;
    this.pool = pool;
    this.clock = clock;
    this.invalidations = invalidations;
    this.signedIn = new Cached<>(invalidations, Invalidations.Topic.AUTH, KEPT);
    this.vouched = new Cached<>(invalidations, Invalidations.Topic.AUTH, KEPT);
    this.pins = new PinAttempts(jdbi, clock);
    this.pinOnly = new PinOnly(jdbi, clock, pins);
    this.enrollment = new Enrollment(jdbi, clock, invalidations);
  }

  /**
   * What a request's credentials are kept by (ADR 0016): the terminal, the hash of its secret, and
   * the hash of the session token or the vouched employee's id. Never the secrets themselves.
   */
  private record Key(UUID terminal, ByteBuffer credential, Object who) {}

  /** A signed-in employee as checked, and when the session expires. */
  private record Signed(Principal who, Instant expires) {}

  /**
   * The answer to an enrollment: the terminal's credential, and whether this request enrolled it
   * (false: a retry by the same device, answered as the first time).
   */
  public record Enrolled(boolean created, EnrollResponse response) {}

  /**
   * Exchanges a one-time enrollment code for the terminal's credential. A retry by the same device
   * (the same {@code idempotencyKey}, code and device name) within {@link #ENROLLMENT_RETRY_WINDOW}
   * gets the same credential; any other use of a used code is refused (ADR 0018).
   */
  public Enrolled enroll(String code, String deviceName, String idempotencyKey) {
    return enrollment.enroll(code, deviceName, idempotencyKey);
  }

  /** The terminal a bearer credential belongs to; revoked or unknown credentials are refused. */
  public Principal authenticateTerminal(String authorization) {
    Credential c = credential(authorization);
    return jdbi.withHandle(
        h ->
            terminal(
                c,
                h.createQuery(
                        "select "
                            + TERMINAL_COLUMNS
                            + " from "
                            + TERMINAL_AND_STORE
                            + " where t.id = :id")
                    .bind("id", c.terminal())
                    .mapToMap()
                    .findOne()));
  }

  /**
   * What every credential check reads of the terminal (as {@code t}) and its store (as {@code st}):
   * enough to build the {@link Principal} with its {@link Principal.Terminal}.
   */
  private static final String TERMINAL_COLUMNS =
      "t.organisation_id, t.store_id, t.credential_hash, t.revoked_at, t.code as terminal_code,"
          + " t.enrolled_at, st.code as store_code";

  /** The terminal joined with its store, for {@link #TERMINAL_COLUMNS}. */
  private static final String TERMINAL_AND_STORE =
      "terminal t join store st on st.organisation_id = t.organisation_id and st.id = t.store_id";

  private static final Sql EMPLOYEE_ON_TERMINAL =
      Sql.of(
          "select "
              + TERMINAL_COLUMNS
              + ", s.employee_id, s.expires_at, e.role from "
              + TERMINAL_AND_STORE
              + " left join employee_session s on s.token_hash = :session and s.organisation_id = t.organisation_id"
              + " and s.terminal_id = t.id and s.ended_at is null and s.expires_at > :now"
              + " left join employee e on e.organisation_id = s.organisation_id and e.id = s.employee_id and e.active"
              + " where t.id = :id");

  /**
   * The employee signed in on the calling terminal, checked with the terminal's credential in one
   * query: the terminal must be enrolled and not revoked, the session open and the employee active.
   * A check that passed is kept in memory until any of those rows changes (ADR 0016) or the session
   * expires; one that failed is not.
   */
  public Principal authenticateEmployee(String authorization, String token) {
    Credential c = credential(authorization);
    byte[] session = token == null || token.isBlank() ? new byte[0] : Secrets.sha256(token);
    Key key = new Key(c.terminal(), ByteBuffer.wrap(c.secretHash()), ByteBuffer.wrap(session));
    Signed kept = signedIn.get(key);
    if (kept != null && clock.instant().isBefore(kept.expires())) {
      return kept.who();
    }
    long stamp = signedIn.stamp();
    // Plain JDBC (Sql): every request an employee makes runs this.
    Optional<Map<String, Object>> row;
    try (Connection connection = pool.getConnection();
        Sql.Bound q =
            EMPLOYEE_ON_TERMINAL
                .prepare(connection)
                .set("session", session)
                .set("now", at(clock.instant()))
                .set("id", c.terminal());
        ResultSet rs = q.query()) {
      row = Optional.empty();
      if (rs.next()) {
        Map<String, Object> r = new HashMap<>();
        for (String column :
            List.of(
                "organisation_id",
                "store_id",
                "credential_hash",
                "revoked_at",
                "terminal_code",
                "enrolled_at",
                "store_code",
                "employee_id",
                "expires_at",
                "role")) {
          r.put(column, rs.getObject(column));
        }
        row = Optional.of(r);
      }
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    }
    Principal terminal = terminal(c, row);
    if (session.length == 0) {
      throw ApiException.unauthorized("Sign in: send the session token as the Kasa-Session header");
    }
    Map<String, Object> r = row.orElseThrow();
    if (r.get("role") == null) {
      throw ApiException.unauthorized("The session has ended: sign in again");
    }
    Principal who =
        terminal.withEmployee((UUID) r.get("employee_id"), Role.valueOf((String) r.get("role")));
    signedIn.put(key, new Signed(who, toInstant(r.get("expires_at"))), stamp);
    return who;
  }

  /**
   * An employee the calling terminal vouches for, on work it recorded (its outbox): the terminal
   * must be enrolled and not revoked, the employee active in its organisation. The session the
   * employee had may have ended long ago; the terminal checked the PIN when the work was done.
   */
  public Principal authenticateVouched(String authorization, String employeeId) {
    Credential c = credential(authorization);
    UUID employee;
    try {
      employee = UUID.fromString(employeeId);
    } catch (IllegalArgumentException e) {
      throw ApiException.unauthorized("Kasa-Employee is not an employee id");
    }
    Key key = new Key(c.terminal(), ByteBuffer.wrap(c.secretHash()), employee);
    Principal kept = vouched.get(key);
    if (kept != null) {
      return kept;
    }
    long stamp = vouched.stamp();
    Optional<Map<String, Object>> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select "
                            + TERMINAL_COLUMNS
                            + ", e.role from "
                            + TERMINAL_AND_STORE
                            + " left join employee e on e.organisation_id = t.organisation_id"
                            + " and e.id = :employee and e.active where t.id = :id")
                    .bind("employee", employee)
                    .bind("id", c.terminal())
                    .mapToMap()
                    .findOne());
    Principal terminal = terminal(c, row);
    Object role = row.orElseThrow().get("role");
    if (role == null) {
      throw ApiException.unauthorized("No active employee " + employee);
    }
    Principal who = terminal.withEmployee(employee, Role.valueOf((String) role));
    vouched.put(key, who, stamp);
    return who;
  }

  /** A terminal credential as presented: the terminal's id and the hash of its secret. */
  private record Credential(UUID terminal, byte[] secretHash) {}

  private static Credential credential(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw ApiException.unauthorized(
          "Send the terminal credential as Authorization: Bearer <credential>");
    }
    String credential = authorization.substring("Bearer ".length()).trim();
    int dot = credential.indexOf('.');
    try {
      return new Credential(
          UUID.fromString(credential.substring(0, Math.max(0, dot))),
          Secrets.sha256(credential.substring(dot + 1)));
    } catch (IllegalArgumentException e) {
      throw ApiException.unauthorized("The terminal credential is not valid");
    }
  }

  private static Principal terminal(Credential c, Optional<Map<String, Object>> row) {
    return row.filter(
            r ->
                r.get("revoked_at") == null
                    && Secrets.same((byte[]) r.get("credential_hash"), c.secretHash()))
        .map(
            r ->
                new Principal(
                    (UUID) r.get("organisation_id"),
                    (UUID) r.get("store_id"),
                    c.terminal(),
                    null,
                    null,
                    new Principal.Terminal(
                        (String) r.get("store_code"),
                        (String) r.get("terminal_code"),
                        toInstant(r.get("enrolled_at")))))
        .orElseThrow(() -> ApiException.unauthorized("The terminal credential is not valid"));
  }

  /**
   * Signs an employee in by PIN on the calling terminal: the chosen employee's, or, with no {@code
   * employeeId}, whoever's PIN it is in the organisation (ADR 0021).
   */
  public SessionResponse signIn(Principal terminal, String employeeId, String pin) {
    PinAttempts.Verified employee =
        employeeId == null ? pinOnly.check(terminal, pin) : pins.check(terminal, employeeId, pin);
    String token = Secrets.token();
    Instant expires = clock.instant().plus(SESSION_LIFETIME);
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "insert into employee_session (token_hash, organisation_id, employee_id, terminal_id, expires_at)"
                      + " values (:hash, :org, :employee, :terminal, :expires)")
              .bind("hash", Secrets.sha256(token))
              .bind("org", terminal.organisationId())
              .bind("employee", employee.id())
              .bind("terminal", terminal.terminalId())
              .bind("expires", at(expires))
              .execute();
          Audit.record(
              h,
              terminal.organisationId(),
              terminal.terminalId(),
              employee.id(),
              "SIGNED_IN",
              null);
        });
    return new SessionResponse(
        token, employee.id().toString(), employee.name(), employee.role(), expires);
  }

  /**
   * Who takes a manager's decision: the signed-in employee when they are a manager, otherwise the
   * manager approving by id and PIN; refused with {@code refusal} when neither is there.
   */
  public UUID managerOrApproval(Principal who, String managerId, String pin, String refusal) {
    if (who.role() == Role.MANAGER || who.role() == Role.ADMIN) {
      return who.employeeId();
    }
    if (managerId == null || pin == null) {
      throw ApiException.forbidden(refusal);
    }
    return approveAsManager(who, managerId, pin);
  }

  /**
   * A manager approving an action on this terminal by PIN; wrong PINs count towards the manager's
   * lockout like a sign-in, but no session is opened. Returns the manager's id.
   */
  public UUID approveAsManager(Principal terminal, String managerId, String pin) {
    PinAttempts.Verified manager = pins.check(terminal, managerId, pin);
    Role role = Role.valueOf(manager.role());
    if (role != Role.MANAGER && role != Role.ADMIN) {
      throw ApiException.forbidden("Only a manager can approve this");
    }
    return manager.id();
  }

  /**
   * A manager's single-use approval, by PIN, for an action the signed-in employee may not take
   * alone; the request that needs it spends it.
   */
  public ApprovalResponse approve(Principal who, ApprovalRequest r) {
    if (!"PRICE_OVERRIDE".equals(r.action())) {
      throw ApiException.invalid("/action", "action must be PRICE_OVERRIDE");
    }
    if (r.managerId() == null || r.pin() == null) {
      throw ApiException.invalid("/managerId", "managerId and pin are required");
    }
    UUID manager = approveAsManager(who, r.managerId(), r.pin());
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expires = now.plus(APPROVAL_LIFETIME);
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "insert into approval (organisation_id, id, terminal_id, manager_id, action, created_at, expires_at)"
                      + " values (:org, :id, :terminal, :manager, :action, :now, :expires)")
              .bind("org", who.organisationId())
              .bind("id", id)
              .bind("terminal", who.terminalId())
              .bind("manager", manager)
              .bind("action", r.action())
              .bind("now", at(now))
              .bind("expires", at(expires))
              .execute();
          Audit.record(
              h,
              who.organisationId(),
              who.terminalId(),
              manager,
              "APPROVAL_GIVEN",
              r.action() + " for employee " + who.employeeId());
        });
    return new ApprovalResponse(id, r.action(), manager.toString(), expires);
  }

  /** Ends the session of {@code token}. */
  public void signOut(Principal principal, String token) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "update employee_session set ended_at = :now where token_hash = :hash and organisation_id = :org")
              .bind("now", at(clock.instant()))
              .bind("hash", Secrets.sha256(token))
              .bind("org", principal.organisationId())
              .execute();
          Audit.record(
              h,
              principal.organisationId(),
              principal.terminalId(),
              principal.employeeId(),
              "SIGNED_OUT",
              null);
        });
    invalidations.changed(Invalidations.Topic.AUTH);
  }

  static UUID uuid(String value, String pointer) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.invalid(pointer, "Not an identifier: " + value);
    }
  }

  static Instant toInstant(Object timestamp) {
    if (timestamp instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (timestamp instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + timestamp.getClass());
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
