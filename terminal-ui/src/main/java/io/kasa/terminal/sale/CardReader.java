package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import java.util.concurrent.CompletableFuture;

/**
 * The card reader at the counter: shown an amount, it waits for the customer's card and gives its
 * payment token with the scheme and last four digits for the receipt (the card number never reaches
 * the register). A real reader speaks its maker's protocol over USB or serial and sits behind this
 * seam; {@code SimulatedCardReader} stands in for it in the demo and the tests, with the
 * processor's test cards.
 */
public interface CardReader {

  /**
   * A card the customer presented.
   *
   * @param token what the processor is asked to charge
   * @param card its scheme and last four digits, as the reader read them
   */
  record Presented(String token, io.kasa.domain.tender.CardDetails card) {}

  /** Asks for a card for {@code amount}; completes with the card, or exceptionally if cancelled. */
  CompletableFuture<Presented> present(Money amount);

  /** Stops waiting for a card (the cashier pressed Cancel). */
  void cancel();

  /** Whether this is the simulator, whose test cards the screen offers to tap. */
  boolean simulated();

  /** No reader configured: every card is refused with the reason. */
  CardReader NONE =
      new CardReader() {
        @Override
        public CompletableFuture<Presented> present(Money amount) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("No card reader is configured at this register"));
        }

        @Override
        public void cancel() {}

        @Override
        public boolean simulated() {
          return false;
        }
      };
}
