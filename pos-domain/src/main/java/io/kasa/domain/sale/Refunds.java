package io.kasa.domain.sale;

import static io.kasa.domain.sale.SaleRuleViolation.Rule;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxCalculator;
import io.kasa.domain.tax.TaxMode;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The refund book of one sale: what has gone back, per line and per tender. */
final class Refunds {

  private final Sale sale;
  private final List<Refund> done = new ArrayList<>();
  private final Map<Integer, Quantity> refundedQuantity = new HashMap<>();
  private final Map<UUID, Money> refundedToTender = new HashMap<>();

  Refunds(Sale sale) {
    this.sale = sale;
  }

  Refund create(
      UUID refundId, List<RefundRequest> requests, RefundMethod method, String reason, Instant at) {
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(at, "at");
    if (reason == null || reason.isBlank()) {
      throw new SaleRuleViolation(Rule.REASON_REQUIRED, "A refund needs a reason");
    }
    Map<Integer, Quantity> wanted = merge(requests);
    SaleTotals totals = sale.totals();
    SalePolicy policy = sale.policy();
    Money zero = policy.zero();
    boolean exclusive = policy.tax().mode() == TaxMode.EXCLUSIVE;

    List<RefundLine> lines = new ArrayList<>();
    Map<TaxRate, Money[]> byRate = new LinkedHashMap<>();
    Money total = zero;
    Money tax = zero;
    for (Map.Entry<Integer, Quantity> entry : wanted.entrySet()) {
      SaleLine line = sale.line(entry.getKey());
      LineTotals lt = totals.line(line.number()).orElseThrow();
      Quantity before = refundedQuantity(line.number());
      Quantity after = before.plus(entry.getValue());
      Money amount = share(lt.amount(), before, after, line.quantity());
      Money lineTax = share(lt.tax(), before, after, line.quantity());
      Money payable = exclusive ? amount.plus(lineTax) : amount;
      lines.add(
          new RefundLine(
              line.number(), line.item(), entry.getValue(), amount, lineTax, payable, lt.rate()));
      Money[] sums = byRate.computeIfAbsent(lt.rate(), r -> new Money[] {zero, zero});
      sums[0] = sums[0].plus(amount);
      sums[1] = sums[1].plus(lineTax);
      total = total.plus(payable);
      tax = tax.plus(lineTax);
    }

    TaxCalculator taxes = new TaxCalculator(policy.tax());
    List<TaxBreakdownLine> breakdown = new ArrayList<>();
    for (TaxRate rate : policy.tax().rates()) {
      Money[] sums = byRate.get(rate);
      if (sums != null) {
        breakdown.add(taxes.breakdownLine(rate, sums[0], sums[1]));
      }
    }

    List<Tender> payouts = new ArrayList<>();
    Money left = total;
    if (method == RefundMethod.ORIGINAL_TENDERS) {
      for (Tender paid : sale.tenders()) {
        if (paid.isCash() || !left.isPositive()) {
          continue;
        }
        Money refundable = paid.amount().minus(refundedToTender.getOrDefault(paid.id(), zero));
        Money back = left.min(refundable);
        if (back.isPositive()) {
          payouts.add(
              new Tender(
                  payoutId(refundId, payouts.size()), paid.type(), back, paid.id().toString()));
          left = left.minus(back);
        }
      }
    }
    Money cash = policy.cashRounding().apply(left);
    if (cash.isPositive()) {
      payouts.add(new Tender(payoutId(refundId, payouts.size()), TenderType.CASH, cash, null));
    }
    Refund refund =
        new Refund(
            refundId,
            sale.id(),
            at,
            reason,
            lines,
            breakdown,
            tax,
            total,
            payouts,
            cash.minus(left));

    // Commit only after everything above succeeded, so a rejected refund changes nothing.
    wanted.forEach((line, q) -> refundedQuantity.merge(line, q, Quantity::plus));
    for (Tender payout : payouts) {
      if (payout.reference() != null) {
        refundedToTender.merge(UUID.fromString(payout.reference()), payout.amount(), Money::plus);
      }
    }
    done.add(refund);
    return refund;
  }

  Quantity refundedQuantity(int lineNumber) {
    return refundedQuantity.getOrDefault(lineNumber, Quantity.ZERO);
  }

  boolean everythingRefunded() {
    return sale.activeLines().stream()
        .allMatch(l -> refundedQuantity(l.number()).compareTo(l.quantity()) >= 0);
  }

  List<Refund> all() {
    return Collections.unmodifiableList(done);
  }

  /** Sums duplicate lines in the request and checks each against what is left to refund. */
  private Map<Integer, Quantity> merge(List<RefundRequest> requests) {
    if (requests == null || requests.isEmpty()) {
      throw new SaleRuleViolation(Rule.REFUND_EMPTY, "Choose at least one line to refund");
    }
    Map<Integer, Quantity> wanted = new LinkedHashMap<>();
    for (RefundRequest request : requests) {
      if (!request.quantity().isPositive()) {
        throw new SaleRuleViolation(
            Rule.QUANTITY_NOT_POSITIVE, "Refund quantity must be positive: " + request.quantity());
      }
      wanted.merge(request.lineNumber(), request.quantity(), Quantity::plus);
    }
    for (Map.Entry<Integer, Quantity> entry : wanted.entrySet()) {
      SaleLine line = sale.line(entry.getKey());
      if (line.voided()) {
        throw new SaleRuleViolation(Rule.LINE_VOIDED, "Line " + line.number() + " was voided");
      }
      if (!entry.getValue().isWhole() && !line.item().unit().isMeasured()) {
        throw new SaleRuleViolation(
            Rule.FRACTIONAL_QUANTITY_FOR_COUNTED_ITEM,
            line.item().name() + " is sold by the piece; refund a whole quantity");
      }
      Quantity left = line.quantity().minus(refundedQuantity(line.number()));
      if (entry.getValue().compareTo(left) > 0) {
        throw new SaleRuleViolation(
            Rule.REFUND_EXCEEDS_SOLD,
            "Line "
                + line.number()
                + ": "
                + entry.getValue()
                + " requested but only "
                + left
                + " of "
                + line.quantity()
                + " can still be refunded");
      }
    }
    return wanted;
  }

  /**
   * The part of {@code whole} for going from {@code before} to {@code after} of {@code sold}:
   * cumulative shares are rounded, so the parts always sum to exactly {@code whole} when all of it
   * has been refunded.
   */
  private static Money share(Money whole, Quantity before, Quantity after, Quantity sold) {
    Money upToAfter = whole.ratio(after.thousandths(), sold.thousandths(), RoundingMode.HALF_UP);
    Money upToBefore = whole.ratio(before.thousandths(), sold.thousandths(), RoundingMode.HALF_UP);
    return upToAfter.minus(upToBefore);
  }

  /** Payout ids derived from the refund id, so the same refund always yields the same ids. */
  private static UUID payoutId(UUID refundId, int index) {
    return UUID.nameUUIDFromBytes((refundId + "/payout/" + index).getBytes(StandardCharsets.UTF_8));
  }
}
