package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.UUID;

/** A discount on a line or on the whole order: a percentage or a fixed amount. */
public sealed interface Discount {

  /** Why the discount was given, for the audit trail and the receipt. */
  String reason();

  /**
   * The manager who approved a discount beyond the giver's limit (their id), or null when none was
   * needed.
   */
  UUID approvedBy();

  /** The same discount, approved by {@code manager}. */
  Discount approvedBy(UUID manager);

  /** The discount in money off {@code base}; never more than {@code base}. */
  Money amountOff(Money base, RoundingMode mode);

  static Discount percent(Percent percent, String reason) {
    return new PercentOff(percent, reason);
  }

  static Discount amount(Money amount, String reason) {
    return new AmountOff(amount, reason);
  }

  /**
   * A percentage off.
   *
   * @param percent from 0 to 100
   * @param reason why it was given
   * @param approvedBy the approving manager, or null
   */
  record PercentOff(Percent percent, String reason, UUID approvedBy) implements Discount {

    /** A percentage off that needed no approval. */
    public PercentOff(Percent percent, String reason) {
      this(percent, reason, null);
    }

    public PercentOff {
      Objects.requireNonNull(percent, "percent");
      Objects.requireNonNull(reason, "reason");
      if (percent.compareTo(Percent.HUNDRED) > 0) {
        throw new SaleRuleViolation(
            SaleRuleViolation.Rule.DISCOUNT_TOO_LARGE, "A discount cannot exceed 100 %");
      }
    }

    @Override
    public Money amountOff(Money base, RoundingMode mode) {
      return base.percent(percent, mode).min(base);
    }

    @Override
    public Discount approvedBy(UUID manager) {
      return new PercentOff(percent, reason, manager);
    }
  }

  /**
   * A fixed amount off. When the amount exceeds what it applies to (the cart shrank after the
   * discount was given) only the base is taken off: a discount never makes a price negative.
   *
   * @param amount a positive amount
   * @param reason why it was given
   * @param approvedBy the approving manager, or null
   */
  record AmountOff(Money amount, String reason, UUID approvedBy) implements Discount {

    /** An amount off that needed no approval. */
    public AmountOff(Money amount, String reason) {
      this(amount, reason, null);
    }

    public AmountOff {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(reason, "reason");
      if (amount.isNegative()) {
        throw new SaleRuleViolation(
            SaleRuleViolation.Rule.DISCOUNT_NEGATIVE, "A discount cannot be negative");
      }
    }

    @Override
    public Money amountOff(Money base, RoundingMode mode) {
      return amount.min(base.max(Money.zero(base.currency())));
    }

    @Override
    public Discount approvedBy(UUID manager) {
      return new AmountOff(amount, reason, manager);
    }
  }
}
