package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.JournalSeed;
import io.kasa.service.TestCloud;
import io.kasa.service.audit.AuditActions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Audit screen in a real browser (issue 22, ADR 0048): signed in, the log shows the tills' and
 * the back office's entries newest first in words; filtered by kind it shows only the post-void,
 * with where, who and the reason; a filter that does not read comes back named. The page passes
 * axe-core in Ukrainian and English, fits a 360-px phone (rows become cards) and is photographed
 * ({@code -Dkasa.screenshots=DIR}: office-audit-…).
 */
class OfficeAuditBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    // Sign-ins, a shift, four sales, a refund and a post-void at the demo till.
    JournalSeed seeded = JournalSeed.seed(cloud, 4, 1, 1, 3);
    // The till reports its drawer left open.
    UUID event = UUID.randomUUID();
    String till = seeded.cashier().get("Authorization");
    TestCloud.Reply r =
        cloud.post(
            Map.of("Authorization", till),
            "/v1/audit-events",
            event.toString(),
            "{\"id\":\""
                + event
                + "\",\"action\":\"DRAWER_LEFT_OPEN\",\"employeeId\":\""
                + cloud.demo.cashierId()
                + "\",\"at\":\""
                + Instant.now()
                + "\",\"detail\":\"open 75 s (limit 60 s)\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void openTheLogFilterItByKindAndSeeThePostVoid(String lang) throws Exception {
    Words words = Words.of(lang);
    String email = "audit-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "accountant", List.of(), PASSWORD);
    try (Browser b = Browser.on(cloud, lang)) {
      b.open("/office/audit");
      assertThat(b.path()).isEqualTo("/office/sign-in");
      b.signIn(email, PASSWORD);
      b.find("nav a[href='/office/audit']").click();
      assertThat(b.path()).isEqualTo("/office/audit");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("audit.title"));
      // Newest first: this account's own sign-in heads the log, the till's enrolment ends it.
      List<WebElement> what = b.all("table.audit tbody tr td:nth-child(4)");
      assertThat(what.get(0).getText()).isEqualTo(AuditActions.words("office.sign-in", lang));
      assertThat(b.text())
          .contains(
              AuditActions.words("DRAWER_LEFT_OPEN", lang),
              AuditActions.words("SALE_VOIDED", lang),
              AuditActions.words("SIGNED_IN", lang),
              email,
              "Маркет «Колосок»");
      b.check("audit");

      // The filters are folded away until opened; filtered by kind, the post-void alone.
      assertThat(b.find("#kind").isDisplayed()).isFalse();
      b.find("details.filter-box summary").click();
      new Select(b.find("#kind")).selectByValue("voids");
      b.submit("#kind");
      List<WebElement> rows = b.all("table.audit tbody tr");
      assertThat(rows).hasSize(1);
      List<WebElement> cells = rows.get(0).findElements(org.openqa.selenium.By.tagName("td"));
      assertThat(cells.get(1).getText()).startsWith("Маркет «Колосок» · ");
      assertThat(cells.get(2).getText()).isNotBlank();
      assertThat(cells.get(3).getText()).isEqualTo(AuditActions.words("SALE_VOIDED", lang));
      assertThat(cells.get(4).getText()).endsWith(": двічі");
      assertThat(new Select(b.find("#kind")).getFirstSelectedOption().getText())
          .isEqualTo(words.get("audit.kind.voids"));
      assertThat(b.find("details.filter-box").getAttribute("open")).isNotNull();
      b.check("audit-filtered");

      // Days the wrong way round come back named, the form kept.
      // (A date field's typing follows the browser's locale: its value is set as a picker sets it.)
      b.script("document.getElementById('from').value = arguments[0];", "2026-12-05");
      b.script("document.getElementById('to').value = arguments[0];", "2026-12-01");
      b.submit("#to");
      assertThat(b.find("#filter-error").getText()).isEqualTo(words.get("audit.bad.to"));
      assertThat(b.find("#to").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(b.all("table.audit")).isEmpty();
    }
  }
}
