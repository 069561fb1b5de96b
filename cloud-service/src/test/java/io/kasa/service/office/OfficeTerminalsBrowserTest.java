package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.TestCloud;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Terminals screen in a real browser (issue 22 points 2 and 5): signed in as an owner, a
 * terminal created on the page, its enrollment code read off the page (and drawn as a QR code),
 * enrolled through the API as a till enrolls, then in contact; the page shows it enrolled with its
 * last contact, unsent entries, version and device set-up backup; revoked on the page. Every page
 * passes axe-core's WCAG 2.1 A/AA rules in Ukrainian and English, fits a 360-px phone with 48-px
 * targets, and is photographed with {@code -Dkasa.screenshots=DIR}
 * (office-terminals|terminal-code|terminal-LANG-phone|desktop.png).
 */
class OfficeTerminalsBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void aTerminalCreatedAndEnrolledWithItsCode(String lang) throws Exception {
    Words words = Words.of(lang);
    String email = "terminals-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), PASSWORD);
    String code = lang.equals("uk") ? "T5" : "T6";
    String name = lang.equals("uk") ? "Каса біля вітрини" : "Window till";
    try (Browser b = Browser.on(cloud, lang)) {
      b.signIn(email, PASSWORD);
      b.open("/office/terminals");
      assertThat(b.find("nav a[aria-current='page']").getText())
          .isEqualTo(words.get("nav.terminals"));

      // A code that is not one is named, and the form keeps what was typed.
      b.type("#code", "T 5");
      b.type("#name", name);
      b.submit("#name");
      assertThat(b.find("#terminal-error").getText()).isEqualTo(words.get("terminals.error.code"));
      assertThat(b.find("#name").getAttribute("value")).isEqualTo(name);

      b.type("#code", code);
      b.submit("#name");
      String enrollment = b.find("#enrollment-code").getText().trim();
      assertThat(enrollment).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
      assertThat(b.all("svg.qr")).hasSize(1);
      // In the store's time zone, as every screen shows times.
      assertThat(b.find("#enrollment-expires").getText())
          .matches(".*\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d.*");
      b.check("terminal-code");

      // The till enrolls with the code read off the page, as the enrollment wizard does, then
      // fetches its configuration, saying what it has not sent yet and its version.
      TestCloud.Reply enrolled =
          cloud.send(
              "POST",
              "/v1/terminals/enroll",
              "{\"code\":\"" + enrollment + "\",\"deviceName\":\"" + name + "\"}",
              Map.of());
      assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
      String authorization = "Bearer " + enrolled.json().get("credential").asText();
      TestCloud.Reply config =
          cloud.send(
              "GET",
              "/v1/terminal/config",
              null,
              Map.of("Authorization", authorization, "Kasa-Unsent", "2", "Kasa-Version", "0.1.0"));
      assertThat(config.status()).isEqualTo(200);
      // A technician backs the till's devices up.
      Map<String, String> tech =
          new HashMap<>(cloud.signedIn(authorization, cloud.demo.technicianId(), "7777"));
      tech.put("Content-Type", "application/json");
      assertThat(
              cloud
                  .send(
                      "PUT",
                      "/v1/terminal/devices",
                      "{\"settings\":{\"printer-uri\":\"serial:/dev/ttyUSB0?baud=19200\","
                          + "\"printer-profile\":\"epson-tm-t20ii\",\"drawer-pin\":\"2\","
                          + "\"scanner-uri\":\"hid:0c2e:0b61\"}}",
                      tech)
                  .status())
          .isEqualTo(201);

      b.find("a.button[href^='/office/terminals/']").click();
      assertThat(b.find("#terminal-state").getText())
          .isEqualTo(words.get("terminals.state.ENROLLED"));
      assertThat(b.find("#terminal-contact").getText())
          .isNotEqualTo(words.get("terminals.never"))
          .matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
      assertThat(b.find("#terminal-unsent").getText()).isEqualTo("2");
      assertThat(b.find("#terminal-version").getText()).isEqualTo("0.1.0");
      assertThat(b.find("#devices").getText()).contains("printer-uri", "serial:/dev/ttyUSB0");
      assertThat(b.all("a[href$='/devices.json']")).hasSize(1);
      b.check("terminal");

      b.open("/office/terminals");
      String card =
          b.find("li.terminal:has(a[href$='" + enrolled.json().get("terminalId").asText() + "'])")
              .getText();
      assertThat(card).contains(name, "K1-" + code, words.get("terminals.state.ENROLLED"));
      b.check("terminals");

      // Revoked on the page: the till's credential is refused at once.
      b.open("/office/terminals/" + enrolled.json().get("terminalId").asText());
      b.submit("form[action$='/revoke'] button");
      assertThat(b.find("#terminal-state").getText())
          .isEqualTo(words.get("terminals.state.REVOKED"));
      assertThat(b.text()).contains(words.get("terminals.done.revoked"));
      assertThat(
              cloud
                  .send("GET", "/v1/terminal/config", null, Map.of("Authorization", authorization))
                  .status())
          .isEqualTo(401);
    }
  }
}
