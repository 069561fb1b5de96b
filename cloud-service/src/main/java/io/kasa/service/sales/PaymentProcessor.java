package io.kasa.service.sales;

import io.kasa.domain.money.Money;
import java.util.UUID;

/**
 * The seam to a card network or gateway: authorises card payments, reverses them (voids) and
 * refunds them. The service is started with one by name ({@link PaymentProcessors}); without one,
 * {@link PaymentProcessors#none()} refuses every card (ADR 0031).
 */
public interface PaymentProcessor {

  /**
   * The answer to a refund.
   *
   * @param accepted whether the processor will pay the money back to the card
   * @param reason why it refused, or null
   */
  record Refund(boolean accepted, String reason) {}

  /**
   * Thrown when the service runs without a card processor: card payments are off and nothing was
   * sent anywhere.
   */
  final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
      super(message);
    }
  }

  /**
   * The outcome of an authorisation.
   *
   * @param approved whether the money is reserved
   * @param authorisation the gateway's authorisation code, or null
   * @param reason why it was declined, or null
   */
  record Authorisation(boolean approved, String authorisation, String reason) {}

  /** Thrown when the processor does not answer in time; nothing was charged. */
  final class TimeoutException extends Exception {
    public TimeoutException(String message) {
      super(message);
    }
  }

  /**
   * Thrown when a tender id already authorised is asked for again with another card token or
   * amount: an idempotency key reused for another payment, which gateways refuse.
   */
  final class TenderReusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TenderReusedException(String message) {
      super(message);
    }
  }

  /**
   * Authorises {@code amount} on the card behind {@code token}. {@code tenderId} is the idempotency
   * key: authorising the same tender twice charges once, and asking again for it with another token
   * or amount throws {@link TenderReusedException}.
   */
  Authorisation authorise(UUID tenderId, String token, Money amount) throws TimeoutException;

  /**
   * Reverses (voids) an approved authorisation before settlement, so the customer is not charged.
   * Reversing the same tender again is harmless. Returns false when the processor refuses (e.g. the
   * authorisation was already settled).
   */
  boolean reverse(UUID tenderId, String authorisation, Money amount) throws TimeoutException;

  /**
   * Pays {@code amount} of an approved, captured authorisation back to the card. {@code refundId}
   * (one refund's pay-out) is the idempotency key: asking again for it refunds once.
   */
  Refund refund(UUID refundId, UUID tenderId, String authorisation, Money amount)
      throws TimeoutException;

  /** The processor's name as the service's start-up line and logs give it. */
  String name();

  /** Whether cards can be taken at all (false only for {@link PaymentProcessors#none()}). */
  default boolean configured() {
    return true;
  }
}
