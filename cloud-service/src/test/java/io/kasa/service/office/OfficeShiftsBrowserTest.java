package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.ShiftSeed;
import io.kasa.service.TestCloud;
import io.kasa.service.shifts.ShiftSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Shifts screen in a real browser (issue 22, ADR 0049): signed in as an accountant, Shifts
 * lists the open shift above the closed one, filters to the closed ones, opens the closed shift
 * with its Z figures in the till's report words, its cash movements and its over/short (a sign and
 * a word, not colour alone), and its PDF link answers a PDF. Each page passes axe-core in Ukrainian
 * and English, fits a 360-px phone (rows become cards) and is photographed ({@code
 * -Dkasa.screenshots=DIR}: office-shifts-…, office-shift-…).
 */
class OfficeShiftsBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;
  private static ShiftSeed seeded;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    seeded = ShiftSeed.seed(cloud);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void openAClosedShiftWithItsOverShortAndPdf(String lang) throws Exception {
    Words words = Words.of(lang);
    Locale locale = Locale.forLanguageTag(lang);
    String email = "shifts-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "accountant", List.of(), PASSWORD);
    String number = seeded.z().get("number").asText();
    try (Browser b = Browser.on(cloud, lang)) {
      b.open("/office/shifts");
      assertThat(b.path()).isEqualTo("/office/sign-in");
      b.signIn(email, PASSWORD);
      b.open("/office/");
      b.find("a[href='/office/shifts']").click();
      assertThat(b.path()).isEqualTo("/office/shifts");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("shifts.title"));
      List<String> shown = new ArrayList<>();
      b.all("table.journal tbody tr td:first-child a").forEach(a -> shown.add(a.getText()));
      assertThat(shown).as("newest first").containsExactly("K1-T1-0002", number);
      assertThat(b.text())
          .contains(words.get("shifts.stillOpen"), words.get("shifts.notYet"))
          .contains(words.get("shifts.short"));
      b.check("shifts");

      // A state that does not read comes back named; then only the closed shifts.
      b.open("/office/shifts?state=half");
      assertThat(b.find("#filter-error").getText()).isEqualTo(words.get("shifts.bad.state"));
      assertThat(b.find("#state").getAttribute("aria-invalid")).isEqualTo("true");
      b.open("/office/shifts");
      b.find("details.filter-box summary").click();
      new org.openqa.selenium.support.ui.Select(b.find("#state")).selectByValue("closed");
      b.submit("#state");
      List<org.openqa.selenium.WebElement> links = b.all("table.journal tbody tr td:first-child a");
      assertThat(links).hasSize(1);
      assertThat(links.get(0).getText()).isEqualTo(number);
      links.get(0).click();

      assertThat(b.path()).isEqualTo("/office/shifts/" + seeded.closed());
      assertThat(b.find("h1").getText()).isEqualTo(words.get("shift.title", number));
      long os = seeded.z().get("overShort").asLong();
      assertThat(os).isNegative();
      assertThat(b.find("dl.facts .os").getText())
          .startsWith("−")
          .endsWith("(" + words.get("shifts.short") + ")");
      assertThat(b.find("dl.facts .os").getAttribute("class")).contains("os-short");
      // The figures in the till's report words, the PDF's words.
      assertThat(b.text())
          .contains(
              ShiftSheet.word("report.Z", locale),
              ShiftSheet.word("takenByTender", locale),
              ShiftSheet.word("overShort", locale),
              ShiftSheet.word("movements", locale),
              ShiftSheet.word("movement.NO_SALE", locale),
              "розмін",
              "постачальник");
      assertThat(b.all("table.moves tbody tr")).hasSize(3);
      String pdf = b.find("a[type='application/pdf']").getAttribute("href");
      assertThat(pdf).endsWith("/office/shifts/" + seeded.closed() + "/pdf");
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
                  + " && !e.closest('.scroll') && !e.closest('.journal thead')).map(e =>"
                  + " e.outerHTML.substring(0, 100)));");
      assertThat((List<?>) out).as("what sticks out of a phone's screen").isEmpty();
      b.width(Browser.Width.DESKTOP);
      b.check("shift");

      // The open shift: its X figures, said to be not final.
      b.open("/office/shifts/" + seeded.open());
      assertThat(b.text())
          .contains(ShiftSheet.word("report.X", locale), ShiftSheet.word("notFinal", locale));

      b.open("/office/shifts/" + UUID.randomUUID());
      assertThat(b.find("h1").getText()).isEqualTo(words.get("notFound.title"));
    }
  }
}
