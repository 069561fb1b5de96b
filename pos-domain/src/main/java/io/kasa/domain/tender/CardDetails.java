package io.kasa.domain.tender;

import java.util.Objects;

/**
 * What a receipt may say about the card that paid: its scheme and the last four digits of its
 * number, as the card reader reports them. The full number never reaches the register.
 *
 * @param scheme the card scheme as the reader names it, e.g. {@code VISA} or {@code MASTERCARD}
 * @param last4 the last four digits of the card number
 */
public record CardDetails(String scheme, String last4) {

  public CardDetails {
    Objects.requireNonNull(scheme, "scheme");
    if (last4 == null || !last4.matches("\\d{4}")) {
      throw new IllegalArgumentException("A card shows exactly its last four digits: " + last4);
    }
  }

  /** The card number as a receipt prints it: {@code **** 4242}. */
  public String masked() {
    return "**** " + last4;
  }
}
