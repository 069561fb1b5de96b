package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.TestCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Stores screen's tips section in a real browser (ADR 0054): an owner turns tips on with her
 * presets and largest tip, saved on their own and heard by the store's till; presets above the
 * largest tip are named on the form, which keeps what was typed. axe-core, a 360-px phone and 48-px
 * targets in Ukrainian and English; pictures office-stores-tips[-error]-LANG-*.png.
 */
class OfficeStoreTipsBrowserTest {

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
  void anOwnerTurnsTipsOnWithHerPresets(String lang) throws Exception {
    Words words = Words.of(lang);
    String email = "tips-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), PASSWORD);
    String presets = lang.equals("uk") ? "5, 10, 20" : "10, 15, 20";
    try (Browser b = Browser.on(cloud, lang)) {
      b.signIn(email, PASSWORD);
      b.open("/office/stores/" + cloud.demo.storeId());
      b.script("location.hash = 'tips'");
      b.check("stores-tips");

      // Presets above the largest tip: named on the form, which keeps what was typed.
      b.type("#presets", "10, 60");
      b.type("#maxPercent", "50");
      b.submit("#presets");
      assertThat(b.find("#error-tips").getText()).isEqualTo(words.get("stores.error.presets"));
      assertThat(b.find("#presets").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(b.find("#presets").getAttribute("value")).isEqualTo("10, 60");
      b.script("location.hash = 'tips'");
      b.check("stores-tips-error");

      if (!b.find("#tipsEnabled").isSelected()) {
        b.find("#tipsEnabled").click();
      }
      b.type("#presets", presets);
      b.type("#maxPercent", "50");
      b.submit("#presets");
      assertThat(b.find("#store-message").getText())
          .isEqualTo(words.get("stores.done.saved", words.get("stores.section.tips")));
      assertThat(b.find("#presets").getAttribute("value")).isEqualTo(presets);
      assertThat(b.find("#tipsEnabled").isSelected()).isTrue();

      JsonNode tips =
          cloud
              .send(
                  "GET", "/v1/terminal/config", null, Map.of("Authorization", till.authorization()))
              .json()
              .at("/store/tips");
      assertThat(tips.get("enabled").asBoolean()).isTrue();
      assertThat(tips.get("presets").toString())
          .isEqualTo("[\"" + presets.replace(", ", "\",\"") + "\"]");
      assertThat(tips.get("maxPercent").asText()).isEqualTo("50");
    }
  }
}
