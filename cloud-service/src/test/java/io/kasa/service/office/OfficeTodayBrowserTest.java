package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleRequest;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Today screen in a real browser (issue 22 points 2 and 5, ADR 0042): signed in, Today open, a
 * sale posted through the real sales API shows in the figures without a reload, and a till that
 * says it holds unsent entries raises the banner, live too. The page passes axe-core in Ukrainian
 * and English, fits a 360-px phone with 48-px targets, logs no console error (the CSP would refuse
 * anything inline), and is photographed with {@code -Dkasa.screenshots=DIR}.
 */
class OfficeTodayBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;
  private static String till;
  private static Map<String, String> cashier;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    till = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(till, cloud.demo.cashierId(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static synchronized void sell() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, "tok_approve");
    Map<String, String> h = new HashMap<>(cashier);
    h.put("Idempotency-Key", sale.id().toString());
    TestCloud.Reply r = cloud.send("POST", "/v1/sales", Sales.json(sale), h);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** The till says how many entries it still holds unsent, as every request of a till does. */
  private static void tillHolds(int unsent) {
    TestCloud.Reply r =
        cloud.send(
            "GET",
            "/v1/terminal/config",
            null,
            Map.of("Authorization", till, "Kasa-Unsent", Integer.toString(unsent)));
    assertThat(r.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void aSaleShowsWithoutAReload(String lang) throws Exception {
    String email = "today-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), PASSWORD);
    tillHolds(0);
    try (Browser b = Browser.on(cloud, lang)) {
      b.signIn(email, PASSWORD);
      b.find("nav a[href='/office/today']").click();
      b.waitUntil(30, () -> b.path().equals("/office/today") && !b.all("#today-sales").isEmpty());
      assertThat(b.find("h1").getText()).isEqualTo(Words.of(lang).get("today.title"));
      assertThat(b.all("#today-incomplete")).isEmpty();

      // Marks this very document: a reload would lose the mark.
      b.script("window.kasaSameDocument = true;");
      String before = b.find("#today-transactions").getText();
      sell();
      b.waitUntil(30, () -> !b.find("#today-transactions").getText().equals(before));
      assertThat(b.script("return window.kasaSameDocument === true;")).isEqualTo(true);
      long transactions =
          Long.parseLong(b.find("#today-transactions").getText().replaceAll("\\D", ""));
      assertThat(transactions).isEqualTo(Long.parseLong(before.replaceAll("\\D", "")) + 1);
      // The chart drew, and its figures are in the table for screen readers.
      b.waitUntil(30, () -> !b.all("#today-chart canvas").isEmpty());
      assertThat(b.find(".chart-table caption").getAttribute("textContent"))
          .isEqualTo(Words.of(lang).get("today.byHour.caption"));
      assertThat(b.find("#today-byEmployee").getText())
          .isEqualTo(Words.of(lang).get("today.byEmployee"));

      // A till still holding sales raises the banner, live too.
      tillHolds(2);
      b.waitUntil(30, () -> !b.all("#today-incomplete").isEmpty());
      assertThat(b.script("return window.kasaSameDocument === true;")).isEqualTo(true);
      String unsent = Words.of(lang).count("today.till.unsent", 2, "").replaceAll(",.*", "");
      assertThat(b.find(".today-tills").getText()).contains(unsent);
      // Holds the figures still while axe reads the page and the screenshots are taken.
      b.script("document.body.addEventListener('htmx:beforeRequest', e => e.preventDefault());");
      b.check("today");
      b.script("location.reload();");
      b.waitUntil(30, () -> !b.all("#today-sales").isEmpty());

      tillHolds(0);
      b.waitUntil(30, () -> b.all("#today-incomplete").isEmpty());
    }
  }
}
