package io.kasa.api;

/** HTTP headers of the Kasa API. */
public final class Headers {

  /** The terminal credential: {@code Authorization: Bearer <credential>}. */
  public static final String AUTHORIZATION = "Authorization";

  /** The signed-in employee's session token. */
  public static final String SESSION = "Kasa-Session";

  /**
   * Instead of a session, on work the terminal already recorded (its outbox): the employee who did
   * it. The terminal vouches for them, as it verified their PIN, perhaps while offline (ADR 0008).
   */
  public static final String EMPLOYEE = "Kasa-Employee";

  /**
   * The UUID of what a mutating request creates (for an enrollment, a UUID the device makes for
   * it); a retry with the same key is answered once.
   */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * Sent by a terminal with its credential: how many entries its outbox still holds, shown in the
   * back office as its unsent entries (ADR 0045).
   */
  public static final String UNSENT = "Kasa-Unsent";

  /** Sent by a terminal with its credential: its software's version (ADR 0045). */
  public static final String VERSION = "Kasa-Version";

  private Headers() {}
}
