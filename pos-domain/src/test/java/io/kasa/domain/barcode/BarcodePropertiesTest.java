package io.kasa.domain.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BarcodePropertiesTest {

  private final BarcodeParser parser =
      new BarcodeParser(List.of(EmbeddedLayout.weight("2"), EmbeddedLayout.price("29")));

  @Property
  void anyInputIsParsedWithoutThrowing(@ForAll String raw) {
    assertThatCode(() -> parser.parse(raw)).doesNotThrowAnyException();
  }

  @Property
  void scannerLikeInputIsParsedWithoutThrowing(@ForAll("scannerish") String raw) {
    assertThat(parser.parse(raw)).isNotNull();
  }

  @Provide
  Arbitrary<String> scannerish() {
    return Arbitraries.strings().withChars("0123456789()]CEQd\u001d\r\n ").ofMaxLength(60);
  }

  @Property
  void everyValidEan13IsAcceptedAndEverySingleDigitErrorIsCaught(
      @ForAll("twelveDigits") String body,
      @ForAll @IntRange(min = 0, max = 12) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String code = body + CheckDigit.compute(body);
    assertThat(parser.parse(code)).isInstanceOf(ScanResult.Accepted.class);
    char[] wrong = code.toCharArray();
    wrong[position] = (char) ('0' + (wrong[position] - '0' + delta) % 10);
    ScanResult result = parser.parse(new String(wrong));
    assertThat(result)
        .isInstanceOfSatisfying(
            ScanResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(ScanResult.Reason.CHECK_DIGIT));
  }

  @Provide
  Arbitrary<String> twelveDigits() {
    return Arbitraries.strings().numeric().ofLength(12);
  }
}
