package io.kasa.service.auth;

import io.kasa.api.auth.PinHasher;
import io.kasa.service.http.ApiException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * What finds an employee by PIN alone (ADR 0021): {@code employee.pin_lookup}, an HMAC-SHA256 of
 * the PIN under a random key of the organisation that never leaves the service. It is also what
 * keeps PINs unique within an organisation (a unique index, and the check when a PIN is set).
 */
public final class PinLookup {

  private static final SecureRandom RANDOM = new SecureRandom();

  private PinLookup() {}

  /** The lookup of {@code pin} in {@code org}; makes the organisation's key on first use. */
  public static byte[] of(Handle h, UUID org, String pin) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    h.createUpdate(
            "insert into organisation_pin_key (organisation_id, key) values (:org, :key)"
                + " on conflict (organisation_id) do nothing")
        .bind("org", org)
        .bind("key", fresh)
        .execute();
    byte[] key =
        h.createQuery("select key from organisation_pin_key where organisation_id = :org")
            .bind("org", org)
            .mapTo(byte[].class)
            .one();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Refuses {@code pin} for {@code employee} (null for a new one) when another active employee of
   * {@code org} already has it, and returns its lookup. Runs in the caller's transaction, which it
   * serialises with every other PIN set in the organisation; employees whose PIN predates the
   * lookup are checked against their verifiers.
   */
  public static byte[] unique(Handle h, UUID org, UUID employee, String pin) {
    h.createQuery("select 1 from (select pg_advisory_xact_lock(hashtext('kasa-pin-' || :org))) l")
        .bind("org", org.toString())
        .mapTo(Integer.class)
        .one();
    byte[] lookup = of(h, org, pin);
    Optional<UUID> taken =
        h.createQuery(
                "select id from employee where organisation_id = :org and active"
                    + " and pin_lookup = :lookup")
            .bind("org", org)
            .bind("lookup", lookup)
            .mapTo(UUID.class)
            .findFirst()
            .filter(id -> !id.equals(employee));
    List<Map<String, Object>> legacy =
        h.createQuery(
                "select id, pin_hash from employee where organisation_id = :org and active"
                    + " and pin_lookup is null")
            .bind("org", org)
            .mapToMap()
            .list();
    boolean takenByLegacy =
        legacy.stream()
            .anyMatch(
                r ->
                    !r.get("id").equals(employee)
                        && PinHasher.verify(pin, (String) r.get("pin_hash")));
    if (taken.isPresent() || takenByLegacy) {
      throw ApiException.conflict(
          "Another employee of the organisation has this PIN: choose another one");
    }
    return lookup;
  }
}
