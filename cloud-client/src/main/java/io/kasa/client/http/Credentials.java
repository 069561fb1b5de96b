package io.kasa.client.http;

/**
 * The terminal's credential and the signed-in employee's session token, shared by every request,
 * and what the terminal reports of itself with each (ADR 0045): the entries its outbox still holds
 * and its software's version. Thread-safe; {@link #toString()} shows only whether each is present.
 */
public final class Credentials {

  private volatile String terminal;
  private volatile String session;
  private volatile java.util.function.LongSupplier unsent;
  private volatile String version;

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

  /** Where the count of unsent outbox entries is read for each request, or null. */
  public java.util.function.LongSupplier unsent() {
    return unsent;
  }

  public void unsent(java.util.function.LongSupplier count) {
    this.unsent = count;
  }

  /** The terminal software's version, or null. */
  public String version() {
    return version;
  }

  public void version(String version) {
    this.version = version;
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
