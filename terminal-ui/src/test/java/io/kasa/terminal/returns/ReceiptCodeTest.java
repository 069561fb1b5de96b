package io.kasa.terminal.returns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptCodeTest {

  private static final String TEMPLATE = "https://r.kasa.example/r/{number}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "K1-T1-000042                                     | K1-T1-000042",
        "k1-t1-000042                                     | K1-T1-000042",
        "]C0K1-T1-000042                                  | K1-T1-000042",
        "https://r.kasa.example/r/K1-T1-000042            | K1-T1-000042",
        "HTTPS://R.KASA.EXAMPLE/R/K1-T1-000042            | K1-T1-000042",
        "http://r.kasa.example/r/K1-T1-000042             | K1-T1-000042",
        "https://r.kasa.example:443/r/K1-T1-000042/       | K1-T1-000042",
        "https://r.kasa.example/r/K1%2DT1%2D000042        | K1-T1-000042",
        "https://r.kasa.example/r/K1-T1-000042?utm=qr#top | K1-T1-000042",
        "]Q1https://r.kasa.example/r/k1-t1-000042         | K1-T1-000042",
      })
  void aNumberItsBarcodeOrItsQrUrlReadsAsTheReceiptNumber(String given, String number) {
    assertThat(ReceiptCode.read(given, TEMPLATE)).isEqualTo(new ReceiptCode.Number(number));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://shop.example/receipt?n={number}&v=1, https://shop.example/receipt?n=K1-T1-000007&v=1",
    "https://shop.example/{number}.html, https://shop.example/K1-T1-000007.html",
  })
  void theNumberIsFoundWhereverTheStoresTemplatePutsIt(String template, String scanned) {
    assertThat(ReceiptCode.read(scanned, template))
        .isEqualTo(new ReceiptCode.Number("K1-T1-000007"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://evil.example/r/K1-T1-000042, evil.example",
    "https://r.kasa.example.evil.example/r/K1-T1-000042, r.kasa.example.evil.example",
    "https://r.kasa.example:8443/r/K1-T1-000042, r.kasa.example",
  })
  void aUrlOfAnotherSiteIsRefusedByItsHost(String scanned, String host) {
    assertThat(ReceiptCode.read(scanned, TEMPLATE)).isEqualTo(new ReceiptCode.OtherSite(host));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://r.kasa.example/about",
    "https://r.kasa.example/r/not-a-number",
    "https://r.kasa.example/x/K1-T1-000042",
    "https://r.kasa.example/r/K1-T1-000042 extra",
  })
  void aUrlOfTheStoresSiteThatIsNoReceiptIsSaidToBeNone(String scanned) {
    assertThat(ReceiptCode.read(scanned, TEMPLATE)).isEqualTo(new ReceiptCode.NotAReceipt());
  }

  @org.junit.jupiter.api.Test
  void aUrlIsAnotherSitesWhenTheStorePublishesNoReceipts() {
    assertThat(ReceiptCode.read("https://r.kasa.example/r/K1-T1-000042", null))
        .isEqualTo(new ReceiptCode.OtherSite("r.kasa.example"));
  }
}
