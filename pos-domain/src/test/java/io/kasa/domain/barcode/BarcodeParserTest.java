package io.kasa.domain.barcode;

import static io.kasa.domain.Fixtures.UAH;
import static io.kasa.domain.Fixtures.uah;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.barcode.ScanResult.Accepted;
import io.kasa.domain.barcode.ScanResult.Reason;
import io.kasa.domain.barcode.ScanResult.Rejected;
import io.kasa.domain.money.Quantity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarcodeParserTest {

  private final BarcodeParser parser =
      new BarcodeParser(List.of(EmbeddedLayout.weight("22"), EmbeddedLayout.price("26")));

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "4820000191357, EAN_13, 04820000191357",
    "96385074, EAN_8, 00000096385074",
    "036000291452, UPC_A, 00036000291452",
    "04252614, UPC_E, 00042100005264",
    "10614141000415, GTIN_14, 10614141000415",
    "']E04820000191357', EAN_13, 04820000191357",
    "']E004252614', UPC_E, 00042100005264",
    "'4820000191357\r\n', EAN_13, 04820000191357"
  })
  void tradeItemNumbersAreVerifiedAndNormalisedToGtin14(
      String raw, Symbology symbology, String gtin14) {
    Accepted accepted = accepted(raw);
    assertThat(accepted.symbology()).isEqualTo(symbology);
    assertThat(accepted.code())
        .isInstanceOfSatisfying(
            ParsedCode.Gtin.class, g -> assertThat(g.gtin14()).isEqualTo(gtin14));
  }

  @ParameterizedTest(name = "UPC-E {0} expands to {1}")
  @CsvSource({
    "01234505, 012000003455",
    "01234514, 012100003454",
    "01234523, 012200003453",
    "01234531, 012300000451",
    "01234543, 012340000053",
    "01234558, 012345000058",
    "01234565, 012345000065"
  })
  void upcEExpandsByItsLastDigit(String upcE, String upcA) {
    assertThat(BarcodeParser.expandUpcE(upcE)).isEqualTo(upcA);
  }

  @ParameterizedTest(name = "{0} rejected: {1}")
  @CsvSource({
    "4820000191351, CHECK_DIGIT",
    "96385075, CHECK_DIGIT",
    "036000291453, CHECK_DIGIT",
    "'', EMPTY",
    "'  \r\n', EMPTY",
    "']E0', EMPTY",
    "'48200\u000701913', INVALID_CHARACTERS",
    "'(01)09501101530004', CHECK_DIGIT",
    "'(99)123', UNKNOWN_AI",
    "'(17)251340', MALFORMED_GS1",
    "']C1011234', MALFORMED_GS1"
  })
  void badInputIsATypedRejection(String raw, Reason reason) {
    ScanResult result = parser.parse(raw);
    assertThat(result)
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void nullIsRejectedNotThrown() {
    assertThat(parser.parse(null)).isInstanceOf(Rejected.class);
  }

  @Test
  void weightEmbeddedLabelCarriesTheItemCodeAndGrams() {
    String code = "22" + "12345" + "01275";
    code += CheckDigit.compute(code);
    ParsedCode.Embedded embedded = (ParsedCode.Embedded) accepted(code).code();
    assertThat(embedded.itemCode()).isEqualTo("12345");
    assertThat(embedded.weight()).contains(Quantity.parse("1.275"));
    assertThat(embedded.price(UAH)).isEmpty();
  }

  @Test
  void priceEmbeddedLabelCarriesThePrice() {
    String code = "26" + "00042" + "01999";
    code += CheckDigit.compute(code);
    ParsedCode.Embedded embedded = (ParsedCode.Embedded) accepted(code).code();
    assertThat(embedded.itemCode()).isEqualTo("00042");
    assertThat(embedded.price(UAH)).contains(uah("19.99"));
  }

  @Test
  void inStorePrefixWithoutALayoutIsAPlainGtin() {
    String code = "29" + "1234567890";
    code += CheckDigit.compute(code);
    assertThat(accepted(code).code()).isInstanceOf(ParsedCode.Gtin.class);
  }

  @Test
  void gs1128WithFnc1SeparatorsAndAimPrefix() {
    Accepted accepted =
        accepted("]C10104607001234562" + "10LOT42\u001d" + "3103001275" + "17270531");
    assertThat(accepted.aimPrefix()).isEqualTo("]C1");
    assertThat(accepted.symbology()).isEqualTo(Symbology.GS1_128);
    ParsedCode.Gs1 gs1 = (ParsedCode.Gs1) accepted.code();
    assertThat(gs1.gtin()).contains("04607001234562");
    assertThat(gs1.batch()).contains("LOT42");
    assertThat(gs1.netWeight()).contains(Quantity.parse("1.275"));
    assertThat(gs1.expiry()).contains(LocalDate.of(2027, 5, 31));
  }

  @Test
  void gs1SerialAndPriceInHumanReadableForm() {
    ParsedCode.Gs1 gs1 =
        (ParsedCode.Gs1) accepted("(01)09501101530003(21)SN-001(3922)12550").code();
    assertThat(gs1.serial()).contains("SN-001");
    assertThat(gs1.price(UAH)).contains(uah("125.50"));
  }

  @Test
  void gs1ExpiryDayZeroMeansTheEndOfTheMonth() {
    ParsedCode.Gs1 gs1 = (ParsedCode.Gs1) accepted("]d2010950110153000317280200").code();
    assertThat(gs1.expiry()).contains(LocalDate.of(2028, 2, 29));
  }

  @Test
  void shortDigitsAreAPluAndTextIsPlain() {
    assertThat(accepted("4011").code()).isEqualTo(new ParsedCode.Plain("4011"));
    Accepted qr = accepted("]Q1https://r.kasa.example/K1-T1-000042");
    assertThat(qr.symbology()).isEqualTo(Symbology.QR);
    assertThat(qr.code()).isEqualTo(new ParsedCode.Plain("https://r.kasa.example/K1-T1-000042"));
  }

  @Test
  void whatAScreenLooksUpIsTheCodeWithoutItsAimIdentifier() {
    assertThat(accepted("]Q1https://r.kasa.example/K1-T1-000042").text())
        .isEqualTo("https://r.kasa.example/K1-T1-000042");
    assertThat(accepted("]C0SHELF-0042").text()).isEqualTo("SHELF-0042");
    assertThat(accepted("]E04820000191357").text()).isEqualTo("4820000191357");
    assertThat(accepted("4011").text()).isEqualTo("4011");
    assertThat(accepted("]C1" + "0104607001234562" + "10LOT42").text())
        .isEqualTo("0104607001234562" + "10LOT42");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Both check digits fit: unannounced, a leading 0 is UPC-E (GS1-8 prefix 0 is in-company only).
    "01234565, UPC_E, 00012345000065",
    "']E401234565', EAN_8, 00000001234565",
    "']E001234565', UPC_E, 00012345000065",
    // A leading 1 with both fitting: a GS1 US GTIN-8 before the non-standard UPC-E number system 1.
    "12345670, EAN_8, 00000012345670"
  })
  void eightDigitsFittingBothEan8AndUpcEFollowTheAnnouncementOrTheLeadingDigit(
      String raw, Symbology symbology, String gtin14) {
    Accepted accepted = accepted(raw);
    assertThat(accepted.symbology()).isEqualTo(symbology);
    assertThat(((ParsedCode.Gtin) accepted.code()).gtin14()).isEqualTo(gtin14);
  }

  @ParameterizedTest(name = "FNC1 kept in {0}")
  @CsvSource({
    "'\u001d0104820000191357'",
    "'0104820000191357\u001d'",
    "' \u001d0104820000191357 \r\n'"
  })
  void aLeadingOrTrailingFnc1IsGs1DataNotWhitespace(String raw) {
    Accepted accepted = accepted(raw);
    assertThat(accepted.symbology()).isEqualTo(Symbology.GS1_128);
    assertThat(((ParsedCode.Gs1) accepted.code()).gtin()).contains("04820000191357");
  }

  @ParameterizedTest(name = "from a line {0}: {1}")
  @CsvSource({
    "t, UNANNOUNCED",
    "4011, UNANNOUNCED",
    "'(10)LOT42', UNANNOUNCED",
    "']X9A-12345', UNANNOUNCED",
    "']C0A-12345', ACCEPTED",
    "']Q1https://r.kasa.example/K1-T1-000042', ACCEPTED",
    "4820000191357, ACCEPTED",
    "01234565, ACCEPTED",
    "'(01)09501101530003(10)LOT1', ACCEPTED",
    "4820000191351, CHECK_DIGIT"
  })
  void fromASerialLineOnlyAnnouncedOrSelfCheckingCodesAreAccepted(String raw, String verdict) {
    ScanResult result = parser.parseFromLine(raw);
    if (verdict.equals("ACCEPTED")) {
      assertThat(result).isInstanceOf(Accepted.class);
    } else {
      assertThat(result)
          .isInstanceOfSatisfying(
              Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.valueOf(verdict)));
    }
  }

  private Accepted accepted(String raw) {
    ScanResult result = parser.parse(raw);
    assertThat(result).isInstanceOf(Accepted.class);
    return (Accepted) result;
  }
}
