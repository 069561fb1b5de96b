package io.kasa.domain.sale;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ModifierSelection.Choice;
import io.kasa.domain.sale.SaleRuleViolation.Rule;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.Tender;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Modifier groups on the sale engine: validation, pricing, discounts, overrides, refunds. */
class ModifiersTest {

  static final ModifierGroup MILK =
      new ModifierGroup(
          "milk",
          "Молоко",
          1,
          1,
          List.of(
              new ModifierOption("regular", "Звичайне", uah("0.00")),
              new ModifierOption("oat", "Вівсяне", uah("15.00"))));
  static final ModifierGroup EXTRAS =
      new ModifierGroup(
          "extras",
          "Додатки",
          0,
          2,
          List.of(
              new ModifierOption("shot", "Додатковий шот", uah("12.50")),
              new ModifierOption("syrup", "Сироп", uah("8.00")),
              new ModifierOption("nosugar", "Без цукру", uah("-2.00"))));
  static final CatalogItem LATTE =
      CatalogItem.each("latte", "SKU-LATTE", "Лате", uah("55.00"), "VAT20")
          .withModifierGroups(List.of(MILK, EXTRAS));

  private final Sale sale = openSale(ukraine(TaxRounding.PER_LINE));

  @Test
  void optionsAddTheirDeltaToEveryUnitAndAreTaxedWithTheItem() {
    SaleLine line =
        sale.addItem(
            LATTE,
            Quantity.of(2),
            ModifierSelection.of(
                "без піни", new Choice("extras", "shot"), new Choice("milk", "oat")));
    // Kept in the order of the item's groups and options, whatever order they were tapped in.
    assertThat(line.modifiers())
        .extracting(ChosenModifier::optionId)
        .containsExactly("oat", "shot");
    assertThat(line.note()).isEqualTo("без піни");
    assertThat(line.unitPrice()).isEqualTo(uah("55.00"));
    assertThat(line.chargedUnitPrice()).isEqualTo(uah("82.50"));
    LineTotals lt = sale.totals().line(1).orElseThrow();
    assertThat(lt.gross()).isEqualTo(uah("165.00"));
    assertThat(lt.modifiers()).isEqualTo(uah("55.00"));
    assertThat(lt.rate().taxClass()).isEqualTo("VAT20");
    assertThat(lt.tax()).isEqualTo(uah("27.50"));
    assertThat(sale.totals().total()).isEqualTo(uah("165.00"));
  }

  @Test
  void aRequiredGroupMustBeAnswered() {
    assertRule(
        () -> sale.addItem(LATTE, Quantity.ONE, ModifierSelection.NONE), Rule.MODIFIER_REQUIRED);
    assertRule(() -> sale.addItem(LATTE, Quantity.ONE), Rule.MODIFIER_REQUIRED);
    assertThat(sale.lines()).isEmpty();
  }

  @Test
  void aGroupTakesNoMoreThanItsMaximum() {
    assertRule(
        () ->
            sale.addItem(
                LATTE,
                Quantity.ONE,
                ModifierSelection.of(
                    null,
                    new Choice("milk", "oat"),
                    new Choice("extras", "shot"),
                    new Choice("extras", "syrup"),
                    new Choice("extras", "nosugar"))),
        Rule.MODIFIER_TOO_MANY);
    assertRule(
        () ->
            sale.addItem(
                LATTE,
                Quantity.ONE,
                ModifierSelection.of(
                    null, new Choice("milk", "oat"), new Choice("milk", "regular"))),
        Rule.MODIFIER_TOO_MANY);
  }

  @Test
  void unknownOrRepeatedOptionsAreRefused() {
    assertRule(
        () ->
            sale.addItem(
                LATTE, Quantity.ONE, ModifierSelection.of(null, new Choice("milk", "soy"))),
        Rule.MODIFIER_UNKNOWN);
    assertRule(
        () ->
            sale.addItem(
                LATTE,
                Quantity.ONE,
                ModifierSelection.of(null, new Choice("milk", "oat"), new Choice("size", "xl"))),
        Rule.MODIFIER_UNKNOWN);
    CatalogItem plain = CatalogItem.each("tea", "SKU-TEA", "Чай", uah("30.00"), "VAT20");
    assertRule(
        () ->
            sale.addItem(
                plain, Quantity.ONE, ModifierSelection.of(null, new Choice("milk", "oat"))),
        Rule.MODIFIER_UNKNOWN);
    assertRule(
        () ->
            sale.addItem(
                LATTE,
                Quantity.ONE,
                ModifierSelection.of(null, new Choice("milk", "oat"), new Choice("milk", "oat"))),
        Rule.MODIFIER_REPEATED);
  }

  @Test
  void aNoteIsTrimmedAndLimited() {
    CatalogItem plain = CatalogItem.each("tea", "SKU-TEA", "Чай", uah("30.00"), "VAT20");
    assertThat(sale.addItem(plain, Quantity.ONE, ModifierSelection.of("  ")).note()).isNull();
    assertThat(sale.addItem(plain, Quantity.ONE, ModifierSelection.of(" гарячий ")).note())
        .isEqualTo("гарячий");
    assertRule(
        () -> sale.addItem(plain, Quantity.ONE, ModifierSelection.of("x".repeat(201))),
        Rule.NOTE_TOO_LONG);
  }

  @Test
  void anOverrideReplacesTheItemsPriceAndTheOptionsStayOnTop() {
    sale.addItem(LATTE, Quantity.ONE, ModifierSelection.of(null, new Choice("milk", "oat")));
    SaleLine line = sale.overridePrice(1, uah("40.00"), "staff");
    assertThat(line.override().originalUnitPrice()).isEqualTo(uah("55.00"));
    assertThat(line.chargedUnitPrice()).isEqualTo(uah("55.00"));
    assertThat(sale.totals().total()).isEqualTo(uah("55.00"));
  }

  @Test
  void aNegativeOptionNeverTakesTheUnitBelowZero() {
    sale.addItem(
        LATTE,
        Quantity.ONE,
        ModifierSelection.of(null, new Choice("milk", "regular"), new Choice("extras", "nosugar")));
    assertThat(sale.totals().total()).isEqualTo(uah("53.00"));
    assertRule(() -> sale.overridePrice(1, uah("1.00"), "staff"), Rule.PRICE_NEGATIVE);
    assertThat(sale.line(1).chargedUnitPrice()).isEqualTo(uah("53.00"));
  }

  @Test
  void discountsTakeTheOptionsWithTheItem() {
    sale.addItem(LATTE, Quantity.ONE, ModifierSelection.of(null, new Choice("milk", "oat")));
    sale.discountLine(1, Discount.percent(Percent.parse("10"), "card"));
    assertThat(sale.totals().line(1).orElseThrow().lineDiscount()).isEqualTo(uah("7.00"));
    // An amount off may reach the whole line, options included, and no further.
    sale.discountLine(1, Discount.amount(uah("70.00"), "gift"));
    assertRule(
        () -> sale.discountLine(1, Discount.amount(uah("70.01"), "gift")), Rule.DISCOUNT_TOO_LARGE);
  }

  @Test
  void changingTheOptionsRepricesTheLineAndKeepsADiscountThatFits() {
    sale.addItem(LATTE, Quantity.ONE, ModifierSelection.of(null, new Choice("milk", "oat")));
    sale.discountLine(1, Discount.amount(uah("60.00"), "gift"));
    assertRule(
        () -> sale.changeModifiers(1, ModifierSelection.of(null, new Choice("milk", "regular"))),
        Rule.DISCOUNT_TOO_LARGE);
    sale.discountLine(1, null);
    SaleLine line =
        sale.changeModifiers(1, ModifierSelection.of("холодне", new Choice("milk", "regular")));
    assertThat(line.note()).isEqualTo("холодне");
    assertThat(sale.totals().total()).isEqualTo(uah("55.00"));
  }

  @Test
  void refundingEveryUnitReturnsTheOptionsToo() {
    sale.addItem(LATTE, Quantity.of(3), ModifierSelection.of(null, new Choice("milk", "oat")));
    sale.startTendering();
    sale.addTender(Tender.cash(uah("210.00")), NOW);
    Refund first =
        sale.refund(
            UUID.randomUUID(), List.of(RefundRequest.of(1, "1")), RefundMethod.CASH, "cold", NOW);
    Refund rest =
        sale.refund(
            UUID.randomUUID(), List.of(RefundRequest.of(1, "2")), RefundMethod.CASH, "cold", NOW);
    assertThat(first.total()).isEqualTo(uah("70.00"));
    assertThat(first.total().plus(rest.total())).isEqualTo(uah("210.00"));
    assertThat(first.tax().plus(rest.tax())).isEqualTo(sale.totals().tax());
  }

  @Test
  void groupsAreCheckedWhenTheCatalogueIsBuilt() {
    List<ModifierOption> one = List.of(new ModifierOption("a", "A", uah("0.00")));
    assertThatThrownBy(() -> new ModifierGroup("g", "G", 0, 2, one))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ModifierGroup("g", "G", 2, 1, one))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ModifierGroup("g", "G", 0, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ModifierGroup(
                    "g", "G", 0, 1, List.of(one.get(0), new ModifierOption("a", "B", uah("1.00")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LATTE.withModifierGroups(List.of(MILK, MILK)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MILK.required()).isTrue();
    assertThat(EXTRAS.required()).isFalse();
  }

  private static void assertRule(Runnable command, Rule rule) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(SaleRuleViolation.class, e -> assertThat(e.rule()).isEqualTo(rule));
  }
}
