package io.kasa.service.sales;

import io.kasa.domain.money.Money;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in processor for demos and tests, like a gateway's test mode. Documented test tokens:
 *
 * <ul>
 *   <li>{@code tok_approve} (or any token starting with {@code tok_approve}) — approved;
 *   <li>{@code tok_decline} — declined, "insufficient funds";
 *   <li>{@code tok_timeout} — the processor does not answer.
 * </ul>
 *
 * Any other token is declined as "unknown card". Authorising the same tender id again returns the
 * first answer, as a real gateway does with an idempotency key; asking again with another token or
 * amount is refused. Reversals of authorisations it issued succeed (repeats included); reversing
 * anything else is refused.
 */
public final class TestPaymentProcessor implements PaymentProcessor {

  /** A tender's first authorisation and what it was asked for. */
  private record Done(String token, Money amount, Authorisation answer) {}

  private final Map<UUID, Done> done = new ConcurrentHashMap<>();

  @Override
  public boolean reverse(UUID tenderId, String authorisation, Money amount) {
    return authorisation != null && authorisation.matches("T\\d{6}");
  }

  @Override
  public Authorisation authorise(UUID tenderId, String token, Money amount)
      throws TimeoutException {
    if ("tok_timeout".equals(token)) {
      throw new TimeoutException("The card processor did not answer");
    }
    Done first = done.computeIfAbsent(tenderId, id -> new Done(token, amount, answer(id, token)));
    if (!java.util.Objects.equals(first.token(), token) || !first.amount().equals(amount)) {
      throw new TenderReusedException(
          "Tender " + tenderId + " was authorised for another card or amount");
    }
    return first.answer();
  }

  private static Authorisation answer(UUID id, String token) {
    if (token != null && token.startsWith("tok_approve")) {
      return new Authorisation(
          true, String.format("T%06d", Math.floorMod(id.hashCode(), 1_000_000)), null);
    }
    if ("tok_decline".equals(token)) {
      return new Authorisation(false, null, "insufficient funds");
    }
    return new Authorisation(false, null, "unknown card");
  }
}
