package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.service.EventStream;
import io.kasa.service.TestCloud;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue screen in a real browser (issue 22 points 2 and 5, ADR 0046), in Ukrainian and in
 * English: a price edited on the page reaches an enrolled till's change feed, the till fetches it,
 * and the item's page then says the till applied it; a CSV with bad rows imports nothing and names
 * each bad row by its line. Every page passes axe-core, fits a 360-px phone with 48-px targets and
 * logs no console error; photographed with {@code -Dkasa.screenshots=DIR}.
 */
class OfficeCatalogueBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;
  private static TestCloud.Enrolled till;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    till = cloud.enrollTerminal("B1", "Каса B1");
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static Browser signedIn(String flow, String lang) throws Exception {
    String email = flow + "-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "manager", List.of(), PASSWORD);
    Browser b = Browser.on(cloud, lang);
    b.signIn(email, PASSWORD);
    assertThat(b.path()).isEqualTo("/office/");
    return b;
  }

  private static Map<String, String> asTill() {
    return Map.of("Authorization", till.authorization());
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void aPriceEditedReachesTheTillsChangeFeed(String lang) throws Exception {
    // uk edits the bread, en the milk; each types the price its own way.
    String item = lang.equals("uk") ? "bread" : "milk";
    String typed = lang.equals("uk") ? "33,50" : "44.90";
    long minor = lang.equals("uk") ? 3350 : 4490;
    Words words = Words.of(lang);
    String cursor =
        cloud
            .send("GET", "/v1/catalog/changes?limit=5000", null, asTill())
            .json()
            .get("nextCursor")
            .asText();
    long version =
        cloud
            .services
            .app()
            .terminals()
            .feed()
            .version(cloud.demo.organisationId(), cloud.demo.storeId());
    try (Browser b = signedIn("prices", lang)) {
      b.open("/office/catalogue");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("catalogue.title"));
      assertThat(b.text()).contains("Хліб житній", "Молоко 2,5 % 900 г");
      b.check("catalogue");
      // The gift set is priced at the counter within limits, not «0,00».
      b.open("/office/catalogue?q=4820004567899");
      assertThat(b.find("table.items tbody tr td.num").getText())
          .startsWith(lang.equals("uk") ? "на касі, 100,00" : "at the counter, ")
          .contains("5");

      b.type("#q", lang.equals("uk") ? "4820000191357" : "4820001234565");
      b.submit("#q");
      assertThat(b.all("table.items tbody tr")).hasSize(1);
      b.find("table.items tbody tr a").click();
      assertThat(b.path()).isEqualTo("/office/catalogue/items/" + item);

      Map<String, String> feedHeaders =
          Map.of("Authorization", till.authorization(), "Last-Event-ID", Long.toString(version));
      try (EventStream feed = new EventStream(cloud.uri("/v1/terminal/changes"), feedHeaders)) {
        assertThat(feed.status()).isEqualTo(200);
        b.type("#price", typed);
        b.submit("#price");
        assertThat(b.find("#item-saved").getText()).isEqualTo(words.get("catalogue.saved"));
        assertThat(b.find("#reach-summary").getText())
            .isEqualTo(words.get("catalogue.reach.summary", "0", "1"));
        EventStream.Event heard = feed.next("CHANGED", 10);
        assertThat(heard).as("the till's change feed carries the new price").isNotNull();
        assertThat(Long.parseLong(heard.id())).isGreaterThan(version);
      }
      JsonNode page =
          cloud.send("GET", "/v1/catalog/changes?since=" + cursor, null, asTill()).json();
      assertThat(page.get("items")).hasSize(1);
      assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(item);
      assertThat(page.get("items").get(0).get("price").asLong()).isEqualTo(minor);

      b.open("/office/catalogue/items/" + item);
      assertThat(b.find("#reach-summary").getText())
          .isEqualTo(words.get("catalogue.reach.summary", "1", "1"));
      assertThat(b.find("ul.tills li.applied").getText()).contains("Каса B1");
      b.check("catalogue-item");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void aCsvWithBadRowsIsRefusedAndEachBadLineNamed(String lang) throws Exception {
    Words words = Words.of(lang);
    Path csv = Files.createTempFile("catalogue-" + lang, ".csv");
    Files.writeString(
        csv,
        "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n"
            + "csv-"
            + lang
            + ",CSV-1,Good row,,EACH,10.00,VAT20,Test,false,false,true\n"
            + "csv-bad-1,CSV-2,Bad price,,EACH,ten,VAT20,Test,false,false,true\n"
            + "csv-bad-2,CSV-3,Bad unit,,BOX,1.00,VAT20,Test,false,false,true\n",
        StandardCharsets.UTF_8);
    try (Browser b = signedIn("imports", lang)) {
      b.open("/office/catalogue");
      b.find("#file").sendKeys(csv.toAbsolutePath().toString());
      b.submit("#file");
      assertThat(b.find("#import-errors").getText())
          .contains(words.get("catalogue.import.rejected"))
          .contains(
              words.get(
                  "catalogue.import.line",
                  "3",
                  words.get("catalogue.problem.amount", "price", "ten", "UAH")))
          .contains(
              words.get("catalogue.import.line", "4", words.get("catalogue.problem.unit", "BOX")));
      b.check("catalogue-import");
      assertThat(cloud.count("item where id = 'csv-" + lang + "'"))
          .as("the good row is not applied either")
          .isZero();
    } finally {
      Files.deleteIfExists(csv);
    }
  }
}
