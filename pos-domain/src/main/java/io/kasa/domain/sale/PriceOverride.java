package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import java.util.Objects;

/**
 * A price changed by hand; kept on the line for the receipt and the audit trail.
 *
 * @param originalUnitPrice the catalogue price it replaced
 * @param reason why the price was changed
 */
public record PriceOverride(Money originalUnitPrice, String reason) {

  public PriceOverride {
    Objects.requireNonNull(originalUnitPrice, "originalUnitPrice");
    if (reason == null || reason.isBlank()) {
      throw new SaleRuleViolation(
          SaleRuleViolation.Rule.REASON_REQUIRED, "A price override needs a reason");
    }
  }
}
