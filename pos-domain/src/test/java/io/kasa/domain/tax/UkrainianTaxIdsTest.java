package io.kasa.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UkrainianTaxIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"14360570", "00032129", "40075815", "43151207"})
  void publishedEdrpouCodesAreAccepted(String code) {
    assertThat(UkrainianTaxIds.taxIdProblem(code)).isEmpty();
    assertThat(UkrainianTaxIds.kindOf(code)).isEqualTo(UkrainianTaxIds.Kind.EDRPOU);
  }

  @Test
  void anIpnWithItsCheckDigitIsAcceptedAsAPersonsCode() {
    assertThat(UkrainianTaxIds.taxIdProblem("3047125689")).isEmpty();
    assertThat(UkrainianTaxIds.kindOf("3047125689")).isEqualTo(UkrainianTaxIds.Kind.IPN);
  }

  @Test
  void aMistypedEdrpouIsNamedWithWhatIsWrong() {
    assertThat(UkrainianTaxIds.taxIdProblem("14360571"))
        .contains("ЄДРПОУ 14360571 is mistyped: its check digit does not match");
  }

  @Test
  void aMistypedIpnIsNamedWithWhatIsWrong() {
    assertThat(UkrainianTaxIds.taxIdProblem("3047125680")).get().asString().contains("ІПН");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567", "123456789", "12345678901", "1436057O", "14 360570"})
  void codesOfTheWrongShapeAreRefused(String code) {
    assertThat(UkrainianTaxIds.taxIdProblem(code)).isPresent();
  }

  @Test
  void aVatNumberHasTwelveDigits() {
    assertThat(UkrainianTaxIds.vatNumberProblem("431512026591")).isEmpty();
    assertThat(UkrainianTaxIds.vatNumberProblem("43151202659")).get().asString().contains("12");
    assertThat(UkrainianTaxIds.vatNumberProblem("43151202659X")).isPresent();
  }

  @Property
  void everyEdrpouMadeWithItsCheckDigitIsValidAndNoOtherLastDigitIs(
      @ForAll("sevenDigits") String body, @ForAll @IntRange(min = 1, max = 9) int delta) {
    int check = UkrainianTaxIds.edrpouCheckDigit(body);
    assertThat(UkrainianTaxIds.taxIdProblem(body + check)).isEmpty();
    assertThat(UkrainianTaxIds.taxIdProblem(body + (check + delta) % 10)).isPresent();
  }

  @Property
  void everyIpnMadeWithItsCheckDigitIsValidAndNoOtherLastDigitIs(
      @ForAll("nineDigits") String body, @ForAll @IntRange(min = 1, max = 9) int delta) {
    int check = UkrainianTaxIds.ipnCheckDigit(body);
    assertThat(UkrainianTaxIds.taxIdProblem(body + check)).isEmpty();
    assertThat(UkrainianTaxIds.taxIdProblem(body + (check + delta) % 10)).isPresent();
  }

  @Provide
  Arbitrary<String> sevenDigits() {
    return Arbitraries.strings().numeric().ofLength(7);
  }

  @Provide
  Arbitrary<String> nineDigits() {
    return Arbitraries.strings().numeric().ofLength(9);
  }
}
