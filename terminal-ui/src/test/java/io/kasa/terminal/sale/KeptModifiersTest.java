package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.ModifierSelection.Choice;
import io.kasa.domain.sale.Sale;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A kept cart brings a line back with its options and note, priced as it was (ADR 0043). */
class KeptModifiersTest {

  @Test
  void aLineComesBackWithItsOptionsAndNoteWhateverTheCatalogueSaysNow() {
    CatalogItem latte =
        CatalogItem.each(
                "latte", "SKU-LATTE", "Лате", Money.parse("55.00", SaleFixture.UAH), "VAT20")
            .withModifierGroups(
                List.of(
                    new ModifierGroup(
                        "milk",
                        "Молоко",
                        1,
                        1,
                        List.of(
                            new ModifierOption("regular", "Звичайне", Money.zero(SaleFixture.UAH)),
                            new ModifierOption(
                                "oat", "Вівсяне", Money.parse("15.00", SaleFixture.UAH))))));
    Sale sale = Sale.open(UUID.randomUUID(), SaleFixture.policy(), Instant.now());
    sale.addItem(
        latte, Quantity.of(2), ModifierSelection.of("без піни", new Choice("milk", "oat")));
    sale.addItem(SaleFixture.BREAD, Quantity.ONE);
    SaleJournal journal = new SaleJournal(null, SaleFixture::policy);

    Sale back = journal.read(journal.write(sale));

    assertThat(back.line(1).modifiers()).isEqualTo(sale.line(1).modifiers());
    assertThat(back.line(1).note()).isEqualTo("без піни");
    assertThat(back.line(2).modifiers()).isEmpty();
    assertThat(back.totals()).isEqualTo(sale.totals());
  }

  @Test
  void aCartKeptBeforeModifiersStillReadsBack() {
    Sale sale = Sale.open(UUID.randomUUID(), SaleFixture.policy(), Instant.now());
    sale.addItem(SaleFixture.BREAD, Quantity.of(3));
    SaleJournal journal = new SaleJournal(null, SaleFixture::policy);
    // As a register before modifiers wrote it: no modifiers, no note in the line.
    String old = journal.write(sale).replace(",\"modifiers\":[],\"note\":null", "");
    assertThat(old).doesNotContain("modifiers");
    assertThat(journal.read(old).totals()).isEqualTo(sale.totals());
  }
}
