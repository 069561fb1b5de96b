package io.kasa.service.sales;

import io.kasa.domain.money.Money;
import java.util.UUID;

/** Authorises card payments with a card network or gateway. */
public interface PaymentProcessor {

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
}
