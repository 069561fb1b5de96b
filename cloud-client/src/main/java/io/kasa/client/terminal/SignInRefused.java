package io.kasa.client.terminal;

/** A PIN not accepted, online or offline, and why — so the register can say it in its words. */
public final class SignInRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The PIN did not match; more tries are possible. */
    WRONG_PIN,
    /** Too many wrong PINs: more tries would not help now. */
    LOCKED_OUT,
    /** The PIN matched, but the action needs a manager. */
    NOT_A_MANAGER,
    /** The employee is not on this terminal's staff list (offline). */
    UNKNOWN_EMPLOYEE
  }

  private final Reason reason;

  public SignInRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public boolean lockedOut() {
    return reason == Reason.LOCKED_OUT;
  }
}
