package io.kasa.terminal.shift;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the shift screen asks of the terminal; every call runs off the UI thread. */
public interface Shifts {

  /** A manager's PIN keyed at the register to approve something. */
  record ManagerPin(UUID managerId, String pin) {}

  /** Entries still unsent when closing was asked for without a manager's override. */
  final class Unsynced extends Exception {
    private static final long serialVersionUID = 1L;
    private final long count;

    public Unsynced(long count) {
      super(count + " unsent");
      this.count = count;
    }

    public long count() {
      return count;
    }
  }

  /** A refusal with words for the cashier (wrong PIN, not a manager). */
  final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean managerWouldDo;

    public Refused(String message, boolean managerWouldDo) {
      super(message);
      this.managerWouldDo = managerWouldDo;
    }

    /** Whether a manager's PIN would get it done. */
    public boolean managerWouldDo() {
      return managerWouldDo;
    }
  }

  Optional<UUID> current();

  void open(long openingFloat);

  void movement(String type, long amount, String reason, ManagerPin manager) throws Refused;

  /**
   * Kicks the cash drawer through its device; completes with whether the pulse went out, never
   * exceptionally.
   */
  java.util.concurrent.CompletableFuture<Boolean> openDrawer();

  /** Prints the X report; its lines, or empty when the service cannot be reached. */
  Optional<List<String>> xReport();

  /**
   * Closes with the counted cash; prints the Z report and returns its lines, or empty when the
   * close waits in the outbox (the report prints when it is delivered).
   */
  Optional<List<String>> close(long counted, ManagerPin manager) throws Unsynced, Refused;
}
