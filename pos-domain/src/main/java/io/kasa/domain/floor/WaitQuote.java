package io.kasa.domain.floor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wait a host quotes a party: the parties ahead in line take, one by one, the suitable table
 * that frees first; the new party gets the next one. A table frees when its guests have sat for its
 * usual turn time (never sooner than a few minutes from now, to clear it), or when a reservation
 * holding it will have had its turn. Quotes are rounded up to five minutes, as hosts say them.
 */
public final class WaitQuote {

  /** Clearing and resetting a table takes at least this long. */
  public static final Duration RESET = Duration.ofMinutes(5);

  private static final long STEP_MINUTES = 5;

  /**
   * A table as the quote sees it.
   *
   * @param seats how many it seats
   * @param freeFrom when it is free: now or earlier for a free table, else when its guests sat down
   *     plus its turn time, or a reservation's time plus its turn time
   * @param turn how long a party usually keeps it
   */
  public record Table(int seats, Instant freeFrom, Duration turn) {
    public Table {
      Objects.requireNonNull(freeFrom, "freeFrom");
      Objects.requireNonNull(turn, "turn");
      if (seats < 1 || turn.isNegative()) {
        throw new IllegalArgumentException("A table seats at least one and turns in no time");
      }
    }
  }

  private WaitQuote() {}

  /**
   * The quoted wait in minutes for a party of {@code size} behind {@code ahead} (the sizes of the
   * parties before it, first in line first), or empty when no table seats that many.
   */
  public static Optional<Long> minutes(
      int size, List<Integer> ahead, List<Table> tables, Instant now) {
    if (size < 1) {
      throw new IllegalArgumentException("A party has at least one guest");
    }
    List<Slot> slots = new ArrayList<>();
    for (Table t : tables) {
      Instant free = t.freeFrom().isAfter(now) ? t.freeFrom() : now;
      slots.add(new Slot(t, free));
    }
    if (slots.stream().noneMatch(s -> s.table.seats() >= size)) {
      return Optional.empty();
    }
    for (int party : ahead) {
      Optional<Slot> taken = earliest(slots, party);
      taken.ifPresent(s -> s.free = s.free.plus(s.table.turn()).plus(RESET));
    }
    Slot ours = earliest(slots, size).orElseThrow();
    long waited = Duration.between(now, ours.free).toSeconds();
    long minutes = (waited + 59) / 60;
    return Optional.of((minutes + STEP_MINUTES - 1) / STEP_MINUTES * STEP_MINUTES);
  }

  /** The suitable table that frees first; among equals, the smallest, so big tables stay free. */
  private static Optional<Slot> earliest(List<Slot> slots, int size) {
    return slots.stream()
        .filter(s -> s.table.seats() >= size)
        .min(Comparator.comparing((Slot s) -> s.free).thenComparingInt(s -> s.table.seats()));
  }

  private static final class Slot {
    final Table table;
    Instant free;

    Slot(Table table, Instant free) {
      this.table = table;
      this.free = free;
    }
  }
}
