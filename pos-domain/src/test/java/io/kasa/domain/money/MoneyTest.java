package io.kasa.domain.money;

import static io.kasa.domain.Fixtures.UAH;
import static io.kasa.domain.Fixtures.USD;
import static io.kasa.domain.Fixtures.uah;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @Test
  void parsesPlainDecimalsIntoMinorUnits() {
    assertThat(uah("12.50").minor()).isEqualTo(1250);
    assertThat(uah("-3").minor()).isEqualTo(-300);
    assertThat(Money.parse("1000", Currency.getInstance("JPY")).minor()).isEqualTo(1000);
  }

  @Test
  void refusesMoreFractionDigitsThanTheCurrencyHas() {
    assertThatThrownBy(() -> uah("1.005"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fraction digits");
    assertThatThrownBy(() -> uah("abc")).hasMessageContaining("Not an amount");
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> uah("1.00").plus(Money.parse("1.00", USD)))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("UAH and USD");
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    Money max = Money.of(Long.MAX_VALUE, UAH);
    assertThatThrownBy(() -> max.plus(Money.of(1, UAH))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void allocatesHundredIntoThreeWithTheExtraCentFirst() {
    assertThat(uah("1.00").allocate(3)).containsExactly(uah("0.34"), uah("0.33"), uah("0.33"));
  }

  @Test
  void allocatesByWeightsWithLargestRemainder() {
    // 10.00 over 33.33 : 66.67 -> exact shares 3.333 and 6.667; the larger remainder gets the cent.
    assertThat(uah("10.00").allocate(3333, 6667)).containsExactly(uah("3.33"), uah("6.67"));
  }

  @Test
  void allocatesNegativeAmountsSymmetrically() {
    assertThat(uah("-1.00").allocate(3)).containsExactly(uah("-0.34"), uah("-0.33"), uah("-0.33"));
  }

  @Test
  void allocationRejectsZeroOrNegativeWeights() {
    assertThatThrownBy(() -> uah("1.00").allocate(0, 0)).hasMessageContaining("zero");
    assertThatThrownBy(() -> uah("1.00").allocate(1, -1)).hasMessageContaining("negative");
  }

  @ParameterizedTest(name = "{0} % of {1} rounded {2} = {3}")
  @CsvSource({
    "10, 0.05, HALF_UP, 0.01",
    "10, 0.05, HALF_EVEN, 0.00",
    "10, 0.05, DOWN, 0.00",
    "7, 120.00, HALF_UP, 8.40",
    "8.875, 39.98, HALF_UP, 3.55",
    "33.333, 1.00, UP, 0.34"
  })
  void percentagesRoundWithTheGivenMode(
      String percent, String base, RoundingMode mode, String expected) {
    assertThat(uah(base).percent(Percent.parse(percent), mode)).isEqualTo(uah(expected));
  }

  @ParameterizedTest(name = "{0} to {1} = {2}")
  @CsvSource({
    "103.47, 0.10, 103.50",
    "103.44, 0.10, 103.40",
    "103.45, 0.10, 103.50",
    "47.02, 0.05, 47.00",
    "47.03, 0.05, 47.05",
    "-0.04, 0.10, 0.00"
  })
  void roundsToACashIncrement(String amount, String increment, String expected) {
    assertThat(uah(amount).roundTo(uah(increment), RoundingMode.HALF_UP)).isEqualTo(uah(expected));
  }

  @Test
  void convertsToDecimalWithTheCurrencyScale() {
    assertThat(uah("5").toDecimal()).isEqualTo(new BigDecimal("5.00"));
    assertThat(uah("5").toString()).isEqualTo("5.00 UAH");
  }

  @Test
  void quantityPricesRoundHalfUp() {
    assertThat(Quantity.parse("0.375").price(uah("59.90"), RoundingMode.HALF_UP))
        .isEqualTo(uah("22.46"));
    assertThat(Quantity.parse("1,275").price(uah("42.50"), RoundingMode.HALF_UP))
        .isEqualTo(uah("54.19"));
  }

  @Test
  void quantitiesHaveAtMostThreeDecimals() {
    assertThat(Quantity.parse("0.375").thousandths()).isEqualTo(375);
    assertThat(Quantity.parse("2").isWhole()).isTrue();
    assertThat(Quantity.parse("2.500").toString()).isEqualTo("2.5");
    assertThatThrownBy(() -> Quantity.parse("0.0001")).hasMessageContaining("3 decimal places");
  }

  @Test
  void percentagesAreNormalisedAndNeverNegative() {
    assertThat(Percent.parse("20.00")).isEqualTo(Percent.of(20));
    assertThat(Percent.parse("7 %")).isEqualTo(Percent.of(7));
    assertThatThrownBy(() -> Percent.parse("-1")).hasMessageContaining("negative");
  }
}
