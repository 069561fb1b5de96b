package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.TestCloud;
import io.kasa.service.admin.DemoData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

/**
 * The Stock screen in a real browser (issue 22, ADR 0050), in Ukrainian and in English: the owner
 * opens Stock from the navigation, keeps the low items only, opens the milk, records damage with a
 * reason and a note, and sees the new level and the movement naming the account; a quantity that
 * does not read comes back named on the form; the same form sent twice is recorded once. An
 * accountant reads the item's page without the forms and is refused a change. Every page passes
 * axe-core, fits a 360-px phone with 48-px targets and logs no console error; photographed with
 * {@code -Dkasa.screenshots=DIR}.
 */
class OfficeStockBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    DemoData.openingStock(
        cloud.services.admin(), cloud.demo.organisationId(), cloud.demo.storeId());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static String account(String role, String lang) {
    String email = "stock-" + role + "-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, role, List.of(), PASSWORD);
    return email;
  }

  private static List<String> texts(Browser b, String css) {
    List<String> out = new ArrayList<>();
    b.all(css).forEach(e -> out.add(e.getText()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void theOwnerFindsTheLowItemsAndRecordsDamage(String lang) throws Exception {
    Words words = Words.of(lang);
    String email = account("owner", lang);
    // uk records two damaged bottles of milk, en one missing; both see the level they leave.
    boolean uk = lang.equals("uk");
    String onHand = onHand();
    int after = Integer.parseInt(onHand) - (uk ? 2 : 1);
    try (Browser b = Browser.on(cloud, lang)) {
      b.signIn(email, PASSWORD);
      b.open("/office/");
      b.find("a[href='/office/stock']").click();
      assertThat(b.path()).isEqualTo("/office/stock");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("stock.title"));
      assertThat(b.text()).contains("Хліб житній", "Яблука Голден");
      assertThat(texts(b, "table.stock tbody td[data-label='" + words.get("stock.onHand") + "']"))
          .as("weighed goods in kilograms with three decimals")
          .contains(uk ? "18,500 кг" : "18.500 kg");
      b.check("stock");

      b.find("#low").click();
      b.submit("#low");
      assertThat(b.path()).isEqualTo("/office/stock");
      List<String> low = texts(b, "table.stock tbody tr td:first-child a");
      assertThat(low).containsExactly("Молоко 2,5 % 900 г");
      assertThat(b.find("table.stock tbody tr .stock-state").getText())
          .as("a mark in words, not colour alone")
          .contains(words.get("stock.state.LOW"));
      assertThat(b.find("#low").isSelected()).isTrue();
      b.script("document.getElementById('levels').scrollIntoView()");
      b.check("stock-low");

      b.find("table.stock tbody tr td:first-child a").click();
      assertThat(b.path()).isEqualTo("/office/stock/" + cloud.demo.storeId() + "/items/milk");
      assertThat(b.find("#on-hand").getText()).isEqualTo(onHand + (uk ? " шт." : " pcs"));

      // A quantity that does not read comes back named, with what was typed.
      new Select(b.find("#reason")).selectByValue(uk ? "DAMAGE" : "THEFT");
      b.type("#quantity", "два");
      b.submit("#quantity");
      assertThat(b.find("#stock-error").getText())
          .isEqualTo(
              words.get("stock.field.quantity")
                  + ": "
                  + words.get("stock.problem.quantity", "два"));
      assertThat(b.find("#quantity").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(b.find("#quantity").getAttribute("value")).isEqualTo("два");

      b.type("#quantity", uk ? "2" : "1");
      b.type("#note", uk ? "Розбилися при розвантаженні" : "Missing after the weekend");
      String key = b.find("input[name=key]").getAttribute("value");
      b.submit("#quantity");
      assertThat(b.find("#stock-saved").getText()).isEqualTo(words.get("stock.adjusted"));
      assertThat(b.find("#on-hand").getText()).isEqualTo(after + (uk ? " шт." : " pcs"));
      assertThat(b.find("#stock-state").getText()).contains(words.get("stock.state.LOW"));
      String newest = b.find("#moves tbody tr").getText();
      assertThat(newest)
          .contains(words.get(uk ? "stock.reason.DAMAGE" : "stock.reason.THEFT"))
          .contains((uk ? "−2 шт." : "−1 pcs"))
          .contains(after + (uk ? " шт." : " pcs"))
          .contains(email)
          .contains(uk ? "Розбилися при розвантаженні" : "Missing after the weekend");
      assertThat(texts(b, "#moves tbody tr td:nth-child(2)"))
          .as("the opening count is the oldest")
          .last()
          .isEqualTo(words.get("stock.reason.COUNT"));
      b.check("stock-item");
      b.script("document.getElementById('moves-title').scrollIntoView()");
      b.check("stock-item-moves");

      // The same form sent again (a double click) records nothing more.
      Object status =
          b.async(
              "fetch(location.pathname + '/adjust', {method: 'POST', body: new URLSearchParams({"
                  + "_csrf: document.querySelector('input[name=_csrf]').value, key: '"
                  + key
                  + "', reason: '"
                  + (uk ? "DAMAGE" : "THEFT")
                  + "', quantity: '"
                  + (uk ? "2" : "1")
                  + "', note: '"
                  + (uk ? "Розбилися при розвантаженні" : "Missing after the weekend")
                  + "'})}).then(r => done(r.status));");
      assertThat(((Number) status).intValue()).isEqualTo(200);
      assertThat(onHand()).isEqualTo(Integer.toString(after));
    }
  }

  /** The milk on hand at the demo store, as a whole number. */
  private static String onHand() {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select coalesce(sum(delta), 0)::int::text from stock_movement"
                            + " where store_id = :s and item_id = 'milk'")
                    .bind("s", cloud.demo.storeId())
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void anAccountantReadsTheItemButIsRefusedAChange() throws Exception {
    Words words = Words.of("en");
    String email = account("accountant", "en");
    try (Browser b = Browser.on(cloud, "en")) {
      b.signIn(email, PASSWORD);
      b.open("/office/stock/" + cloud.demo.storeId() + "/items/bread");
      assertThat(b.find("h1").getText()).isEqualTo("Хліб житній");
      assertThat(b.text()).contains(words.get("stock.readOnly"));
      assertThat(b.all("#adjust-send")).isEmpty();
      assertThat(b.all("#level-save")).isEmpty();
      Object status =
          b.async(
              "fetch(location.pathname + '/adjust', {method: 'POST', body: new URLSearchParams({"
                  + "_csrf: document.querySelector('input[name=_csrf]').value, key:"
                  + " crypto.randomUUID(), reason: 'RECEIVED', quantity: '5'})})"
                  + ".then(r => done(r.status));");
      assertThat(((Number) status).intValue()).isEqualTo(403);
      b.open("/office/stock/" + cloud.demo.storeId() + "/items/nothing");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("notFound.title"));
    }
  }
}
