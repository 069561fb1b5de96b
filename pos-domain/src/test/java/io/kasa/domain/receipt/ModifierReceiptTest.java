package io.kasa.domain.receipt;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.ModifierSelection.Choice;
import io.kasa.domain.sale.Refund;
import io.kasa.domain.sale.RefundMethod;
import io.kasa.domain.sale.RefundRequest;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.Tender;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A line's options and note beneath it on the receipt, within the printer's columns. */
class ModifierReceiptTest {

  private static final Locale UK = Locale.forLanguageTag("uk");

  private final Sale sale = paidSale();

  private static Sale paidSale() {
    CatalogItem steak =
        CatalogItem.each("steak", "SKU-STEAK", "Стейк рібай", uah("420.00"), "VAT20")
            .withModifierGroups(
                List.of(
                    new ModifierGroup(
                        "doneness",
                        "Ступінь просмаження",
                        1,
                        1,
                        List.of(
                            new ModifierOption("rare", "З кров'ю", uah("0.00")),
                            new ModifierOption("medium", "Середня", uah("0.00")))),
                    new ModifierGroup(
                        "sauce",
                        "Соус",
                        0,
                        1,
                        List.of(new ModifierOption("pepper", "Перцевий", uah("35.00"))))));
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(
        steak,
        Quantity.of(2),
        ModifierSelection.of(
            "без цибулі, соус окремо",
            new Choice("doneness", "medium"),
            new Choice("sauce", "pepper")));
    sale.startTendering();
    sale.addTender(Tender.cash(uah("910.00")), NOW);
    return sale;
  }

  private Receipt receipt(Locale locale) {
    StoreProfile store =
        new StoreProfile(
            "Kasa Café", List.of(), null, locale, ZoneId.of("Europe/Kyiv"), List.of(), null);
    return ReceiptBuilder.forSale(
        sale,
        store,
        new ReceiptContext(new ReceiptNumber("K1", "T1", 7), NOW, "Каса 1", "Олена", false));
  }

  @Test
  void theLineShowsItsChargedPriceThenItsOptionsAndNote() {
    List<String> text = new ReceiptTextLayout(32).layout(receipt(UK));
    int name = text.indexOf("Стейк рібай");
    assertThat(text.get(name + 1)).startsWith("  2 шт x 455,00").endsWith("910,00 А");
    assertThat(text.get(name + 2)).isEqualTo("  + Ступінь просмаження:");
    assertThat(text.get(name + 3)).isEqualTo("    Середня");
    assertThat(text.get(name + 4)).startsWith("  + Соус: Перцевий").endsWith("+35,00  ");
    assertThat(text.get(name + 5)).isEqualTo("  Примітка: без цибулі, соус");
    assertThat(text.get(name + 6)).isEqualTo("    окремо");
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 32, 42, 48})
  void everyRowFitsThePrinter(int columns) {
    for (String row : new ReceiptTextLayout(columns).layout(receipt(Locale.ENGLISH))) {
      assertThat(row.length()).isLessThanOrEqualTo(columns);
    }
    assertThat(new ReceiptTextLayout(columns).layout(receipt(Locale.ENGLISH)))
        .anyMatch(r -> r.contains("Note:"));
  }

  @Test
  void theScreenReadsTheSameWordsAsThePaper() {
    List<LineExtras.Row> rows = LineExtras.rows(receipt(UK).lines().get(0), UK);
    assertThat(rows)
        .extracting(LineExtras.Row::joined)
        .containsExactly(
            "+ Ступінь просмаження: Середня",
            "+ Соус: Перцевий  +35,00",
            "Примітка: без цибулі, соус окремо");
  }

  @Test
  void aRefundReceiptCarriesTheOptionsAndTheirPrice() {
    Refund refund =
        sale.refund(
            UUID.randomUUID(), List.of(RefundRequest.of(1, "1")), RefundMethod.CASH, "cold", NOW);
    StoreProfile store =
        new StoreProfile(
            "Kasa Café", List.of(), null, UK, ZoneId.of("Europe/Kyiv"), List.of(), null);
    Receipt r =
        ReceiptBuilder.forRefund(
            refund,
            sale,
            new ReceiptNumber("K1", "T1", 7),
            store,
            new ReceiptContext(new ReceiptNumber("K1", "T1", 8), NOW, "Каса 1", "Олена", false));
    assertThat(r.lines().get(0).unitPrice()).isEqualTo(uah("455.00"));
    assertThat(r.lines().get(0).modifiers()).hasSize(2);
    assertThat(r.total()).isEqualTo(uah("455.00"));
  }
}
