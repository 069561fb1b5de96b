package io.kasa.client.terminal;

/** A PIN not accepted, online or offline; {@code lockedOut} when more tries would not help now. */
public final class SignInRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean lockedOut;

  public SignInRefused(boolean lockedOut, String message) {
    super(message);
    this.lockedOut = lockedOut;
  }

  public boolean lockedOut() {
    return lockedOut;
  }
}
