package io.kasa.domain.sale;

import static io.kasa.domain.sale.SaleRuleViolation.Rule;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.tender.Tender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A sale from the first scan to the last refund.
 *
 * <p>Commands check the state and the rules and either change the sale or throw {@link
 * SaleRuleViolation} leaving it untouched. Totals are always derived, never stored, so they cannot
 * drift from the lines. Not thread-safe: one register edits one sale.
 */
public final class Sale {

  private final UUID id;
  private final SalePolicy policy;
  private final Instant openedAt;
  private final List<SaleLine> lines = new ArrayList<>();
  private final List<Tender> tenders = new ArrayList<>();
  private SaleState state = SaleState.OPEN;
  private Discount orderDiscount;

  /** The totals of the cart as it stands, computed on first use after each change of the cart. */
  private SaleTotals totals;

  private Money change;
  private Money cashRounding;
  private Instant paidAt;
  private final Refunds refunds;

  private Sale(UUID id, SalePolicy policy, Instant openedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
    this.change = policy.zero();
    this.cashRounding = policy.zero();
    this.refunds = new Refunds(this);
  }

  /** Opens an empty sale; {@code id} is created on the terminal and is its idempotency key. */
  public static Sale open(UUID id, SalePolicy policy, Instant openedAt) {
    return new Sale(id, policy, openedAt);
  }

  // ---- the cart ----------------------------------------------------------------------------

  /** Adds {@code quantity} of a fixed-price item at its catalogue price. */
  public SaleLine addItem(CatalogItem item, Quantity quantity) {
    return addItem(item, quantity, ModifierSelection.NONE);
  }

  /**
   * Adds {@code quantity} of a fixed-price item at its catalogue price with the options and note
   * asked for, checked against the item's modifier groups (ADR 0043).
   */
  public SaleLine addItem(CatalogItem item, Quantity quantity, ModifierSelection selection) {
    if (item.openPrice()) {
      throw new SaleRuleViolation(
          Rule.OPEN_PRICE_REQUIRED, item.name() + " has an open price: enter the price");
    }
    return add(item, quantity, item.price(), selection);
  }

  /** Adds an open-price item at the price the cashier entered. */
  public SaleLine addOpenPriceItem(CatalogItem item, Quantity quantity, Money price) {
    return addOpenPriceItem(item, quantity, price, ModifierSelection.NONE);
  }

  /** Adds an open-price item at the price entered, with the options and note asked for. */
  public SaleLine addOpenPriceItem(
      CatalogItem item, Quantity quantity, Money price, ModifierSelection selection) {
    if (!item.openPrice()) {
      throw new IllegalArgumentException(item.name() + " has a fixed price");
    }
    return add(item, quantity, price, selection);
  }

  private SaleLine add(
      CatalogItem item, Quantity quantity, Money price, ModifierSelection selection) {
    requireState(SaleState.OPEN);
    requireCurrency(price);
    policy.tax().rateFor(item.taxClass());
    List<ChosenModifier> chosen = Modifiers.resolve(item, selection);
    for (ChosenModifier m : chosen) {
      requireCurrency(m.priceDelta());
    }
    SaleLine line =
        new SaleLine(
            lines.size() + 1, item, quantity, price, null, null, false, chosen, selection.note());
    lines.add(line);
    totals = null;
    return line;
  }

  /**
   * Changes what a line asks for (its options and note), checked against its item as when it was
   * added; its discount stays and must still fit the new price.
   */
  public SaleLine changeModifiers(int lineNumber, ModifierSelection selection) {
    SaleLine line = activeLine(lineNumber);
    List<ChosenModifier> chosen = Modifiers.resolve(line.item(), selection);
    SaleLine changed = line.withModifiers(chosen, selection.note());
    if (line.discount() instanceof Discount.AmountOff off) {
      requireDiscountFits(changed, off);
    }
    return replace(lineNumber, changed);
  }

  public SaleLine changeQuantity(int lineNumber, Quantity quantity) {
    return replace(lineNumber, activeLine(lineNumber).withQuantity(quantity));
  }

  /**
   * Charges {@code price} per unit instead of the catalogue price, for the given reason. The price
   * replaces the item's own unit price only: the chosen options' deltas are still added (ADR 0043).
   */
  public SaleLine overridePrice(int lineNumber, Money price, String reason) {
    SaleLine line = activeLine(lineNumber);
    requireCurrency(price);
    Money original =
        line.override() == null ? line.unitPrice() : line.override().originalUnitPrice();
    return replace(lineNumber, line.withPrice(price, new PriceOverride(original, reason)));
  }

  /** Sets or replaces the line's discount; {@code null} removes it. */
  public SaleLine discountLine(int lineNumber, Discount discount) {
    SaleLine line = activeLine(lineNumber);
    if (discount instanceof Discount.AmountOff off) {
      requireCurrency(off.amount());
      requireDiscountFits(line, off);
    }
    return replace(lineNumber, line.withDiscount(discount));
  }

  /** An amount off a line never exceeds its gross, the options' deltas included. */
  private void requireDiscountFits(SaleLine line, Discount.AmountOff off) {
    Money gross = line.quantity().price(line.chargedUnitPrice(), policy.amountRounding());
    if (off.amount().isGreaterThan(gross)) {
      throw new SaleRuleViolation(
          Rule.DISCOUNT_TOO_LARGE,
          "Discount " + off.amount() + " exceeds line " + line.number() + " (" + gross + ")");
    }
  }

  /** Voids a line: it stays in the sale for the record and counts for nothing. */
  public SaleLine voidLine(int lineNumber) {
    return replace(lineNumber, activeLine(lineNumber).asVoided());
  }

  /** Sets or replaces the order discount; {@code null} removes it. */
  public void discountOrder(Discount discount) {
    requireState(SaleState.OPEN);
    if (discount instanceof Discount.AmountOff off) {
      requireCurrency(off.amount());
      Money base = totals().subtotal().minus(totals().lineDiscounts());
      if (off.amount().isGreaterThan(base)) {
        throw new SaleRuleViolation(
            Rule.DISCOUNT_TOO_LARGE,
            "Discount " + off.amount() + " exceeds the sale (" + base + ")");
      }
    }
    this.orderDiscount = discount;
    totals = null;
  }

  // ---- payment -----------------------------------------------------------------------------

  /** Freezes the cart for payment. */
  public void startTendering() {
    requireState(SaleState.OPEN);
    if (activeLines().isEmpty()) {
      throw new SaleRuleViolation(Rule.EMPTY_SALE, "The sale has no items");
    }
    state = SaleState.TENDERING;
  }

  /** Goes back to the cart, allowed only while nothing has been paid. */
  public void backToCart() {
    requireState(SaleState.TENDERING);
    requireNoTenders();
    state = SaleState.OPEN;
  }

  /** Abandons an unpaid sale. */
  public void cancel() {
    if (state != SaleState.OPEN) {
      requireState(SaleState.TENDERING);
    }
    requireNoTenders();
    moveTo(SaleState.CANCELLED);
  }

  /**
   * What is still owed by card or other tenders: the total minus everything tendered so far. Zero
   * once paid.
   */
  public Money amountDue() {
    if (state.isPaid()) {
      return policy.zero();
    }
    Money due = totals().total();
    for (Tender tender : tenders) {
      due = due.minus(tender.amount());
    }
    return due;
  }

  /** What is owed if the rest is paid in cash: the amount due, cash-rounded. */
  public Money cashDue() {
    return policy.cashRounding().apply(amountDue());
  }

  /**
   * Applies a tender. Card and other tenders must not exceed the amount due (no change from a
   * card). Cash may exceed it: when cash covers the cash-rounded amount due, the sale is paid, the
   * difference between the rounded and exact amount is recorded as cash rounding, and the rest is
   * change.
   *
   * @return the state after the tender: {@link SaleState#TENDERING} or {@link SaleState#PAID}
   */
  public SaleState addTender(Tender tender, Instant at) {
    requireState(SaleState.TENDERING);
    requireCurrency(tender.amount());
    if (tenders.stream().anyMatch(t -> t.id().equals(tender.id()))) {
      throw new IllegalArgumentException("Tender " + tender.id() + " was already applied");
    }
    Money due = amountDue();
    if (tender.isCash()) {
      Money cashDue = policy.cashRounding().apply(due);
      if (tender.amount().compareTo(cashDue) >= 0) {
        tenders.add(tender);
        cashRounding = cashDue.minus(due);
        change = tender.amount().minus(cashDue);
        markPaid(at);
      } else if (tender.amount().isZero()) {
        throw new SaleRuleViolation(Rule.TENDER_NOT_POSITIVE, "A tender must be positive");
      } else if (tender.amount().compareTo(due) >= 0) {
        // Covers the exact amount but not the rounded one: ask for the rounded amount instead of
        // leaving a negative amount due.
        throw new SaleRuleViolation(
            Rule.CASH_SHORT_OF_ROUNDED_DUE,
            "Cash " + tender.amount() + " is short of " + cashDue + " due in cash");
      } else {
        tenders.add(tender);
      }
      return state;
    }
    if (!tender.amount().isPositive()) {
      throw new SaleRuleViolation(Rule.TENDER_NOT_POSITIVE, "A tender must be positive");
    }
    if (tender.amount().isGreaterThan(due)) {
      throw new SaleRuleViolation(
          Rule.NON_CASH_OVERPAYMENT,
          "A "
              + tender.type()
              + " tender of "
              + tender.amount()
              + " exceeds the amount due "
              + due);
    }
    tenders.add(tender);
    if (tender.amount().equals(due)) {
      markPaid(at);
    }
    return state;
  }

  private void markPaid(Instant at) {
    moveTo(SaleState.PAID);
    paidAt = Objects.requireNonNull(at, "at");
  }

  // ---- refunds -----------------------------------------------------------------------------

  /**
   * Refunds part of this paid sale, line by line. Never more than sold minus already refunded; the
   * money of each line comes back in proportion to the quantity, so refunding every unit, in one go
   * or in parts, returns exactly what was paid, tax included.
   */
  public Refund refund(
      UUID refundId, List<RefundRequest> requests, RefundMethod method, String reason, Instant at) {
    if (!state.isPaid() || state == SaleState.FULLY_REFUNDED) {
      throw new SaleRuleViolation(Rule.WRONG_STATE, "Sale " + id + " cannot be refunded: " + state);
    }
    Refund refund = refunds.create(refundId, requests, method, reason, at);
    moveTo(refunds.everythingRefunded() ? SaleState.FULLY_REFUNDED : SaleState.PARTLY_REFUNDED);
    return refund;
  }

  /** How much of line {@code lineNumber} has been refunded so far. */
  public Quantity refundedQuantity(int lineNumber) {
    return refunds.refundedQuantity(lineNumber);
  }

  public List<Refund> refunds() {
    return refunds.all();
  }

  // ---- reading -----------------------------------------------------------------------------

  public SaleTotals totals() {
    // Lines are immutable and every change of the cart goes through add, replace or
    // discountOrder, which forget the totals.
    if (totals == null) {
      totals = SaleCalculator.calculate(lines, orderDiscount, policy);
    }
    return totals;
  }

  public UUID id() {
    return id;
  }

  public SalePolicy policy() {
    return policy;
  }

  public SaleState state() {
    return state;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Optional<Instant> paidAt() {
    return Optional.ofNullable(paidAt);
  }

  /** Every line including voided ones, in line order. */
  public List<SaleLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  public List<SaleLine> activeLines() {
    return lines.stream().filter(l -> !l.voided()).toList();
  }

  public SaleLine line(int lineNumber) {
    if (lineNumber < 1 || lineNumber > lines.size()) {
      throw new SaleRuleViolation(Rule.NO_SUCH_LINE, "Sale has no line " + lineNumber);
    }
    return lines.get(lineNumber - 1);
  }

  public Optional<Discount> orderDiscount() {
    return Optional.ofNullable(orderDiscount);
  }

  public List<Tender> tenders() {
    return Collections.unmodifiableList(tenders);
  }

  /**
   * The tips on this sale's tenders (ADR 0054): on top of its total, never part of its totals or
   * tax.
   */
  public Money tips() {
    Money sum = policy.zero();
    for (Tender t : tenders) {
      sum = sum.plus(t.tip());
    }
    return sum;
  }

  /** Change given back in cash; zero until paid. */
  public Money change() {
    return change;
  }

  /** The cash rounding applied at payment: cash asked minus the exact amount. */
  public Money cashRounding() {
    return cashRounding;
  }

  // ---- internals ---------------------------------------------------------------------------

  private SaleLine activeLine(int lineNumber) {
    requireState(SaleState.OPEN);
    SaleLine line = line(lineNumber);
    if (line.voided()) {
      throw new SaleRuleViolation(Rule.LINE_VOIDED, "Line " + lineNumber + " is voided");
    }
    return line;
  }

  private SaleLine replace(int lineNumber, SaleLine line) {
    lines.set(lineNumber - 1, line);
    totals = null;
    return line;
  }

  private void moveTo(SaleState next) {
    if (!state.canMoveTo(next)) {
      throw new SaleRuleViolation(Rule.WRONG_STATE, "Sale cannot go from " + state + " to " + next);
    }
    state = next;
  }

  private void requireState(SaleState expected) {
    if (state != expected) {
      throw new SaleRuleViolation(
          Rule.WRONG_STATE, "Sale is " + state + "; this needs it to be " + expected);
    }
  }

  private void requireNoTenders() {
    if (!tenders.isEmpty()) {
      throw new SaleRuleViolation(Rule.TENDERS_PRESENT, "Payments have already been taken");
    }
  }

  private void requireCurrency(Money money) {
    if (!money.currency().equals(policy.currency())) {
      throw new SaleRuleViolation(
          Rule.CURRENCY_MISMATCH, money + " is not in the store's currency " + policy.currency());
    }
  }
}
