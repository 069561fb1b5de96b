package io.kasa.domain.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitQuoteTest {

  private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
  private static final Duration HOUR = Duration.ofMinutes(60);

  private static WaitQuote.Table free(int seats) {
    return new WaitQuote.Table(seats, NOW.minusSeconds(1), HOUR);
  }

  private static WaitQuote.Table busyFor(int seats, int minutes) {
    return new WaitQuote.Table(seats, NOW.plus(Duration.ofMinutes(minutes)), HOUR);
  }

  @Test
  void aFreeTableThatFitsMeansNoWait() {
    assertThat(WaitQuote.minutes(2, List.of(), List.of(free(4)), NOW)).contains(0L);
  }

  @Test
  void theWaitIsUntilTheFirstSuitableTableFreesRoundedUpToFiveMinutes() {
    List<WaitQuote.Table> tables = List.of(busyFor(2, 3), busyFor(4, 22), busyFor(6, 50));
    assertThat(WaitQuote.minutes(4, List.of(), tables, NOW)).contains(25L);
    assertThat(WaitQuote.minutes(2, List.of(), tables, NOW)).contains(5L);
  }

  @Test
  void partiesAheadTakeTheTablesFirstAndHoldThemForATurn() {
    List<WaitQuote.Table> tables = List.of(busyFor(4, 10), busyFor(4, 30));
    // The first party ahead takes the table freeing in 10, the second the one in 30; ours gets the
    // first one again after its turn and the reset: 10 + 60 + 5.
    assertThat(WaitQuote.minutes(4, List.of(2, 4), tables, NOW)).contains(75L);
  }

  @Test
  void aPartyAheadThatFitsNoTableTakesNone() {
    assertThat(WaitQuote.minutes(2, List.of(12), List.of(free(4)), NOW)).contains(0L);
  }

  @Test
  void amongTablesFreeAtOnceTheSmallestIsTakenSoABigPartyBehindStillFits() {
    List<WaitQuote.Table> tables = List.of(free(8), free(2));
    assertThat(WaitQuote.minutes(8, List.of(2), tables, NOW)).contains(0L);
  }

  @Test
  void noTableSeatingThePartyGivesNoQuote() {
    assertThat(WaitQuote.minutes(10, List.of(), List.of(free(4), free(6)), NOW)).isEmpty();
  }

  @Test
  void aPartyHasGuests() {
    assertThatThrownBy(() -> WaitQuote.minutes(0, List.of(), List.of(free(4)), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
