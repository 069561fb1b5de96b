package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.service.catalog.CatalogImport;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An open-price item's limits: the demo's gift set sells from 100,00 to 5 000,00 ₴. They reach the
 * tills with the item, come in with the catalogue import, and the service refuses an online sale
 * outside them.
 */
class OpenPriceLimitsApiTest {

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> cashier;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    // Sales below open a minute ago: the limits were set before, so they are checked.
    Sales.priceSetAnHourAgo(cloud, "gift");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** One gift set (VAT 20 % inclusive) at {@code price}, paid exactly in cash. */
  private static SaleRequest gift(long price, boolean offline) {
    long tax = Math.round(price * 20 / 120.0);
    return new SaleRequest(
        UUID.randomUUID(),
        Sales.receipt(sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(new SaleLineDto(1, "gift", "1", price, null, null, false, price)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "CASH", price, null, null)),
        new TotalsDto(price, 0, tax, price, 0, 0),
        offline,
        null);
  }

  private static TestCloud.Reply submit(SaleRequest r) {
    Map<String, String> headers = new HashMap<>(cashier);
    headers.put("Idempotency-Key", r.id().toString());
    return cloud.send("POST", "/v1/sales", Sales.json(r), headers);
  }

  /** The item as a till fetching the whole catalogue now gets it. */
  private static JsonNode item(String id) {
    JsonNode found = null;
    String cursor = "";
    boolean more = true;
    while (more) {
      TestCloud.Reply r =
          cloud.send(
              "GET",
              "/v1/catalog/changes?limit=500" + (cursor.isEmpty() ? "" : "&since=" + cursor),
              null,
              Map.of("Authorization", terminal));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      for (JsonNode i : r.json().get("items")) {
        if (i.get("id").asText().equals(id)) {
          found = i;
        }
      }
      cursor = r.json().get("nextCursor").asText();
      more = r.json().get("more").asBoolean();
    }
    assertThat(found).as("item " + id).isNotNull();
    return found;
  }

  @Test
  void theGiftSetsLimitsReachTheTillsWithTheItem() {
    JsonNode gift = item("gift");
    assertThat(gift.get("openPrice").asBoolean()).isTrue();
    assertThat(gift.get("minPrice").asLong()).isEqualTo(10_000);
    assertThat(gift.get("maxPrice").asLong()).isEqualTo(500_000);
    JsonNode salad = item("salad");
    assertThat(salad.get("minPrice").isNull()).isTrue();
    assertThat(salad.get("maxPrice").isNull()).isTrue();
  }

  @Test
  void aGiftSetWithinItsLimitsIsRecordedTheLimitsThemselvesIncluded() {
    for (long price : new long[] {10_000, 25_000, 500_000}) {
      TestCloud.Reply reply = submit(gift(price, false));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
  }

  @Test
  void aGiftSetBelowOrAboveItsLimitsIsRefusedInWordsARegisterCanSayAndNothingIsWritten() {
    long sales = cloud.count("sale");
    TestCloud.Reply below = submit(gift(5_000, false));
    assertThat(below.status()).as(below.body()).isEqualTo(422);
    assertThat(below.contentType()).startsWith("application/problem+json");
    JsonNode problem = below.json();
    assertThat(problem.get("type").asText()).endsWith("/open-price-out-of-range");
    assertThat(problem.get("errors").get(0).get("pointer").asText())
        .isEqualTo("/lines/0/unitPrice");
    assertThat(problem.get("arguments").get("item").asText()).isEqualTo("Подарунковий набір");
    assertThat(problem.get("arguments").get("price").asText()).isEqualTo("50.00");
    assertThat(problem.get("arguments").get("min").asText()).isEqualTo("100.00");
    assertThat(problem.get("arguments").get("max").asText()).isEqualTo("5000.00");
    assertThat(problem.get("detail").asText()).contains("Line 1", "at least 100.00");

    TestCloud.Reply above = submit(gift(500_001, false));
    assertThat(above.status()).as(above.body()).isEqualTo(422);
    assertThat(above.json().get("type").asText()).endsWith("/open-price-out-of-range");
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  @Test
  void aSaleMadeOfflineOutsideTheLimitsIsRecordedForTheTillSoldWithTheLimitsItHad() {
    TestCloud.Reply reply = submit(gift(5_000, true));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @Test
  void theImportTakesLimitsAndNamesEveryBadOneByLine() throws Exception {
    String header =
        "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active,"
            + "min_price,max_price";
    String csv =
        String.join(
            "\n",
            header,
            "flowers,SKU-FLOWERS,Букет,4820000000604,EACH,0,VAT20,Квіти,true,,,50.00,2000.00",
            "wrap,SKU-WRAP,Пакування,,EACH,0,VAT20,,true,,,,",
            "upside,SKU-UP,Догори дригом,,EACH,0,VAT20,,true,,,500.00,100.00",
            "zero,SKU-ZERO,Нуль,,EACH,0,VAT20,,true,,,0,10.00",
            "words,SKU-WORDS,Слова,,EACH,0,VAT20,,true,,,,lots",
            "fixed,SKU-FIXED,Хліб,,EACH,31.00,VAT20,,false,,,10.00,");
    long before = cloud.count("item");
    CatalogImport.Result bad =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(cloud.demo.organisationId(), new StringReader(csv));
    assertThat(bad.imported()).isZero();
    assertThat(bad.errors())
        .containsExactly(
            "line 4: min_price '500.00' is above max_price '100.00'",
            "line 5: min_price '0' must be above zero",
            "line 6: max_price 'lots' is not an amount in UAH",
            "line 7: min_price and max_price are for open-price items (open_price true) only");
    assertThat(cloud.count("item")).isEqualTo(before);

    String good = csv.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElseThrow();
    CatalogImport.Result ok =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(cloud.demo.organisationId(), new StringReader(good));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.imported()).isEqualTo(2);
    JsonNode flowers = item("flowers");
    assertThat(flowers.get("minPrice").asLong()).isEqualTo(5_000);
    assertThat(flowers.get("maxPrice").asLong()).isEqualTo(200_000);
    assertThat(item("wrap").get("minPrice").isNull()).isTrue();
  }

  @Test
  void aManagerSetsLimitsTheTillsHearThemAndALowestAboveTheHighestIsRefused() {
    UUID org = cloud.demo.organisationId();
    assertThatThrownBy(() -> cloud.services.admin().setPriceLimits(org, "SKU-GIFT", 9_000L, 100L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the highest");
    assertThatThrownBy(() -> cloud.services.admin().setPriceLimits(org, "bread", 100L, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixed price");
    assertThatThrownBy(() -> cloud.services.admin().setPriceLimits(org, "nope", 100L, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No item");
    assertThat(item("gift").get("minPrice").asLong()).isEqualTo(10_000);

    cloud.services.admin().setPriceLimits(org, "SKU-SALAD", 2_000L, null);
    cloud.awaitHeard();
    JsonNode salad = item("salad");
    assertThat(salad.get("minPrice").asLong()).isEqualTo(2_000);
    assertThat(salad.get("maxPrice").isNull()).isTrue();
    Sales.priceSetAnHourAgo(cloud, "salad");
    SaleRequest cheap =
        new SaleRequest(
            UUID.randomUUID(),
            Sales.receipt(sequence++),
            "UAH",
            Instant.now().minusSeconds(120),
            Instant.now().minusSeconds(60),
            List.of(new SaleLineDto(1, "salad", "1", 1_000, null, null, false, 1_000)),
            null,
            List.of(new TenderDto(UUID.randomUUID(), "CASH", 1_000, null, null)),
            new TotalsDto(1_000, 0, 167, 1_000, 0, 0),
            false,
            null);
    TestCloud.Reply refused = submit(cheap);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().get("arguments").get("max").asText()).isEmpty();

    cloud.services.admin().setPriceLimits(org, "salad", null, null);
    cloud.awaitHeard();
    Sales.priceSetAnHourAgo(cloud, "salad");
    assertThat(item("salad").get("minPrice").isNull()).isTrue();
    TestCloud.Reply accepted = submit(cheap);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
  }
}
