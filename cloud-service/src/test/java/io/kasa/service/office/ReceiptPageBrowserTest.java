package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.kasa.api.sales.ReceiptTokens;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer's receipt page as a customer reaches it (issue 22, point 5): the QR printed on the
 * receipt is read back off the printed PDF's picture, and its address opened in Chromium. The page
 * shows the sale as printed, in the store's language whatever the phone's, fits a 360 px phone (the
 * tax table too), passes axe, and its PDF link answers a PDF.
 */
class ReceiptPageBrowserTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    // The store's public address is this service, as an owner sets it on the Stores screen.
    String address = "http://localhost:" + cloud.app.port();
    cloud
        .database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("update store set public_address = :a where id = :s")
                    .bind("a", address)
                    .bind("s", cloud.demo.storeId())
                    .execute());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  /** Bread and milk, paid in cash, carrying {@code token}: what a till sends. */
  private static SaleRequest sale(String token) {
    return new SaleRequest(
        UUID.randomUUID(),
        Sales.receipt(100 + sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(
            new SaleLineDto(1, "bread", "2", 3100, null, null, false, 6200),
            new SaleLineDto(2, "aspirin", "1", 9640, null, null, false, 9640)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "CASH", 15840, null, null)),
        new TotalsDto(15840, 0, 1664, 15840, 0, 0),
        false,
        null,
        token);
  }

  /** The address in the QR of the receipt as printed (its PDF), read off the rendered page. */
  private static URI qrOfThePrintedReceipt(String token) throws Exception {
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(cloud.uri("/r/" + token + ".pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300);
      int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
      String text =
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(
                      new HybridBinarizer(
                          new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))))
              .getText();
      return URI.create(text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void theQrOnTheReceiptOpensItsPageOnAPhone(String lang) throws Exception {
    String token = ReceiptTokens.next();
    SaleRequest sale = sale(token);
    TestCloud.Reply recorded =
        cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

    URI url = qrOfThePrintedReceipt(token);
    assertThat(url.getPath()).isEqualTo("/r/" + token);
    assertThat(url.getPort()).isEqualTo(cloud.app.port());

    // A phone in either language: the page is in the store's (Ukrainian), as printed.
    try (Browser b = Browser.on(cloud, lang)) {
      b.open(url.getPath());
      assertThat(b.script("return document.documentElement.lang")).isEqualTo("uk");
      assertThat(b.text())
          .contains("Маркет «Колосок»", "ТОВ «Колосок-Маркет»", "43151207")
          .contains("Хліб житній", "Аспірин", "158,40", sale.receiptNumber())
          .contains("Податки", "З податком", "Готівка");
      b.width(Browser.Width.PHONE);
      Object out =
          b.async(
              "done(Array.from(document.querySelectorAll('main *')).filter(e =>"
                  + " e.getBoundingClientRect().right > document.documentElement.clientWidth)"
                  + ".map(e => e.outerHTML.substring(0, 100)));");
      assertThat((List<?>) out).as("what sticks out of a phone's screen").isEmpty();
      Object taxes =
          b.script(
              "const s = document.querySelector('.receipt .scroll');"
                  + " return s.scrollWidth - s.clientWidth;");
      assertThat(((Number) taxes).intValue()).as("the tax table scrolls on a phone").isZero();
      b.width(Browser.Width.DESKTOP);
      String pdf = b.find("a[href$='.pdf']").getAttribute("href");
      Object answer =
          b.async(
              "fetch('"
                  + URI.create(pdf).getPath()
                  + "').then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                  + ".catch(e => done('failed: ' + e));");
      assertThat(answer).isEqualTo("200 application/pdf");
      b.check("receipt-page");
    }
  }
}
