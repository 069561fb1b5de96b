package io.kasa.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.catalog.ItemDto;
import io.kasa.domain.barcode.CheckDigit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo shop's shelves read as a Ukrainian shop's: names, packs, VAT and codes that fit. */
class DemoDataTest {

  private final List<ItemDto> shelf = DemoData.shelf();

  @Test
  void everyNameIsUkrainianAndEveryPackFitsWhatItIs() {
    assertThat(shelf).hasSizeGreaterThan(80);
    for (ItemDto item : shelf) {
      assertThat(item.name()).as(item.id()).matches("^[А-ЯІЇЄҐ][^A-Za-z]*$");
      assertThat(item.category()).matches("^[А-ЯІЇЄҐ][а-яіїєґ’ ]+$");
      if ("Аптека".equals(item.category())) {
        // Medicines in tablets, bottles and rolls at 7 % VAT — never a kilogram of paracetamol.
        assertThat(item.taxClass()).as(item.name()).isEqualTo("VAT7");
        assertThat(item.name()).doesNotContain(" кг", " г");
      }
      if ("KILOGRAM".equals(item.unit())) {
        assertThat(item.category()).isIn("Фрукти", "Овочі", "Делікатеси");
        // Sold by weight: no pack size in the name.
        assertThat(item.name()).doesNotMatch(".*\\d+ ?(г|кг|л|мл)( .*)?$");
      }
    }
  }

  @Test
  void codesAreValidAndNeverShared() {
    Set<String> codes = new HashSet<>();
    for (ItemDto item : shelf) {
      String code = item.barcodes().get(0);
      assertThat(codes.add(code)).as(code).isTrue();
      if (code.length() == 13) {
        assertThat(CheckDigit.compute(code.substring(0, 12))).isEqualTo(code.charAt(12) - '0');
      } else {
        assertThat(code).matches("200\\d\\d");
      }
    }
    // The README's codes and PLUs belong to the seeded counter items, not to the shelf.
    assertThat(codes).doesNotContain("4820000191357", "4820001234565", "4820002345673", "12345");
  }
}
