package io.kasa.client.http;

/**
 * The terminal's credential and the signed-in employee's session token, shared by every request.
 * Thread-safe; {@link #toString()} shows only whether each is present.
 */
public final class Credentials {

  private volatile String terminal;
  private volatile String session;

  public Credentials(String terminalCredential) {
    this.terminal = terminalCredential;
  }

  /** Before enrollment: no credential yet. */
  public static Credentials none() {
    return new Credentials(null);
  }

  public String terminal() {
    return terminal;
  }

  public void terminal(String credential) {
    this.terminal = credential;
  }

  public String session() {
    return session;
  }

  public void session(String token) {
    this.session = token;
  }

  @Override
  public String toString() {
    return "Credentials[terminal="
        + (terminal == null ? "none" : "***")
        + ", session="
        + (session == null ? "none" : "***")
        + "]";
  }
}
