package io.kasa.service.terminals;

import io.kasa.api.terminal.DeviceSetup;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.auth.Secrets;
import io.kasa.service.db.Invalidations;
import io.kasa.service.http.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The organisation's terminals as the back office sees and changes them (issue 22, ADR 0045): each
 * with its state, last contact and what it last reported; created with a one-time enrollment code,
 * revoked at once, replaced by a new device that enrolls as the same terminal (its codes, so its
 * receipt numbers continue). Only the stores an account may see; anything else is not found. Every
 * change is audited with the account that made it.
 */
public final class TerminalDirectory {

  /** How long an enrollment code made here stays valid, as the admin command's. */
  public static final Duration CODE_VALIDITY = Duration.ofHours(24);

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final int MAX_NAME = 60;

  /** Where a terminal stands. */
  public enum State {
    /** Enrolled: a device holds its credential. */
    ENROLLED,
    /** An enrollment code waits to be used (a new terminal, or a replacement device). */
    WAITING,
    /** Never enrolled and its code has expired: replace it for a new code. */
    EXPIRED,
    /** Cut off: its credential is refused. */
    REVOKED
  }

  /**
   * A terminal as the back office shows it.
   *
   * @param codeExpiresAt when the enrollment code waiting to be used expires, or null
   * @param lastContactAt when the till was last in contact, or null when never
   * @param unsentEntries the entries its outbox held when it last said, or null
   * @param appVersion its software's version as it last said, or null
   * @param devicesBackedUpAt when its device set-up was last backed up, or null
   */
  public record Terminal(
      UUID id,
      UUID storeId,
      String storeCode,
      String storeName,
      String timeZone,
      String code,
      String name,
      State state,
      Instant enrolledAt,
      Instant revokedAt,
      Instant codeExpiresAt,
      Instant lastContactAt,
      Long unsentEntries,
      String appVersion,
      Instant devicesBackedUpAt) {}

  /**
   * A one-time enrollment code for a terminal: shown once, kept only hashed.
   *
   * @param terminal the terminal it enrolls
   * @param code the code to type (or scan) on the till
   * @param expiresAt when it stops working
   */
  public record Enrolment(Terminal terminal, String code, Instant expiresAt) {}

  /** A store a terminal may be created in. */
  public record Store(UUID id, String code, String name) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Consumer<Invalidations.Topic> changed;

  TerminalDirectory(Jdbi jdbi, Clock clock, Consumer<Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.changed = changed;
  }

  /** The words key of what is wrong with a terminal's code, or null when it is fine. */
  public static String codeProblem(String code) {
    return code == null || !CODE.matcher(code.trim()).matches() ? "terminals.error.code" : null;
  }

  /** The words key of what is wrong with a terminal's name, or null when it is fine. */
  public static String nameProblem(String name) {
    return name == null
            || name.isBlank()
            || name.trim().codePointCount(0, name.trim().length()) > MAX_NAME
        ? "terminals.error.name"
        : null;
  }

  /** The longest name a terminal may have. */
  public static int maxName() {
    return MAX_NAME;
  }

  private static final String SELECT =
      "select t.id, t.store_id, s.code as store_code, s.name as store_name, s.time_zone,"
          + " t.code, t.name,"
          + " t.enrolled_at, t.revoked_at, t.credential_hash is not null as has_credential,"
          + " (select max(e.expires_at) from enrollment_code e where e.organisation_id ="
          + " t.organisation_id and e.terminal_id = t.id and e.used_at is null and e.expires_at >"
          + " :now) as code_expires_at,"
          + " c.last_contact_at, c.unsent_entries, c.app_version, d.updated_at as devices_at"
          + " from terminal t join store s on s.organisation_id = t.organisation_id and s.id ="
          + " t.store_id left join terminal_contact c on c.organisation_id = t.organisation_id"
          + " and c.terminal_id = t.id left join terminal_devices d on d.organisation_id ="
          + " t.organisation_id and d.terminal_id = t.id where t.organisation_id = :org";

  /** The terminals of the stores {@code who} may see, by store code and terminal code. */
  public List<Terminal> list(OfficeAccount who) {
    return jdbi.withHandle(
        h ->
            query(h, who, SELECT + " order by s.code, t.code, t.id", null).list().stream()
                .filter(t -> who.maySee(t.storeId()))
                .toList());
  }

  /** The terminal {@code id} if {@code who} may see it. */
  public Optional<Terminal> find(OfficeAccount who, UUID id) {
    return jdbi.withHandle(h -> find(h, who, id));
  }

  /** The stores {@code who} may create terminals in, by code. */
  public List<Store> stores(OfficeAccount who) {
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "select id, code, name from store where organisation_id = :org order by code")
                    .bind("org", who.organisationId())
                    .map(
                        (rs, ctx) ->
                            new Store(
                                rs.getObject("id", UUID.class),
                                rs.getString("code"),
                                rs.getString("name")))
                    .list())
        .stream()
        .filter(s -> who.maySee(s.id()))
        .toList();
  }

  /** The device set-up backed up under terminal {@code id}, if any; 404 when not {@code who}'s. */
  public Optional<DeviceSetup> devices(OfficeAccount who, UUID id) {
    return jdbi.withHandle(
        h -> {
          require(h, who, id);
          return TerminalService.findDevices(h, who.organisationId(), id);
        });
  }

  /**
   * A new terminal of {@code store} with its enrollment code; 404 when {@code who} may not see the
   * store, 409 when the store has a terminal with that code, 422 for a code or name not as
   * documented.
   */
  public Enrolment create(OfficeAccount who, UUID store, String code, String name) {
    changer(who);
    if (codeProblem(code) != null) {
      throw ApiException.invalid("/code", "A code is 1 to 16 letters or digits");
    }
    if (nameProblem(name) != null) {
      throw ApiException.invalid("/name", "A name is 1 to " + MAX_NAME + " characters");
    }
    String c = code.trim();
    String secret = Secrets.enrollmentCode();
    UUID id = UUID.randomUUID();
    Instant expires =
        clock.instant().plus(CODE_VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return jdbi.inTransaction(
        h -> {
          boolean seen =
              store != null
                  && who.maySee(store)
                  && h.createQuery("select 1 from store where organisation_id = :org and id = :id")
                      .bind("org", who.organisationId())
                      .bind("id", store)
                      .mapTo(Integer.class)
                      .findOne()
                      .isPresent();
          if (!seen) {
            throw ApiException.notFound("No such store");
          }
          int inserted =
              h.createUpdate(
                      "insert into terminal (organisation_id, id, store_id, code, name)"
                          + " values (:org, :id, :store, :code, :name) on conflict do nothing")
                  .bind("org", who.organisationId())
                  .bind("id", id)
                  .bind("store", store)
                  .bind("code", c)
                  .bind("name", name.trim())
                  .execute();
          if (inserted == 0) {
            throw ApiException.conflict("The store has a terminal " + c + " already");
          }
          code(h, who, id, secret, expires);
          audit(h, who, id, "TERMINAL_CREATED", c + " " + name.trim());
          return new Enrolment(find(h, who, id).orElseThrow(), secret, expires);
        });
  }

  /**
   * Revokes terminal {@code id}: its credential is refused from the next request, and an enrollment
   * code waiting for it is void. Revoking a revoked terminal changes nothing.
   */
  public Terminal revoke(OfficeAccount who, UUID id) {
    changer(who);
    Terminal t =
        jdbi.inTransaction(
            h -> {
              Terminal before = require(h, who, id);
              if (before.state() == State.REVOKED) {
                return before;
              }
              h.createUpdate(
                      "update terminal set revoked_at = :now where organisation_id = :org and id = :id")
                  .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                  .bind("org", who.organisationId())
                  .bind("id", id)
                  .execute();
              voidCodes(h, who, id);
              audit(h, who, id, "TERMINAL_REVOKED", before.code());
              return find(h, who, id).orElseThrow();
            });
    changed.accept(Invalidations.Topic.AUTH);
    return t;
  }

  /**
   * A new enrollment code for terminal {@code id}, for the device that takes its place: enrolled
   * with it, the device is the same terminal (its store and terminal codes, so its receipt and
   * shift numbers continue, and its device set-up backup to restore). Any earlier code waiting for
   * it is void. While the terminal is not revoked, the old device keeps working until the new one
   * enrolls (ADR 0013); a revoked terminal is reinstated without any credential, so the device that
   * was cut off stays cut off and only the new one gets in (ADR 0045).
   */
  public Enrolment replace(OfficeAccount who, UUID id) {
    changer(who);
    String secret = Secrets.enrollmentCode();
    Instant expires =
        clock.instant().plus(CODE_VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Enrolment e =
        jdbi.inTransaction(
            h -> {
              Terminal before = require(h, who, id);
              if (before.state() == State.REVOKED) {
                h.createUpdate(
                        "update terminal set revoked_at = null, credential_hash = null,"
                            + " enrolled_at = null where organisation_id = :org and id = :id")
                    .bind("org", who.organisationId())
                    .bind("id", id)
                    .execute();
              }
              voidCodes(h, who, id);
              code(h, who, id, secret, expires);
              audit(h, who, id, "TERMINAL_REPLACED", before.code());
              return new Enrolment(find(h, who, id).orElseThrow(), secret, expires);
            });
    changed.accept(Invalidations.Topic.AUTH);
    return e;
  }

  private static void changer(OfficeAccount who) {
    if (!who.mayChange()) {
      throw ApiException.forbidden(
          "An accountant's account reads the back office but changes nothing");
    }
  }

  private Terminal require(Handle h, OfficeAccount who, UUID id) {
    return find(h, who, id).orElseThrow(() -> ApiException.notFound("No such terminal"));
  }

  private Optional<Terminal> find(Handle h, OfficeAccount who, UUID id) {
    return query(h, who, SELECT + " and t.id = :id", id)
        .findOne()
        .filter(t -> who.maySee(t.storeId()));
  }

  private org.jdbi.v3.core.result.ResultIterable<Terminal> query(
      Handle h, OfficeAccount who, String sql, UUID id) {
    Query q = h.createQuery(sql);
    if (id != null) {
      q.bind("id", id);
    }
    return q.bind("org", who.organisationId())
        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
        .map((rs, ctx) -> terminal(rs));
  }

  private static Terminal terminal(ResultSet rs) throws SQLException {
    Instant revoked = instant(rs, "revoked_at");
    Instant codeExpires = instant(rs, "code_expires_at");
    State state =
        revoked != null
            ? State.REVOKED
            : codeExpires != null
                ? State.WAITING
                : rs.getBoolean("has_credential") ? State.ENROLLED : State.EXPIRED;
    long count = rs.getLong("unsent_entries");
    Long unsent = rs.wasNull() ? null : count;
    return new Terminal(
        rs.getObject("id", UUID.class),
        rs.getObject("store_id", UUID.class),
        rs.getString("store_code"),
        rs.getString("store_name"),
        rs.getString("time_zone"),
        rs.getString("code"),
        rs.getString("name"),
        state,
        instant(rs, "enrolled_at"),
        revoked,
        codeExpires,
        instant(rs, "last_contact_at"),
        unsent,
        rs.getString("app_version"),
        instant(rs, "devices_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private void code(Handle h, OfficeAccount who, UUID terminal, String secret, Instant expires) {
    h.createUpdate(
            "insert into enrollment_code (code_hash, organisation_id, terminal_id, expires_at)"
                + " values (:hash, :org, :id, :expires)")
        .bind("hash", Secrets.sha256(secret))
        .bind("org", who.organisationId())
        .bind("id", terminal)
        .bind("expires", expires.atOffset(ZoneOffset.UTC))
        .execute();
  }

  /** Ends every enrollment code of the terminal not used yet. */
  private void voidCodes(Handle h, OfficeAccount who, UUID terminal) {
    h.createUpdate(
            "update enrollment_code set expires_at = least(expires_at, :now)"
                + " where organisation_id = :org and terminal_id = :id and used_at is null")
        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
        .bind("org", who.organisationId())
        .bind("id", terminal)
        .execute();
  }

  /** Audited like the admin commands' terminal actions, naming the office account. */
  private static void audit(
      Handle h, OfficeAccount who, UUID terminal, String action, String detail) {
    h.createUpdate(
            "insert into audit_log (organisation_id, office_account_id, terminal_id, action, detail)"
                + " values (:org, :account, :terminal, :action, :detail)")
        .bind("org", who.organisationId())
        .bind("account", who.id())
        .bind("terminal", terminal)
        .bind("action", action)
        .bind("detail", detail)
        .execute();
  }
}
