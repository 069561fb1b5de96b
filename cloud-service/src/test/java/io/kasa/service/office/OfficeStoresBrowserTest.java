package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.TestCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Stores screen in a real browser (issue 22, ADR 0051): an owner opens Stores, opens the store,
 * changes its receipt footer and its cash rounding, each section saved on its own and shown saved,
 * and the store's till receives both in its configuration; a tax ID of the wrong length is named on
 * its form, which keeps what was typed; a label layout is added and removed. An accountant reads
 * the settings without a way to save. Both pages pass axe-core's WCAG 2.1 A/AA rules in Ukrainian
 * and English, fit a 360-px phone with 48-px targets, and are photographed with {@code
 * -Dkasa.screenshots=DIR} (office-stores[-store][-error]-LANG-phone|laptop|desktop.png).
 */
class OfficeStoresBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;
  private static TestCloud.Enrolled till;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    till = cloud.enrollTerminal("B1", "Browser");
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void anOwnerChangesTheFooterAndTheCashRounding(String lang) throws Exception {
    Words words = Words.of(lang);
    String email = "stores-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), PASSWORD);
    String footer = lang.equals("uk") ? "Дякуємо за покупку!" : "Thank you for shopping!";
    String rounding = lang.equals("uk") ? "0.50" : "1.00";
    try (Browser b = Browser.on(cloud, lang)) {
      b.signIn(email, PASSWORD);
      b.open("/office/stores");
      assertThat(b.find("nav a[aria-current='page']").getText()).isEqualTo(words.get("nav.stores"));
      String card = b.find("li.store[data-store='" + cloud.demo.storeId() + "']").getText();
      assertThat(card).contains("K1", "Europe/Kyiv");
      assertThat(b.all("#store-create")).hasSize(1);
      b.check("stores");

      b.find("li.store[data-store='" + cloud.demo.storeId() + "'] a").click();
      assertThat(b.path()).isEqualTo("/office/stores/" + cloud.demo.storeId());
      assertThat(b.find("#cashIncrement").getAttribute("value")).isNotEqualTo(rounding);
      b.check("stores-store");

      // The receipt's footer, its own form.
      b.type("#footer", footer);
      b.submit("#footer");
      assertThat(b.find("#store-message").getText())
          .isEqualTo(words.get("stores.done.saved", words.get("stores.section.receipt")));
      assertThat(b.find("#footer").getAttribute("value")).isEqualTo(footer);

      // The cash rounding, its own form.
      b.type("#cashIncrement", rounding);
      b.submit("#cashIncrement");
      assertThat(b.find("#store-message").getText())
          .isEqualTo(words.get("stores.done.saved", words.get("stores.section.taxes")));
      assertThat(b.find("#cashIncrement").getAttribute("value")).isEqualTo(rounding);
      assertThat(b.find("#footer").getAttribute("value")).isEqualTo(footer);

      // The till receives both with its configuration, as an admin command's change.
      JsonNode config =
          cloud
              .send(
                  "GET", "/v1/terminal/config", null, Map.of("Authorization", till.authorization()))
              .json();
      assertThat(config.at("/store/identity/footer").asText()).isEqualTo(footer);
      assertThat(config.at("/store/cashIncrement").asLong())
          .isEqualTo(new java.math.BigDecimal(rounding).movePointRight(2).longValueExact());

      // A label layout added on its form, listed, then removed.
      b.type("#prefix", "27");
      new org.openqa.selenium.support.ui.Select(b.find("#kind")).selectByValue("PRICE");
      b.type("#itemDigits", "4");
      b.type("#valueDigits", "6");
      b.type("#valueDecimals", "2");
      b.submit("#prefix");
      assertThat(b.find("#store-layouts li[data-prefix='27']").getText())
          .contains(words.get("stores.kind.PRICE"));
      assertThat(config(till).at("/store/barcodeLayouts").findValuesAsText("prefix"))
          .contains("27");
      b.script("document.getElementById('layouts').scrollIntoView()");
      b.check("stores-layouts");
      b.submit("#store-layouts li[data-prefix='27'] button");
      assertThat(b.all("#store-layouts li[data-prefix='27']")).isEmpty();
      assertThat(config(till).at("/store/barcodeLayouts").findValuesAsText("prefix"))
          .doesNotContain("27");

      // A tax ID of the wrong length is named on its form, which keeps what was typed.
      b.type("#taxId", "1234567");
      b.submit("#taxId");
      assertThat(b.find("#error-identity").getText()).isEqualTo(words.get("stores.error.taxId"));
      assertThat(b.find("#taxId").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(b.find("#taxId").getAttribute("value")).isEqualTo("1234567");
      assertThat(b.all("#store-message")).isEmpty();
      b.check("stores-error");
      assertThat(config(till).at("/store/identity/taxId").asText()).isEqualTo("43151207");
    }
  }

  @Test
  void anAccountantReadsTheSettingsAndCannotSaveThem() throws Exception {
    String email = "stores-accountant@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "accountant", List.of(), PASSWORD);
    try (Browser b = Browser.on(cloud, "en")) {
      b.signIn(email, PASSWORD);
      b.open("/office/stores");
      assertThat(b.all("#store-create")).isEmpty();
      b.open("/office/stores/" + cloud.demo.storeId());
      assertThat(b.find("#store-read-only").getText())
          .isEqualTo(Words.of("en").get("stores.readOnly"));
      assertThat(b.all("button[id^='save-']")).isEmpty();
      assertThat(b.find("#taxId").isEnabled()).isFalse();
      // A section's form posted anyway, with the page's own token, is the read-only 403 page and
      // changes nothing.
      Object status =
          b.async(
              "const body = new URLSearchParams({_csrf: document.querySelector("
                  + "'input[name=_csrf]').value, header: '', footer: 'Accountant was here'});"
                  + "fetch('/office/stores/"
                  + cloud.demo.storeId()
                  + "/receipt', {method: 'POST', body}).then(r => done(r.status));");
      assertThat(((Number) status).intValue()).isEqualTo(403);
      b.open("/office/stores/" + cloud.demo.storeId());
      assertThat(b.find("#footer").getAttribute("value")).isNotEqualTo("Accountant was here");
    }
  }

  private static JsonNode config(TestCloud.Enrolled till) {
    return cloud
        .send("GET", "/v1/terminal/config", null, Map.of("Authorization", till.authorization()))
        .json();
  }
}
