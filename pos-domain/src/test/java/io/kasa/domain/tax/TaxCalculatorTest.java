package io.kasa.domain.tax;

import static io.kasa.domain.Fixtures.UAH;
import static io.kasa.domain.Fixtures.UA_20;
import static io.kasa.domain.Fixtures.UA_7;
import static io.kasa.domain.Fixtures.uah;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxCalculatorTest {

  private final List<TaxableAmount> twoLinesAt20AndOneAt7 =
      List.of(
          new TaxableAmount(UA_20, uah("10.04")),
          new TaxableAmount(UA_20, uah("10.04")),
          new TaxableAmount(UA_7, uah("120.00")));

  @ParameterizedTest(name = "{0} at {1} % inclusive contains {2}")
  @CsvSource({"120.00, 20, 20.00", "10.04, 20, 1.67", "120.00, 7, 7.85", "100.00, 0, 0.00"})
  void inclusiveTaxIsTheRateOverHundredPlusRate(String amount, String rate, String tax) {
    TaxCalculator calc =
        new TaxCalculator(TaxPolicy.inclusive(TaxRounding.PER_LINE, TaxRate.of("X", "X", rate)));
    assertThat(calc.taxOf(uah(amount), TaxRate.of("X", "X", rate))).isEqualTo(uah(tax));
  }

  @Test
  void perLineRoundingSumsRoundedLines() {
    TaxResult result =
        new TaxCalculator(TaxPolicy.inclusive(TaxRounding.PER_LINE, UA_20, UA_7))
            .calculate(twoLinesAt20AndOneAt7, UAH);
    assertThat(result.lineTaxes()).containsExactly(uah("1.67"), uah("1.67"), uah("7.85"));
    assertThat(result.total()).isEqualTo(uah("11.19"));
  }

  @Test
  void perReceiptRoundingRoundsEachRateOnceAndSpreadsItOverTheLines() {
    TaxResult result =
        new TaxCalculator(TaxPolicy.inclusive(TaxRounding.PER_RECEIPT, UA_20, UA_7))
            .calculate(twoLinesAt20AndOneAt7, UAH);
    // 20.08 * 20 / 120 = 3.3467 -> 3.35, one cent more than the rounded lines.
    assertThat(result.lineTaxes()).containsExactly(uah("1.68"), uah("1.67"), uah("7.85"));
    assertThat(result.total()).isEqualTo(uah("11.20"));
    assertThat(result.breakdown())
        .containsExactly(
            new TaxBreakdownLine(UA_20, uah("16.73"), uah("3.35"), uah("20.08")),
            new TaxBreakdownLine(UA_7, uah("112.15"), uah("7.85"), uah("120.00")));
  }

  @Test
  void breakdownFollowsThePolicyOrderOfRates() {
    TaxResult result =
        new TaxCalculator(TaxPolicy.inclusive(TaxRounding.PER_LINE, UA_20, UA_7))
            .calculate(
                List.of(
                    new TaxableAmount(UA_7, uah("1.00")), new TaxableAmount(UA_20, uah("1.00"))),
                UAH);
    assertThat(result.breakdown()).extracting(TaxBreakdownLine::rate).containsExactly(UA_20, UA_7);
  }

  @Test
  void unknownTaxClassIsAConfigurationError() {
    TaxPolicy policy = TaxPolicy.inclusive(TaxRounding.PER_LINE, UA_20);
    assertThatThrownBy(() -> policy.rateFor("VAT14"))
        .isInstanceOf(UnknownTaxClassException.class)
        .hasMessageContaining("VAT14");
  }
}
