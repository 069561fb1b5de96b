package io.kasa.domain.sale;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.UAH;
import static io.kasa.domain.Fixtures.UA_0;
import static io.kasa.domain.Fixtures.UA_20;
import static io.kasa.domain.Fixtures.UA_7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxMode;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the sale engine over random sales, policies, tenders and refunds. */
class SalePropertiesTest {

  /** A line to ring up: price, quantity, tax class, optional discount (percent or amount). */
  record LineSpec(
      long price, long thousandths, boolean weighed, int rate, int discountKind, int discount) {}

  /** A whole sale: lines, order discount and the store's policy. */
  record SaleSpec(
      List<LineSpec> lines,
      int orderDiscountKind,
      int orderDiscount,
      int policy,
      int cashIncrement) {

    Sale build() {
      TaxRounding rounding = policy % 2 == 0 ? TaxRounding.PER_LINE : TaxRounding.PER_RECEIPT;
      TaxPolicy tax =
          policy < 2
              ? TaxPolicy.inclusive(rounding, UA_20, UA_7, UA_0)
              : TaxPolicy.exclusive(rounding, UA_20, UA_7, UA_0);
      SalePolicy salePolicy =
          SalePolicy.of(
              UAH, tax, new CashRounding(Money.of(cashIncrement, UAH), RoundingMode.HALF_UP));
      Sale sale = Sale.open(UUID.nameUUIDFromBytes(toString().getBytes()), salePolicy, NOW);
      String[] classes = {"VAT20", "VAT7", "VAT0"};
      int n = 0;
      for (LineSpec l : lines) {
        n++;
        CatalogItem item =
            new CatalogItem(
                "i" + n,
                "s" + n,
                "Item " + n,
                List.of(),
                l.weighed() ? Unit.KILOGRAM : Unit.EACH,
                Money.of(l.price(), UAH),
                classes[l.rate()],
                false,
                false);
        Quantity q =
            l.weighed() ? new Quantity(l.thousandths()) : Quantity.of(1 + l.thousandths() % 20);
        SaleLine line = sale.addItem(item, q);
        Money gross = q.price(item.price(), RoundingMode.HALF_UP);
        if (l.discountKind() == 1) {
          sale.discountLine(line.number(), Discount.percent(Percent.of(l.discount() % 101), "p"));
        } else if (l.discountKind() == 2) {
          sale.discountLine(
              line.number(),
              Discount.amount(Money.of(Math.min(l.discount(), gross.minor()), UAH), "a"));
        }
      }
      if (orderDiscountKind == 1) {
        sale.discountOrder(Discount.percent(Percent.of(orderDiscount % 101), "p"));
      } else if (orderDiscountKind == 2) {
        SaleTotals t = sale.totals();
        long base = t.subtotal().minus(t.lineDiscounts()).minor();
        sale.discountOrder(Discount.amount(Money.of(Math.min(orderDiscount, base), UAH), "a"));
      }
      return sale;
    }
  }

  @Provide
  Arbitrary<SaleSpec> sales() {
    Arbitrary<LineSpec> line =
        Combinators.combine(
                Arbitraries.longs().between(0, 200_000),
                Arbitraries.longs().between(1, 25_000),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 50_000))
            .as(LineSpec::new);
    return Combinators.combine(
            line.list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 100_000),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(1, 5, 10, 50, 100))
        .as(SaleSpec::new);
  }

  @Property
  void totalsEqualTheSumOfTheirParts(@ForAll("sales") SaleSpec spec) {
    Sale sale = spec.build();
    SaleTotals t = sale.totals();
    Money zero = Money.zero(UAH);
    Money gross = zero;
    Money lineOff = zero;
    Money orderOff = zero;
    Money payable = zero;
    for (LineTotals l : t.lines()) {
      assertThat(l.amount()).isEqualTo(l.gross().minus(l.lineDiscount()).minus(l.orderDiscount()));
      assertThat(l.amount().isNegative()).isFalse();
      gross = gross.plus(l.gross());
      lineOff = lineOff.plus(l.lineDiscount());
      orderOff = orderOff.plus(l.orderDiscount());
      payable = payable.plus(l.payable());
    }
    assertThat(gross).isEqualTo(t.subtotal());
    assertThat(lineOff).isEqualTo(t.lineDiscounts());
    assertThat(orderOff).isEqualTo(t.orderDiscount());
    assertThat(payable).isEqualTo(t.total());
    Money expected = t.subtotal().minus(t.lineDiscounts()).minus(t.orderDiscount());
    if (sale.policy().tax().mode() == TaxMode.EXCLUSIVE) {
      expected = expected.plus(t.tax());
    }
    assertThat(t.total()).isEqualTo(expected);
  }

  @Property
  void taxBreakdownSumsToTheTaxTotal(@ForAll("sales") SaleSpec spec) {
    SaleTotals t = spec.build().totals();
    Money zero = Money.zero(UAH);
    Money breakdownTax = zero;
    Money breakdownGross = zero;
    for (TaxBreakdownLine b : t.taxBreakdown()) {
      breakdownTax = breakdownTax.plus(b.tax());
      breakdownGross = breakdownGross.plus(b.gross());
    }
    Money lineTax = t.lines().stream().map(LineTotals::tax).reduce(zero, Money::plus);
    assertThat(breakdownTax).isEqualTo(t.tax());
    assertThat(lineTax).isEqualTo(t.tax());
    assertThat(breakdownGross).isEqualTo(t.total());
  }

  @Property
  void perLineTaxIsWithinHalfACentOfTheExactTax(@ForAll("sales") SaleSpec spec) {
    Sale sale = spec.build();
    boolean inclusive = sale.policy().tax().mode() == TaxMode.INCLUSIVE;
    for (TaxBreakdownLine b : sale.totals().taxBreakdown()) {
      BigDecimal r = b.rate().rate().value();
      BigDecimal base = BigDecimal.valueOf((inclusive ? b.gross() : b.net()).minor());
      BigDecimal exact =
          base.multiply(r)
              .divide(
                  inclusive ? r.add(BigDecimal.valueOf(100)) : BigDecimal.valueOf(100),
                  10,
                  RoundingMode.HALF_EVEN);
      int lines = sale.totals().lines().size();
      // Each line rounds at most half a cent away; per receipt the whole rate rounds once.
      BigDecimal slack = BigDecimal.valueOf(lines).multiply(new BigDecimal("0.5"));
      assertThat(exact.subtract(BigDecimal.valueOf(b.tax().minor())).abs())
          .isLessThanOrEqualTo(slack);
    }
  }

  @Property
  void theSameInputsGiveTheSameOutputs(@ForAll("sales") SaleSpec spec) {
    assertThat(spec.build().totals()).isEqualTo(spec.build().totals());
  }

  @Property
  void cashRoundingTouchesCashOnly(
      @ForAll("sales") SaleSpec spec,
      @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 100) Integer> cardPercents,
      @ForAll @IntRange(min = 0, max = 100_000) int extraCash) {
    Sale sale = spec.build();
    sale.startTendering();
    for (int percent : cardPercents) {
      Money part = sale.amountDue().percent(Percent.of(percent), RoundingMode.DOWN);
      if (part.isPositive() && sale.state() == SaleState.TENDERING) {
        sale.addTender(Tender.card(part, "auth"), NOW);
      }
    }
    if (sale.state() == SaleState.TENDERING) {
      Money cash = sale.cashDue().plus(Money.of(extraCash, UAH));
      sale.addTender(Tender.cash(cash), NOW);
    }
    assertThat(sale.state()).isEqualTo(SaleState.PAID);
    Money tendered =
        sale.tenders().stream().map(Tender::amount).reduce(Money.zero(UAH), Money::plus);
    Money total = sale.totals().total();
    assertThat(tendered.minus(sale.change())).isEqualTo(total.plus(sale.cashRounding()));
    long increment = sale.policy().cashRounding().increment().minor();
    assertThat(2 * Math.abs(sale.cashRounding().minor())).isLessThanOrEqualTo(increment);
    boolean paidInCash = sale.tenders().stream().anyMatch(Tender::isCash);
    if (!paidInCash) {
      assertThat(sale.cashRounding().isZero()).isTrue();
    }
    Money nonCash =
        sale.tenders().stream()
            .filter(t -> !t.isCash())
            .map(Tender::amount)
            .reduce(Money.zero(UAH), Money::plus);
    assertThat(nonCash.compareTo(total)).isLessThanOrEqualTo(0);
  }

  @Property
  void refundsNeverExceedWhatWasSoldAndAFullRefundReturnsEverything(
      @ForAll("sales") SaleSpec spec,
      @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 30) Integer> picks,
      @ForAll boolean toCash) {
    Sale sale = spec.build();
    sale.startTendering();
    Money half = sale.amountDue().percent(Percent.of(50), RoundingMode.DOWN);
    if (half.isPositive()) {
      sale.addTender(Tender.card(half, "auth"), NOW);
    }
    if (sale.state() == SaleState.TENDERING) {
      sale.addTender(Tender.cash(sale.cashDue()), NOW);
    }
    List<SaleLine> lines = sale.activeLines();
    RefundMethod method = toCash ? RefundMethod.CASH : RefundMethod.ORIGINAL_TENDERS;
    for (int pick : picks) {
      SaleLine line = lines.get(pick % lines.size());
      Quantity left = line.quantity().minus(sale.refundedQuantity(line.number()));
      Quantity ask =
          line.item().unit().isMeasured()
              ? new Quantity(1 + pick * 97L)
              : Quantity.of(1 + pick % 3);
      if (sale.state() == SaleState.FULLY_REFUNDED) {
        break;
      }
      if (ask.compareTo(left) > 0) {
        SaleRuleViolation e =
            catchThrowableOfType(
                SaleRuleViolation.class,
                () ->
                    sale.refund(
                        UUID.randomUUID(),
                        List.of(new RefundRequest(line.number(), ask)),
                        method,
                        "r",
                        NOW));
        assertThat(e.rule()).isIn(SaleRuleViolation.Rule.REFUND_EXCEEDS_SOLD);
        assertThat(sale.refundedQuantity(line.number())).isEqualTo(line.quantity().minus(left));
      } else {
        sale.refund(
            UUID.randomUUID(), List.of(new RefundRequest(line.number(), ask)), method, "r", NOW);
      }
      assertThat(sale.refundedQuantity(line.number()).compareTo(line.quantity()))
          .isLessThanOrEqualTo(0);
    }
    // Refund whatever is left, then everything must have come back to the cent.
    List<RefundRequest> rest = new ArrayList<>();
    for (SaleLine line : lines) {
      Quantity left = line.quantity().minus(sale.refundedQuantity(line.number()));
      if (left.isPositive()) {
        rest.add(new RefundRequest(line.number(), left));
      }
    }
    if (!rest.isEmpty()) {
      sale.refund(UUID.randomUUID(), rest, method, "rest", NOW);
    }
    assertThat(sale.state()).isEqualTo(SaleState.FULLY_REFUNDED);
    Money zero = Money.zero(UAH);
    Money refunded = sale.refunds().stream().map(Refund::total).reduce(zero, Money::plus);
    Money refundedTax = sale.refunds().stream().map(Refund::tax).reduce(zero, Money::plus);
    assertThat(refunded).isEqualTo(sale.totals().total());
    assertThat(refundedTax).isEqualTo(sale.totals().tax());
    Money toCard =
        sale.refunds().stream()
            .flatMap(r -> r.payouts().stream())
            .filter(p -> p.type() == TenderType.CARD)
            .map(Tender::amount)
            .reduce(zero, Money::plus);
    assertThat(toCard.compareTo(half.max(zero))).isLessThanOrEqualTo(0);
  }
}
