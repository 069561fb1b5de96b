package io.kasa.api;

/** HTTP headers of the Kasa API. */
public final class Headers {

  /** The terminal credential: {@code Authorization: Bearer <credential>}. */
  public static final String AUTHORIZATION = "Authorization";

  /** The signed-in employee's session token. */
  public static final String SESSION = "Kasa-Session";

  /** The UUID of what a mutating request creates; a retry with the same key is answered once. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private Headers() {}
}
