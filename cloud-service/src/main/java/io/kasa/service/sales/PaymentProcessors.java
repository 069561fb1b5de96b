package io.kasa.service.sales;

import io.kasa.domain.money.Money;
import java.util.List;
import java.util.UUID;

/**
 * The card processors the service can be started with, by the name given to {@code kasa-cloud serve
 * --payments NAME} (or {@code KASA_PAYMENTS}). Only the built-in {@code test} processor exists
 * today; a gateway's integration is added here under its own name, with its own settings read from
 * the environment (ADR 0031). Without a name the service takes no cards: {@link #none()}.
 */
public final class PaymentProcessors {

  /** The names {@link #named} knows. */
  public static final List<String> KNOWN = List.of("test");

  private PaymentProcessors() {}

  /**
   * The processor called {@code name}, or {@link #none()} when no name is given.
   *
   * @throws IllegalArgumentException for a name no processor has
   */
  public static PaymentProcessor named(String name) {
    if (name == null || name.isBlank()) {
      return none();
    }
    if ("test".equals(name.trim())) {
      return new TestPaymentProcessor();
    }
    throw new IllegalArgumentException(
        "No card processor is called '" + name.trim() + "'; known: " + String.join(", ", KNOWN));
  }

  /** No processor: every card is refused with {@link PaymentProcessor.UnavailableException}. */
  public static PaymentProcessor none() {
    return NONE;
  }

  private static final PaymentProcessor NONE = new None();

  /** The service without a processor: it takes no cards and never pretends to. */
  private static final class None implements PaymentProcessor {

    private static final String WHY =
        "Card payments are off: the service was started without a card processor (--payments)";

    @Override
    public Authorisation authorise(UUID tenderId, String token, Money amount) {
      throw new UnavailableException(WHY);
    }

    @Override
    public boolean reverse(UUID tenderId, String authorisation, Money amount) {
      throw new UnavailableException(WHY);
    }

    @Override
    public Refund refund(UUID refundId, UUID tenderId, String authorisation, Money amount) {
      throw new UnavailableException(WHY);
    }

    @Override
    public String name() {
      return "none";
    }

    @Override
    public boolean configured() {
      return false;
    }
  }
}
