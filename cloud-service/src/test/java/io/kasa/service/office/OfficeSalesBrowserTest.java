package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleRequest;
import io.kasa.service.JournalSeed;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Sales screen in a real browser (issue 22): signed in, the journal is filtered by a receipt
 * number, the receipt opens as printed with its refund, its PDF link answers a PDF to the signed-in
 * browser, and a filter that does not read comes back named. Each page passes axe-core in Ukrainian
 * and English, fits a 360-px phone (the journal's rows become cards) and is photographed ({@code
 * -Dkasa.screenshots=DIR}: office-sales-…, office-sale-…).
 */
class OfficeSalesBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;
  private static final List<SaleRequest> SOLD = new ArrayList<>();
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    JournalSeed seeded = JournalSeed.seed(cloud, 4, 1, 1, 3);
    SOLD.addAll(seeded.sold());
    token = seeded.token();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void filterOpenARefundedReceiptAndItsPdf(String lang) throws Exception {
    Words words = Words.of(lang);
    String email = "sales-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "accountant", List.of(), PASSWORD);
    try (Browser b = Browser.on(cloud, lang)) {
      b.open("/office/sales");
      assertThat(b.path()).isEqualTo("/office/sign-in");
      b.signIn(email, PASSWORD);
      b.open("/office/sales");
      assertThat(b.path()).isEqualTo("/office/sales");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("sales.title"));
      List<String> shown = new ArrayList<>();
      b.all("table.journal tbody tr td:first-child a").forEach(a -> shown.add(a.getText()));
      assertThat(shown)
          .as("newest first")
          .containsExactly(
              SOLD.get(3).receiptNumber(),
              SOLD.get(2).receiptNumber(),
              SOLD.get(1).receiptNumber(),
              SOLD.get(0).receiptNumber());
      assertThat(b.text()).contains(words.get("sales.state.VOIDED"));
      b.check("sales");

      // The filters are folded away until opened (a phone shows the sales first).
      assertThat(b.find("#receipt").isDisplayed()).isFalse();
      b.find("details.filter-box summary").click();
      // A filter that does not read comes back named, the form kept.
      b.type("#min", "сто");
      b.submit("#min");
      assertThat(b.find("#filter-error").getText()).isEqualTo(words.get("sales.bad.min"));
      assertThat(b.find("#min").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(b.all("table.journal")).isEmpty();

      // The receipt number as typed at a desk, without its zeros.
      b.type("#min", "");
      b.type("#receipt", "K1-T1-2");
      b.submit("#receipt");
      List<org.openqa.selenium.WebElement> links = b.all("table.journal tbody tr td:first-child a");
      assertThat(links).hasSize(1);
      assertThat(links.get(0).getText()).isEqualTo(SOLD.get(1).receiptNumber());
      assertThat(b.text()).contains(words.get("sales.state.PARTLY_REFUNDED"));
      String href = links.get(0).getAttribute("href");
      assertThat(b.find("details.filter-box").getAttribute("open")).isNotNull();
      b.check("sales-filtered");

      b.open(java.net.URI.create(href).getPath());
      assertThat(b.path()).isEqualTo("/office/sales/" + SOLD.get(1).id());
      assertThat(b.find("h1").getText())
          .isEqualTo(words.get("sale.title", SOLD.get(1).receiptNumber()));
      // As printed: the legal identity, the taxes, the masked card, the refund.
      assertThat(b.text())
          .contains("ТОВ «Колосок-Маркет»", "43151207", "Хліб житній", "**** 4417", "158,40")
          .contains(Sales.receipt(100));
      assertThat(b.all(".receipt-refunds .refund")).hasSize(1);
      assertThat(b.find("a[href^='/r/']").getAttribute("href")).endsWith("/r/" + token);
      String pdf = b.find("a[type='application/pdf']").getAttribute("href");
      assertThat(pdf).endsWith("/office/sales/" + SOLD.get(1).id() + "/pdf");
      Object answer =
          b.async(
              "fetch('"
                  + java.net.URI.create(pdf).getPath()
                  + "').then(r => r.arrayBuffer().then(a => done(r.status + ' '"
                  + " + r.headers.get('content-type') + ' ' + String.fromCharCode(...new"
                  + " Uint8Array(a.slice(0, 4)))))).catch(e => done('failed: ' + e));");
      assertThat(answer).isEqualTo("200 application/pdf %PDF");
      b.width(Browser.Width.PHONE);
      Object out =
          b.async(
              "done(Array.from(document.querySelectorAll('main *')).filter(e =>"
                  + " e.getBoundingClientRect().right > document.documentElement.clientWidth"
                  + " && !e.closest('.scroll')).map(e => e.outerHTML.substring(0, 100)));");
      assertThat((List<?>) out).as("what sticks out of a phone's screen").isEmpty();
      b.width(Browser.Width.DESKTOP);
      b.check("sale");

      // A post-voided sale says so on its receipt.
      b.open("/office/sales/" + SOLD.get(3).id());
      assertThat(b.all(".receipt-mark")).hasSize(1);
      assertThat(b.all("a[href^='/r/']")).isEmpty();

      b.open("/office/sales/" + UUID.randomUUID());
      assertThat(b.find("h1").getText()).isEqualTo(words.get("notFound.title"));
    }
  }
}
