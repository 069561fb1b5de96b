package io.kasa.service.terminals;

import io.kasa.service.auth.Principal;
import io.kasa.service.http.ApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a terminal's work may say it happened (ADR 0019). Work reaches the service through the
 * terminal's outbox, at once or after an outage, so a time on the terminal's clock is plausible
 * from the terminal's enrollment (or {@link #LONGEST_DELIVERY} ago, whichever is later) until a
 * little after the service's clock. A refusal is for good (the outbox keeps it and never sends the
 * work again), so the bounds only catch clocks that are wrong by far more than a working clock ever
 * is: a flat clock battery's 1970 or 2000, a year typed wrong, 9999.
 */
public final class TerminalTimes {

  /**
   * How wrong a working terminal clock may be: ahead of the service's clock, behind it when the
   * terminal was enrolled, or set back while a sale or a shift was open (a drifting clock corrected
   * when the network returns). A clock kept by NTP is within a second; one left on its own drifts a
   * minute or so a month.
   */
  public static final Duration CLOCK_ERROR = Duration.ofMinutes(15);

  /**
   * The oldest work accepted, and so the longest a terminal may stay offline (or switched off) with
   * work waiting in its outbox: a season, beyond any outage a shop works through.
   */
  public static final Duration LONGEST_DELIVERY = Duration.ofDays(90);

  private TerminalTimes() {}

  /**
   * Refuses (422, naming {@code pointer}) a time of the calling terminal's work that it cannot have
   * done at: before its enrollment, older than {@link #LONGEST_DELIVERY}, or ahead of {@code now}
   * (the service's clock) by more than {@link #CLOCK_ERROR}.
   */
  public static void check(Principal who, Instant at, String pointer, Instant now) {
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (at.isAfter(now.plus(CLOCK_ERROR))) {
      throw ApiException.invalid(
          pointer,
          field
              + " "
              + at
              + " is ahead of the service's clock ("
              + now
              + ") by more than "
              + CLOCK_ERROR.toMinutes()
              + " minutes: check the terminal's clock");
    }
    Instant enrolled = who.terminal().enrolledAt();
    if (at.isBefore(enrolled.minus(CLOCK_ERROR))) {
      throw ApiException.invalid(
          pointer,
          field
              + " "
              + at
              + " is before this terminal was enrolled ("
              + enrolled
              + "): check the terminal's clock");
    }
    if (at.isBefore(now.minus(LONGEST_DELIVERY))) {
      throw ApiException.invalid(
          pointer,
          field
              + " "
              + at
              + " is more than "
              + LONGEST_DELIVERY.toDays()
              + " days before the service's clock ("
              + now
              + "): work is accepted up to "
              + LONGEST_DELIVERY.toDays()
              + " days after it was done");
    }
  }

  /**
   * Refuses (422, naming {@code laterPointer}) a time that comes before the time it follows (a sale
   * paid before it opened, a shift closed before it opened) by more than {@link #CLOCK_ERROR};
   * {@code rule} says what should be.
   */
  public static void ordered(
      Instant earlier, String earlierName, Instant later, String laterPointer, String rule) {
    if (later.isBefore(earlier.minus(CLOCK_ERROR))) {
      throw ApiException.invalid(
          laterPointer,
          laterPointer.substring(laterPointer.lastIndexOf('/') + 1)
              + " "
              + later
              + " is before "
              + earlierName
              + " "
              + earlier
              + ": "
              + rule);
    }
  }
}
