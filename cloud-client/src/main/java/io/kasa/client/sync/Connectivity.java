package io.kasa.client.sync;

/**
 * Whether the service is reachable, from the outcomes of real calls. One failure or one success
 * decides nothing: two in a row move the state, and a mixed run reads as degraded. Thread-safe.
 */
public final class Connectivity {

  /** How the service looks from the counter. */
  public enum State {
    ONLINE,
    DEGRADED,
    OFFLINE
  }

  static final int IN_A_ROW = 2;

  private State state = State.ONLINE;
  private int successes;
  private int failures;

  public synchronized State state() {
    return state;
  }

  public synchronized void success() {
    successes++;
    failures = 0;
    if (successes >= IN_A_ROW) {
      state = State.ONLINE;
    } else if (state == State.OFFLINE) {
      state = State.DEGRADED;
    }
  }

  public synchronized void failure() {
    failures++;
    successes = 0;
    if (failures >= IN_A_ROW) {
      state = State.OFFLINE;
    } else if (state == State.ONLINE) {
      state = State.DEGRADED;
    }
  }
}
