package io.kasa.service.auth;

import io.kasa.api.auth.EnrollResponse;
import io.kasa.service.audit.Audit;
import io.kasa.service.db.Invalidations;
import io.kasa.service.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Exchanges a one-time enrollment code for the terminal's credential. A device that sends an
 * Idempotency-Key gets the same credential again when it retries with the same key, code and device
 * name within {@link AuthService#ENROLLMENT_RETRY_WINDOW} (ADR 0018); any other use of a used code
 * is refused.
 */
final class Enrollment {

  private final Jdbi jdbi;
  private final Clock clock;
  private final Invalidations invalidations;

  Enrollment(Jdbi jdbi, Clock clock, Invalidations invalidations) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.invalidations = invalidations;
  }

  /** What the device sent, normalised, with the hashes the database compares. */
  private record Request(String code, String deviceName, UUID key) {
    byte[] codeHash() {
      return Secrets.sha256(code);
    }

    byte[] keyHash() {
      return Secrets.sha256(key.toString());
    }

    byte[] requestHash() {
      return Secrets.sha256(code + '\n' + (deviceName == null ? "" : deviceName));
    }
  }

  AuthService.Enrolled enroll(String code, String deviceName, String idempotencyKey) {
    if (code == null || code.isBlank()) {
      throw ApiException.invalid("/code", "An enrollment code is required");
    }
    UUID key = null;
    if (idempotencyKey != null) {
      try {
        key = UUID.fromString(idempotencyKey.trim());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "The Idempotency-Key header must be a UUID the device made for this enrollment");
      }
    }
    Request r =
        new Request(
            code.trim().toUpperCase(Locale.ROOT),
            deviceName == null || deviceName.isBlank() ? null : deviceName.trim(),
            key);
    AuthService.Enrolled enrolled = jdbi.inTransaction(h -> enroll(h, r));
    forgetOldSecrets();
    return enrolled;
  }

  private AuthService.Enrolled enroll(Handle h, Request r) {
    byte[] codeHash = r.codeHash();
    Optional<Map<String, Object>> row =
        h.createQuery(
                "select e.organisation_id, e.terminal_id, e.expires_at, e.used_at, e.retry_key_hash,"
                    + " e.request_hash, e.sealed_secret, t.code as terminal_code, t.store_id,"
                    + " s.code as store_code, t.revoked_at, t.credential_hash"
                    + " from enrollment_code e join terminal t on t.organisation_id = e.organisation_id and t.id = e.terminal_id"
                    + " join store s on s.organisation_id = t.organisation_id and s.id = t.store_id"
                    + " where e.code_hash = :hash for update of e")
            .bind("hash", codeHash)
            .mapToMap()
            .findOne();
    if (r.key() != null
        && h.createQuery(
                "select 1 from enrollment_code where retry_key_hash = :key and code_hash <> :code")
            .bind("key", r.keyHash())
            .bind("code", codeHash)
            .mapTo(Integer.class)
            .findOne()
            .isPresent()) {
      throw ApiException.conflict("This Idempotency-Key was used with another enrollment code");
    }
    Instant now = clock.instant();
    if (row.isEmpty() || row.get().get("revoked_at") != null) {
      throw refused();
    }
    Map<String, Object> e = row.get();
    if (e.get("used_at") != null) {
      return retry(e, r, now);
    }
    if (AuthService.toInstant(e.get("expires_at")).isBefore(now)) {
      throw refused();
    }
    UUID org = (UUID) e.get("organisation_id");
    UUID terminal = (UUID) e.get("terminal_id");
    String secret = Secrets.token();
    h.createUpdate(
            "update enrollment_code set used_at = :now, retry_key_hash = :key,"
                + " request_hash = :request, sealed_secret = :sealed where code_hash = :hash")
        .bind("now", AuthService.at(now))
        .bind("key", r.key() == null ? null : r.keyHash())
        .bind("request", r.key() == null ? null : r.requestHash())
        .bind(
            "sealed",
            r.key() == null ? null : EnrollmentSeal.seal(secret, r.code(), r.key(), codeHash))
        .bind("hash", codeHash)
        .execute();
    h.createUpdate(
            "update terminal set credential_hash = :hash, enrolled_at = :now, name = coalesce(:name, name)"
                + " where organisation_id = :org and id = :id")
        .bind("hash", Secrets.sha256(secret))
        .bind("now", AuthService.at(now))
        .bind("name", r.deviceName())
        .bind("org", org)
        .bind("id", terminal)
        .execute();
    Audit.record(h, org, terminal, null, "TERMINAL_ENROLLED", null);
    h.afterCommit(() -> invalidations.changed(Invalidations.Topic.AUTH));
    return new AuthService.Enrolled(true, response(e, secret));
  }

  /**
   * A used code: the same answer again for the device that used it, within the window, while the
   * credential is still the terminal's; refused otherwise.
   */
  private AuthService.Enrolled retry(Map<String, Object> e, Request r, Instant now) {
    Instant usedAt = AuthService.toInstant(e.get("used_at"));
    if (r.key() == null
        || !Secrets.same((byte[]) e.get("retry_key_hash"), r.keyHash())
        || !now.isBefore(usedAt.plus(AuthService.ENROLLMENT_RETRY_WINDOW))) {
      throw refused();
    }
    if (!Secrets.same((byte[]) e.get("request_hash"), r.requestHash())) {
      throw ApiException.conflict(
          "This Idempotency-Key was used to enroll with another device name");
    }
    String secret =
        EnrollmentSeal.open((byte[]) e.get("sealed_secret"), r.code(), r.key(), r.codeHash())
            .filter(s -> Secrets.same((byte[]) e.get("credential_hash"), Secrets.sha256(s)))
            .orElseThrow(Enrollment::refused);
    return new AuthService.Enrolled(false, response(e, secret));
  }

  private static EnrollResponse response(Map<String, Object> e, String secret) {
    UUID terminal = (UUID) e.get("terminal_id");
    return new EnrollResponse(
        terminal.toString(),
        (String) e.get("terminal_code"),
        e.get("store_id").toString(),
        (String) e.get("store_code"),
        terminal + "." + secret);
  }

  private static ApiException refused() {
    return ApiException.unauthorized("The enrollment code is unknown, used or expired");
  }

  /**
   * Drops the sealed secrets whose window has passed: they could only be opened by their device,
   * which has no use for them any more. Rows another enrollment holds are left for the next one.
   */
  private void forgetOldSecrets() {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update enrollment_code set sealed_secret = null where code_hash in"
                        + " (select code_hash from enrollment_code where sealed_secret is not null"
                        + " and used_at < :before for update skip locked)")
                .bind(
                    "before",
                    AuthService.at(clock.instant().minus(AuthService.ENROLLMENT_RETRY_WINDOW)))
                .execute());
  }
}
