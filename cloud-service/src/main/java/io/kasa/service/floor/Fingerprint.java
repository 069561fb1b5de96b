package io.kasa.service.floor;

import io.kasa.service.auth.Secrets;
import io.kasa.service.http.ApiException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What a request that opens a check said, kept with the check (its id is chosen by the terminal),
 * so that a repeat with other contents is refused (409) rather than answered as the first one.
 */
final class Fingerprint {

  private Fingerprint() {}

  /** The SHA-256 of the request's parts; each ends with a NUL, which no text of a request holds. */
  static byte[] of(Object... parts) {
    StringBuilder s = new StringBuilder();
    for (Object part : parts) {
      s.append(part).append('\0');
    }
    return Secrets.sha256(s.toString());
  }

  /** Refuses a repeat whose fingerprint is not the one the check was opened with. */
  static void check(Handle h, UUID org, UUID checkId, byte[] fingerprint, String conflict) {
    byte[] recorded =
        h.createQuery(
                "select request_hash from dining_check where organisation_id = :org and id = :id")
            .bind("org", org)
            .bind("id", checkId)
            .mapTo(byte[].class)
            .findOne()
            .orElse(null);
    // A check opened before fingerprints were kept answers any repeat, as it always did.
    if (recorded != null && !Secrets.same(recorded, fingerprint)) {
      throw ApiException.conflict(conflict);
    }
  }
}
