package io.kasa.domain.barcode;

import static io.kasa.domain.Fixtures.UAH;
import static io.kasa.domain.Fixtures.uah;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.barcode.EmbeddedLayout.Kind;
import io.kasa.domain.money.Quantity;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Layouts as a store configures them (ADR 0030): prefix, item digits, value digits, decimals. */
class StoreLayoutsTest {

  private final BarcodeParser parser =
      new BarcodeParser(
          List.of(
              EmbeddedLayout.of("22", Kind.WEIGHT, 5, 5, 3),
              EmbeddedLayout.of("26", Kind.PRICE, 5, 5, 2),
              EmbeddedLayout.of("28", Kind.PRICE, 4, 6, 2)));

  private ParsedCode.Embedded embedded(String body) {
    String code = body + CheckDigit.compute(body);
    return (ParsedCode.Embedded) ((ScanResult.Accepted) parser.parse(code)).code();
  }

  @Test
  void aWeightLabelCarriesTheItemCodeAndKilograms() {
    ParsedCode.Embedded label = embedded("221234501275");
    assertThat(label.itemCode()).isEqualTo("12345");
    assertThat(label.weight()).contains(Quantity.parse("1.275"));
    assertThat(label.price(UAH)).isEmpty();
  }

  @Test
  void aPriceLabelCarriesTheItemCodeAndThePrice() {
    ParsedCode.Embedded label = embedded("263000112550");
    assertThat(label.itemCode()).isEqualTo("30001");
    assertThat(label.price(UAH)).contains(uah("125.50"));
    assertThat(label.weight()).isEmpty();
  }

  @Test
  void aShorterItemCodeLeavesSixDigitsForThePrice() {
    ParsedCode.Embedded label = embedded("284321012345");
    assertThat(label.itemCode()).isEqualTo("4321");
    assertThat(label.price(UAH)).contains(uah("123.45"));
  }

  @Test
  void aLabelWithAWrongCheckDigitIsRejected() {
    assertThat(parser.parse("2630001125502"))
        .isInstanceOfSatisfying(
            ScanResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(ScanResult.Reason.CHECK_DIGIT));
  }

  @Test
  void aPrefixTheStoreHasNoLayoutForIsAnOrdinaryBarcodeToLookUp() {
    String code = "250000123456";
    code += CheckDigit.compute(code);
    assertThat(((ScanResult.Accepted) parser.parse(code)).code())
        .isInstanceOfSatisfying(
            ParsedCode.Gtin.class, g -> assertThat(g.printed()).isEqualTo("2500001234568"));
  }

  @Test
  void layoutsOutside20To29OrTooLongForTheLabelCannotBeMade() {
    assertThatThrownBy(() -> EmbeddedLayout.of("30", Kind.PRICE, 5, 5, 2))
        .hasMessageContaining("20 to 29");
    assertThatThrownBy(() -> EmbeddedLayout.of("2", Kind.PRICE, 5, 5, 2))
        .hasMessageContaining("20 to 29");
    assertThatThrownBy(() -> EmbeddedLayout.of("25", Kind.WEIGHT, 6, 5, 3))
        .hasMessageContaining("10 digits");
  }

  @Property
  void everyPriceLabelReadsBackThePriceItWasPrintedWith(
      @ForAll @IntRange(min = 0, max = 99999) int item,
      @ForAll @IntRange(min = 0, max = 99999) int kopiykas) {
    ParsedCode.Embedded label = embedded(String.format("26%05d%05d", item, kopiykas));
    assertThat(label.itemCode()).isEqualTo(String.format("%05d", item));
    assertThat(label.price(UAH).orElseThrow().minor()).isEqualTo(kopiykas);
  }
}
