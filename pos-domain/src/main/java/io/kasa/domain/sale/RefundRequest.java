package io.kasa.domain.sale;

import io.kasa.domain.money.Quantity;
import java.util.Objects;

/**
 * A wish to return {@code quantity} of sale line {@code lineNumber}.
 *
 * @param lineNumber the original sale's line number
 * @param quantity how much of it comes back
 */
public record RefundRequest(int lineNumber, Quantity quantity) {

  public RefundRequest {
    Objects.requireNonNull(quantity, "quantity");
  }

  public static RefundRequest of(int lineNumber, String quantity) {
    return new RefundRequest(lineNumber, Quantity.parse(quantity));
  }
}
