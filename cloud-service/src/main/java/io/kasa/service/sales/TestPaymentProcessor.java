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
 * first answer, as a real gateway does with an idempotency key. Reversals of authorisations it
 * issued succeed (repeats included); reversing anything else is refused.
 */
public final class TestPaymentProcessor implements PaymentProcessor {

  private final Map<UUID, Authorisation> done = new ConcurrentHashMap<>();

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
    return done.computeIfAbsent(
        tenderId,
        id -> {
          if (token != null && token.startsWith("tok_approve")) {
            return new Authorisation(
                true, String.format("T%06d", Math.floorMod(id.hashCode(), 1_000_000)), null);
          }
          if ("tok_decline".equals(token)) {
            return new Authorisation(false, null, "insufficient funds");
          }
          return new Authorisation(false, null, "unknown card");
        });
  }
}
