package io.kasa.service.accounts;

import io.kasa.service.auth.Secrets;
import io.kasa.service.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Back-office accounts (ADR 0040): created by the admin tools (or the demo), their passwords set
 * through single-use expiring links, their language and TOTP second factor changed by themselves.
 * Every change is audited with the account that made it.
 */
public final class OfficeAccounts {

  /** How long a password link works. */
  public static final Duration LINK_LIFETIME = Duration.ofHours(24);

  /** The issuer authenticator apps show beside the account. */
  public static final String TOTP_ISSUER = "Kasa";

  private final Jdbi jdbi;
  private final Passwords passwords;
  private final Clock clock;

  public OfficeAccounts(Jdbi jdbi, Passwords passwords, Clock clock) {
    this.jdbi = jdbi;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** A new account and the secret of the link that sets its first password. */
  public record Created(UUID id, String linkToken) {}

  /**
   * Creates an account of {@code org}; {@code stores} empty means all stores. Its password is set
   * through the link whose secret is returned (or given now, for the demo, with {@code password}).
   */
  public Created create(UUID org, String email, String role, List<UUID> stores, String password) {
    String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    if (!e.matches("[^@\\s]+@[^@\\s]+")) {
      throw ApiException.invalid("/email", "An email address is required");
    }
    if (!OfficeAccount.ROLES.contains(role)) {
      throw ApiException.invalid("/role", "The role is one of " + OfficeAccount.ROLES);
    }
    if (password != null && Passwords.problem(password) != null) {
      throw ApiException.invalid("/password", "A password is 10 to 200 characters");
    }
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(
                  "insert into office_account (id, organisation_id, email, role, all_stores,"
                      + " password_hash) values (:id, :org, :email, :role, :all, :hash)")
              .bind("id", id)
              .bind("org", org)
              .bind("email", e)
              .bind("role", role)
              .bind("all", stores.isEmpty())
              .bind("hash", password == null ? null : passwords.hash(password))
              .execute();
          for (UUID store : stores) {
            h.createUpdate(
                    "insert into office_account_store (account_id, organisation_id, store_id)"
                        + " values (:id, :org, :store)")
                .bind("id", id)
                .bind("org", org)
                .bind("store", store)
                .execute();
          }
          OfficeSignIn.audit(
              h, org, id, "office.account.created", e + " " + role + " " + storesText(stores));
          return new Created(id, password == null ? link(h, id) : null);
        });
  }

  /** A new single-use link for the account with {@code email}, for a forgotten password. */
  public String resetLink(String email) {
    String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> a =
              h.createQuery(
                      "select id, organisation_id from office_account where email = :e and active")
                  .bind("e", e)
                  .mapToMap()
                  .findOne()
                  .orElseThrow(() -> ApiException.notFound("No back-office account " + e));
          UUID id = (UUID) a.get("id");
          OfficeSignIn.audit(h, (UUID) a.get("organisation_id"), id, "office.reset-link", null);
          return link(h, id);
        });
  }

  private String link(Handle h, UUID account) {
    String token = Secrets.token();
    h.createUpdate(
            "insert into office_password_link (token_hash, account_id, expires_at)"
                + " values (:hash, :id, :expires)")
        .bind("hash", Secrets.sha256(token))
        .bind("id", account)
        .bind(
            "expires",
            OffsetDateTime.ofInstant(clock.instant().plus(LINK_LIFETIME), ZoneOffset.UTC))
        .execute();
    return token;
  }

  /** The account a link sets the password of, while the link is unused and unexpired. */
  public Optional<OfficeAccount> linkAccount(String token) {
    return jdbi.withHandle(h -> linkRow(h, token, false).map(id -> load(h, id)));
  }

  private Optional<UUID> linkRow(Handle h, String token, boolean lock) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery(
            "select l.account_id from office_password_link l join office_account a"
                + " on a.id = l.account_id where l.token_hash = :hash and l.used_at is null"
                + " and l.expires_at > :now and a.active"
                + (lock ? " for update of l" : ""))
        .bind("hash", Secrets.sha256(token))
        .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .mapTo(UUID.class)
        .findOne();
  }

  /**
   * Sets the password through a link, which is then used up, and ends the account's sessions and
   * lockout. False when the link is unknown, used or expired.
   */
  public boolean setPassword(String token, String password) {
    if (Passwords.problem(password) != null) {
      throw ApiException.invalid("/password", "A password is 10 to 200 characters");
    }
    String hash = passwords.hash(password);
    return jdbi.inTransaction(
        h -> {
          Optional<UUID> id = linkRow(h, token, true);
          if (id.isEmpty()) {
            return false;
          }
          h.createUpdate("update office_password_link set used_at = :now where token_hash = :hash")
              .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
              .bind("hash", Secrets.sha256(token))
              .execute();
          UUID org =
              h.createQuery(
                      "update office_account set password_hash = :hash, failed_sign_ins = 0,"
                          + " locked_until = null where id = :id returning organisation_id")
                  .bind("hash", hash)
                  .bind("id", id.get())
                  .mapTo(UUID.class)
                  .one();
          h.createUpdate("delete from office_session where account_id = :id")
              .bind("id", id.get())
              .execute();
          OfficeSignIn.audit(h, org, id.get(), "office.password-set", null);
          return true;
        });
  }

  /** Sets the account's language (uk or en). */
  public void setLanguage(OfficeAccount who, String language) {
    if (!"uk".equals(language) && !"en".equals(language)) {
      throw ApiException.invalid("/language", "The language is uk or en");
    }
    jdbi.useTransaction(
        h -> {
          h.createUpdate("update office_account set language = :l where id = :id")
              .bind("l", language)
              .bind("id", who.id())
              .execute();
          OfficeSignIn.audit(h, who.organisationId(), who.id(), "office.language", language);
        });
  }

  /** A new TOTP key for the account to confirm with a code; until then its sign-in is unchanged. */
  public byte[] startTotp(OfficeAccount who) {
    byte[] key = Totp.newKey();
    jdbi.useHandle(
        h ->
            h.createUpdate("update office_account set totp_pending = :k where id = :id")
                .bind("k", key)
                .bind("id", who.id())
                .execute());
    return key;
  }

  /** The key being enabled, if any. */
  public Optional<byte[]> pendingTotp(OfficeAccount who) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select totp_pending from office_account where id = :id")
                .bind("id", who.id())
                .mapTo(byte[].class)
                .findOne());
  }

  /** Turns TOTP on when {@code code} is the pending key's current code. */
  public boolean confirmTotp(OfficeAccount who, String code) {
    return jdbi.inTransaction(
        h -> {
          byte[] key =
              h.createQuery("select totp_pending from office_account where id = :id for update")
                  .bind("id", who.id())
                  .mapTo(byte[].class)
                  .findOne()
                  .orElse(null);
          long step =
              key == null ? -1 : Totp.match(key, code, Totp.step(now().getEpochSecond()), null);
          if (step < 0) {
            return false;
          }
          h.createUpdate(
                  "update office_account set totp_secret = totp_pending, totp_pending = null,"
                      + " totp_last_step = :step where id = :id")
              .bind("step", step)
              .bind("id", who.id())
              .execute();
          OfficeSignIn.audit(h, who.organisationId(), who.id(), "office.totp-on", null);
          return true;
        });
  }

  /** Turns TOTP off when {@code code} is the account's current code. */
  public boolean disableTotp(OfficeAccount who, String code) {
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> r =
              h.createQuery(
                      "select totp_secret, totp_last_step from office_account where id = :id"
                          + " for update")
                  .bind("id", who.id())
                  .mapToMap()
                  .one();
          byte[] key = (byte[]) r.get("totp_secret");
          if (key == null
              || Totp.match(
                      key, code, Totp.step(now().getEpochSecond()), (Long) r.get("totp_last_step"))
                  < 0) {
            return false;
          }
          h.createUpdate(
                  "update office_account set totp_secret = null, totp_last_step = null"
                      + " where id = :id")
              .bind("id", who.id())
              .execute();
          OfficeSignIn.audit(h, who.organisationId(), who.id(), "office.totp-off", null);
          return true;
        });
  }

  /** Every account, of one organisation or (null) of all. */
  public List<OfficeAccount> list(UUID org) {
    return jdbi.withHandle(
        h -> {
          List<UUID> ids =
              h.createQuery(
                      "select id from office_account"
                          + (org == null ? "" : " where organisation_id = :org")
                          + " order by organisation_id, email")
                  .bind("org", org)
                  .mapTo(UUID.class)
                  .list();
          List<OfficeAccount> out = new ArrayList<>();
          for (UUID id : ids) {
            out.add(load(h, id));
          }
          return out;
        });
  }

  /** The account {@code id}. */
  OfficeAccount load(Handle h, UUID id) {
    Map<String, Object> r =
        h.createQuery(
                "select a.organisation_id, o.name, a.email, a.role, a.all_stores, a.language,"
                    + " a.totp_secret is not null as totp, a.password_hash is not null as pw"
                    + " from office_account a join organisation o on o.id = a.organisation_id"
                    + " where a.id = :id")
            .bind("id", id)
            .mapToMap()
            .one();
    List<UUID> stores =
        (Boolean) r.get("all_stores")
            ? null
            : h.createQuery(
                    "select store_id from office_account_store where account_id = :id"
                        + " order by store_id")
                .bind("id", id)
                .mapTo(UUID.class)
                .list();
    return new OfficeAccount(
        id,
        (UUID) r.get("organisation_id"),
        (String) r.get("name"),
        (String) r.get("email"),
        (String) r.get("role"),
        stores,
        (String) r.get("language"),
        (Boolean) r.get("totp"),
        (Boolean) r.get("pw"));
  }

  private Instant now() {
    return clock.instant();
  }

  private static String storesText(List<UUID> stores) {
    return stores.isEmpty() ? "all stores" : "stores " + stores;
  }
}
