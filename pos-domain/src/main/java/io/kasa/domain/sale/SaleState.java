package io.kasa.domain.sale;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a sale. Paid is a one-way door: a paid sale can only be refunded, never reopened,
 * cancelled or paid again.
 */
public enum SaleState {
  /** Items are being added. */
  OPEN,
  /** The customer is paying; the cart is frozen. */
  TENDERING,
  /** Fully paid. */
  PAID,
  /** Some of it has been refunded. */
  PARTLY_REFUNDED,
  /** Everything has been refunded. */
  FULLY_REFUNDED,
  /** Abandoned before payment. */
  CANCELLED;

  /** Whether a sale in this state may move to {@code next}. */
  public boolean canMoveTo(SaleState next) {
    return successors().contains(next);
  }

  /** The states reachable in one step. */
  public Set<SaleState> successors() {
    return switch (this) {
      case OPEN -> EnumSet.of(TENDERING, CANCELLED);
      case TENDERING -> EnumSet.of(OPEN, PAID, CANCELLED);
      case PAID, PARTLY_REFUNDED -> EnumSet.of(PARTLY_REFUNDED, FULLY_REFUNDED);
      case FULLY_REFUNDED, CANCELLED -> EnumSet.noneOf(SaleState.class);
    };
  }

  /** Whether money has been taken: paid, partly or fully refunded. */
  public boolean isPaid() {
    return this == PAID || this == PARTLY_REFUNDED || this == FULLY_REFUNDED;
  }
}
