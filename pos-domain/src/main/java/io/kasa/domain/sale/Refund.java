package io.kasa.domain.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tender.Tender;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A refund against a paid sale.
 *
 * @param id created on the terminal; the idempotency key
 * @param saleId the original sale
 * @param at when it was made
 * @param reason why the goods came back
 * @param lines the refunded lines
 * @param taxBreakdown the refunded tax per rate
 * @param tax the refunded tax
 * @param total what is owed back to the customer (before cash rounding)
 * @param payouts how it was paid back; the cash payout is rounded like cash sales
 * @param cashRounding the cash payout minus the cash owed (positive: the customer got more)
 */
public record Refund(
    UUID id,
    UUID saleId,
    Instant at,
    String reason,
    List<RefundLine> lines,
    List<TaxBreakdownLine> taxBreakdown,
    Money tax,
    Money total,
    List<Tender> payouts,
    Money cashRounding) {

  public Refund {
    lines = List.copyOf(lines);
    taxBreakdown = List.copyOf(taxBreakdown);
    payouts = List.copyOf(payouts);
  }

  /** The sum of all payouts: {@code total + cashRounding}. */
  public Money paidOut() {
    Money sum = Money.zero(total.currency());
    for (Tender payout : payouts) {
      sum = sum.plus(payout.amount());
    }
    return sum;
  }
}
