package io.kasa.domain.sale;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.UAH;
import static io.kasa.domain.Fixtures.UA_20;
import static io.kasa.domain.Fixtures.UA_7;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ModifierSelection.Choice;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of lines with priced options, over random prices, deltas, quantities and discounts.
 */
class ModifierPropertiesTest {

  /** A line: item price, quantity (thousandths when weighed), option deltas picked, discount. */
  record Spec(long price, int thousandths, boolean weighed, List<Integer> deltas, int percentOff) {}

  private static Sale sale(boolean exclusive) {
    TaxPolicy tax =
        exclusive
            ? TaxPolicy.exclusive(TaxRounding.PER_LINE, UA_20, UA_7)
            : TaxPolicy.inclusive(TaxRounding.PER_RECEIPT, UA_20, UA_7);
    return Sale.open(
        UUID.randomUUID(),
        io.kasa.domain.sale.SalePolicy.of(
            UAH, tax, new CashRounding(Money.of(10, UAH), RoundingMode.HALF_UP)),
        NOW);
  }

  /** An item whose one optional group offers an option per delta (each delta ≥ −price/4). */
  private static CatalogItem item(int n, long price, boolean weighed, List<Integer> deltas) {
    List<ModifierOption> options = new ArrayList<>();
    for (int i = 0; i < deltas.size(); i++) {
      long delta = Math.max(deltas.get(i), -price / (4L * Math.max(1, deltas.size())));
      options.add(new ModifierOption("o" + i, "Option " + i, Money.of(delta, UAH)));
    }
    CatalogItem item =
        new CatalogItem(
            "i" + n,
            "s" + n,
            "Item " + n,
            List.of(),
            weighed ? Unit.KILOGRAM : Unit.EACH,
            Money.of(price, UAH),
            n % 2 == 0 ? "VAT20" : "VAT7",
            false,
            false);
    return options.isEmpty()
        ? item
        : item.withModifierGroups(
            List.of(new ModifierGroup("g", "Group", 0, options.size(), options)));
  }

  private static Sale ring(List<Spec> specs, boolean exclusive, int orderPercent) {
    Sale sale = sale(exclusive);
    int n = 0;
    for (Spec s : specs) {
      n++;
      CatalogItem item = item(n, s.price(), s.weighed(), s.deltas());
      List<Choice> choices = new ArrayList<>();
      for (int i = 0; i < s.deltas().size(); i++) {
        choices.add(new Choice("g", "o" + i));
      }
      Quantity q =
          s.weighed() ? new Quantity(s.thousandths()) : Quantity.of(1 + s.thousandths() % 9);
      sale.addItem(item, q, new ModifierSelection(choices, null));
      if (s.percentOff() > 0) {
        sale.discountLine(n, Discount.percent(Percent.parse(String.valueOf(s.percentOff())), "x"));
      }
    }
    if (orderPercent > 0) {
      sale.discountOrder(Discount.percent(Percent.parse(String.valueOf(orderPercent)), "x"));
    }
    return sale;
  }

  @Property
  void aLinesGrossIsItsQuantityTimesItsPriceWithOptions(
      @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("spec") Spec> specs,
      @ForAll boolean exclusive) {
    Sale sale = ring(specs, exclusive, 0);
    for (SaleLine line : sale.activeLines()) {
      LineTotals lt = sale.totals().line(line.number()).orElseThrow();
      Money options = Money.zero(UAH);
      for (ChosenModifier m : line.modifiers()) {
        options = options.plus(m.priceDelta());
      }
      assertThat(line.chargedUnitPrice()).isEqualTo(line.unitPrice().plus(options));
      assertThat(lt.gross())
          .isEqualTo(line.quantity().price(line.chargedUnitPrice(), RoundingMode.HALF_UP));
      assertThat(lt.gross().minus(lt.modifiers()))
          .isEqualTo(line.quantity().price(line.unitPrice(), RoundingMode.HALF_UP));
      assertThat(lt.gross().isNegative()).isFalse();
    }
  }

  @Property
  void totalsAddUpWithOptionsAndDiscounts(
      @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("spec") Spec> specs,
      @ForAll boolean exclusive,
      @ForAll @IntRange(min = 0, max = 50) int orderPercent) {
    SaleTotals t = ring(specs, exclusive, orderPercent).totals();
    Money gross = Money.zero(UAH);
    Money payable = Money.zero(UAH);
    Money tax = Money.zero(UAH);
    for (LineTotals lt : t.lines()) {
      gross = gross.plus(lt.gross());
      payable = payable.plus(lt.payable());
      tax = tax.plus(lt.tax());
      assertThat(lt.amount()).isEqualTo(lt.gross().minus(lt.discount()));
    }
    assertThat(t.subtotal()).isEqualTo(gross);
    assertThat(t.total()).isEqualTo(payable);
    assertThat(t.tax()).isEqualTo(tax);
  }

  @Property
  void aFullRefundReturnsWhatWasPaidOptionsIncluded(
      @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("spec") Spec> specs,
      @ForAll boolean exclusive) {
    Sale sale = ring(specs, exclusive, 0);
    net.jqwik.api.Assume.that(sale.amountDue().isPositive());
    sale.startTendering();
    sale.addTender(Tender.card(sale.amountDue(), "ref"), NOW);
    List<RefundRequest> all = new ArrayList<>();
    for (SaleLine line : sale.activeLines()) {
      all.add(new RefundRequest(line.number(), line.quantity()));
    }
    Refund refund = sale.refund(UUID.randomUUID(), all, RefundMethod.ORIGINAL_TENDERS, "cold", NOW);
    assertThat(refund.total()).isEqualTo(sale.totals().total());
    assertThat(refund.tax()).isEqualTo(sale.totals().tax());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Spec> spec() {
    return net.jqwik.api.Combinators.combine(
            net.jqwik.api.Arbitraries.longs().between(0, 500_000),
            net.jqwik.api.Arbitraries.integers().between(1, 20_000),
            net.jqwik.api.Arbitraries.of(true, false),
            net.jqwik.api.Arbitraries.integers().between(-5_000, 20_000).list().ofMaxSize(3),
            net.jqwik.api.Arbitraries.integers().between(0, 30))
        .as(Spec::new);
  }

  @Property(tries = 200)
  void anyPriceWithOptionsKeepsTheUnitNonNegative(
      @ForAll @LongRange(min = 0, max = 100_000) long price,
      @ForAll @IntRange(min = -100_000, max = 100_000) int delta) {
    Sale sale = sale(false);
    CatalogItem item =
        CatalogItem.each("x", "x", "X", Money.of(price, UAH), "VAT20")
            .withModifierGroups(
                List.of(
                    new ModifierGroup(
                        "g",
                        "G",
                        1,
                        1,
                        List.of(new ModifierOption("o", "O", Money.of(delta, UAH))))));
    try {
      SaleLine line =
          sale.addItem(item, Quantity.ONE, ModifierSelection.of(null, new Choice("g", "o")));
      assertThat(price + delta).isNotNegative();
      assertThat(line.chargedUnitPrice().minor()).isEqualTo(price + delta);
    } catch (SaleRuleViolation e) {
      assertThat(e.rule()).isEqualTo(SaleRuleViolation.Rule.PRICE_NEGATIVE);
      assertThat(price + delta).isNegative();
      assertThat(sale.lines()).isEmpty();
    }
  }
}
