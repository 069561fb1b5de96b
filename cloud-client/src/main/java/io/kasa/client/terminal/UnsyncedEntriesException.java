package io.kasa.client.terminal;

/** Closing a shift while work is still unsent needs a manager's override; says how much. */
public final class UnsyncedEntriesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long unsynced;

  public UnsyncedEntriesException(long unsynced) {
    super(unsynced + " entries are not yet on the service; a manager may close the shift anyway");
    this.unsynced = unsynced;
  }

  public long unsynced() {
    return unsynced;
  }
}
