package io.kasa.service.sales;

import io.kasa.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The built-in processor for demos and tests, like a gateway's test mode: no money moves. Started
 * only when asked for by name ({@code kasa-cloud serve --payments test}). Documented test tokens:
 *
 * <ul>
 *   <li>{@code tok_approve} (or any token starting with {@code tok_approve}) — approved;
 *   <li>{@code tok_approve_no_refund} — approved, but its reversal and refunds are refused (as a
 *       settled or disputed payment's are);
 *   <li>{@code tok_decline} — declined, "insufficient funds";
 *   <li>{@code tok_timeout} — the processor does not answer.
 * </ul>
 *
 * Any other token is declined as "unknown card". Authorising the same tender id again returns the
 * first answer, as a real gateway does with an idempotency key; asking again with another token or
 * amount is refused. Reversals and refunds of authorisations it issued succeed (repeats included);
 * anything else is refused (after a restart, any code of its shape {@code T123456} passes). Every
 * call is kept, in order, for tests to read ({@link #calls()}).
 */
public final class TestPaymentProcessor implements PaymentProcessor {

  /** The token whose approved payment cannot be reversed or refunded. */
  public static final String NO_REFUND = "tok_approve_no_refund";

  /**
   * One call the processor answered.
   *
   * @param kind AUTHORISE, REVERSE or REFUND
   * @param tenderId the card tender
   * @param amount the amount asked for
   * @param detail the token (AUTHORISE) or the authorisation code (REVERSE, REFUND)
   */
  public record Call(String kind, UUID tenderId, Money amount, String detail) {}

  /** A tender's first authorisation and what it was asked for. */
  private record Done(String token, Money amount, Authorisation answer) {}

  private final Map<UUID, Done> done = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "test";
  }

  /** Every call so far, oldest first. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one kind about one tender. */
  public List<Call> calls(String kind, UUID tenderId) {
    return calls.stream()
        .filter(c -> c.kind().equals(kind) && c.tenderId().equals(tenderId))
        .toList();
  }

  @Override
  public boolean reverse(UUID tenderId, String authorisation, Money amount) {
    calls.add(new Call("REVERSE", tenderId, amount, authorisation));
    return issued(tenderId, authorisation);
  }

  @Override
  public Refund refund(UUID refundId, UUID tenderId, String authorisation, Money amount) {
    calls.add(new Call("REFUND", tenderId, amount, authorisation));
    return issued(tenderId, authorisation)
        ? new Refund(true, null)
        : new Refund(false, "the payment cannot be refunded to the card");
  }

  /**
   * Whether {@code authorisation} is this processor's approval of the tender, open to reversal. One
   * issued before a restart is known by its shape alone (the demo keeps its sales across restarts).
   */
  private boolean issued(UUID tenderId, String authorisation) {
    Done first = done.get(tenderId);
    if (first == null) {
      return authorisation != null && authorisation.matches("T\\d{6}");
    }
    return first.answer().approved()
        && first.answer().authorisation().equals(authorisation)
        && !NO_REFUND.equals(first.token());
  }

  @Override
  public Authorisation authorise(UUID tenderId, String token, Money amount)
      throws TimeoutException {
    calls.add(new Call("AUTHORISE", tenderId, amount, token));
    if ("tok_timeout".equals(token)) {
      throw new TimeoutException("The card processor did not answer");
    }
    Done first = done.computeIfAbsent(tenderId, id -> new Done(token, amount, answer(id, token)));
    if (!Objects.equals(first.token(), token) || !first.amount().equals(amount)) {
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
