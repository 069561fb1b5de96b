package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.tender.CardDetails;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The card reader of the demo and the tests ({@code sim:card-reader}): it waits for a card like a
 * real reader, and the "customer" taps one of the card processor's test cards on the screen — the
 * built-in processor approves {@code tok_approve}, declines {@code tok_decline} and does not answer
 * {@code tok_timeout}, as the API document says.
 */
public final class SimulatedCardReader implements CardReader {

  /** A test card the screen offers: its message key, the token it gives and what it shows. */
  public record TestCard(String key, String token, CardDetails card) {}

  /** The processors' well-known test card numbers end in these digits. */
  public static final List<TestCard> TEST_CARDS =
      List.of(
          new TestCard("payment.card.test.approve", "tok_approve", new CardDetails("VISA", "4242")),
          new TestCard(
              "payment.card.test.decline", "tok_decline", new CardDetails("MASTERCARD", "0002")),
          new TestCard(
              "payment.card.test.timeout", "tok_timeout", new CardDetails("VISA", "0119")));

  private CompletableFuture<Presented> waiting;

  @Override
  public synchronized CompletableFuture<Presented> present(Money amount) {
    if (waiting != null && !waiting.isDone()) {
      waiting.completeExceptionally(new CancellationException("Another card was asked for"));
    }
    waiting = new CompletableFuture<>();
    return waiting;
  }

  /** The customer taps the card with {@code token}; answers whether a card was awaited. */
  public boolean tap(String token) {
    CompletableFuture<Presented> w;
    synchronized (this) {
      w = waiting;
    }
    CardDetails card =
        TEST_CARDS.stream()
            .filter(c -> c.token().equals(token))
            .map(TestCard::card)
            .findFirst()
            .orElse(TEST_CARDS.get(0).card());
    return w != null && w.complete(new Presented(token, card));
  }

  @Override
  public void cancel() {
    CompletableFuture<Presented> w;
    synchronized (this) {
      w = waiting;
    }
    if (w != null) {
      w.completeExceptionally(new CancellationException("Cancelled at the register"));
    }
  }

  @Override
  public boolean simulated() {
    return true;
  }
}
