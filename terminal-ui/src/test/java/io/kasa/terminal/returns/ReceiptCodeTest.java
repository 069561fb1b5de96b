package io.kasa.terminal.returns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptCodeTest {

  private static final String ADDRESS = "https://r.kasa.example";
  private static final String TOKEN = "q3S0mGv1xYwA8bHcJd2KzA";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "K1-T1-000042                                     | K1-T1-000042",
        "k1-t1-000042                                     | K1-T1-000042",
        "]C0K1-T1-000042                                  | K1-T1-000042",
      })
  void aTypedNumberOrItsBarcodeReadsAsTheReceiptNumber(String given, String number) {
    assertThat(ReceiptCode.read(given, ADDRESS)).isEqualTo(new ReceiptCode.Number(number));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA",
    "HTTPS://R.KASA.EXAMPLE/r/q3S0mGv1xYwA8bHcJd2KzA",
    "http://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA",
    "https://r.kasa.example:443/r/q3S0mGv1xYwA8bHcJd2KzA/",
    "https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA?utm=qr#top",
    "]Q1https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA",
  })
  void theQrCodesUrlReadsAsTheTokenItsCaseKept(String scanned) {
    assertThat(ReceiptCode.read(scanned, ADDRESS)).isEqualTo(new ReceiptCode.Token(TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://shop.example/kasa, https://shop.example/kasa/r/q3S0mGv1xYwA8bHcJd2KzA",
    "https://shop.example/kasa/, https://shop.example/kasa/r/q3S0mGv1xYwA8bHcJd2KzA",
  })
  void anAddressWithAPathKeepsItBeforeTheToken(String address, String scanned) {
    assertThat(ReceiptCode.read(scanned, address)).isEqualTo(new ReceiptCode.Token(TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://r.kasa.example/r/K1-T1-000042",
    "https://r.kasa.example/K1-T1-000042",
    "https://r.kasa.example/r/K1%2DT1%2D000042",
  })
  void aQrCodePrintedBeforeTokensStillReadsAsItsNumber(String scanned) {
    assertThat(ReceiptCode.read(scanned, ADDRESS))
        .isEqualTo(new ReceiptCode.Number("K1-T1-000042"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://evil.example/r/q3S0mGv1xYwA8bHcJd2KzA, evil.example",
    "https://r.kasa.example.evil.example/r/q3S0mGv1xYwA8bHcJd2KzA, r.kasa.example.evil.example",
    "https://r.kasa.example:8443/r/q3S0mGv1xYwA8bHcJd2KzA, r.kasa.example",
  })
  void aUrlOfAnotherSiteIsRefusedByItsHost(String scanned, String host) {
    assertThat(ReceiptCode.read(scanned, ADDRESS)).isEqualTo(new ReceiptCode.OtherSite(host));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://r.kasa.example/about",
    "https://r.kasa.example/r/short",
    "https://r.kasa.example/x/q3S0mGv1xYwA8bHcJd2KzA",
    "https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA extra",
    "https://r.kasa.example",
  })
  void aUrlOfTheStoresSiteThatIsNoReceiptIsSaidToBeNone(String scanned) {
    assertThat(ReceiptCode.read(scanned, ADDRESS)).isEqualTo(new ReceiptCode.NotAReceipt());
  }

  @org.junit.jupiter.api.Test
  void aUrlIsAnotherSitesWhenTheStoreHasNoPublicAddress() {
    assertThat(ReceiptCode.read("https://r.kasa.example/r/" + TOKEN, null))
        .isEqualTo(new ReceiptCode.OtherSite("r.kasa.example"));
  }
}
