package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.catalog.ModifierOptionDto;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
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
 * Modifier groups against the real service (ADR 0043): the demo's latte asks for its milk (oat
 * +15,00 ₴); groups reach the tills with their items through the catalogue feed; the service checks
 * every option of a sale, stores what each line asked for, and refunds it at its full price.
 */
class ModifierApiTest {

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    // The sales below open two minutes ago: the catalogue was set before, so deltas are checked.
    Sales.priceSetAnHourAgo(cloud, "latte");
    Sales.priceSetAnHourAgo(cloud, "steak");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static ChosenModifierDto oat(long delta) {
    return new ChosenModifierDto("milk", "oat", delta, "Молоко", "Вівсяне");
  }

  /**
   * {@code quantity} lattes at 55,00 plus the options' {@code unitDeltas}, VAT 20 % inclusive, paid
   * exactly in cash.
   */
  private static SaleRequest latte(
      int quantity,
      long unitDeltas,
      List<ChosenModifierDto> options,
      String note,
      boolean offline) {
    long amount = quantity * (5500 + unitDeltas);
    long tax = Math.round(amount * 20 / 120.0);
    return new SaleRequest(
        UUID.randomUUID(),
        Sales.receipt(sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(
            new SaleLineDto(
                1,
                "latte",
                String.valueOf(quantity),
                5500,
                null,
                null,
                false,
                amount,
                options,
                note)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "CASH", amount, null, null)),
        new TotalsDto(amount, 0, tax, amount, 0, 0),
        offline,
        null);
  }

  private static TestCloud.Reply submit(SaleRequest r) {
    Map<String, String> headers = new HashMap<>(cashier);
    headers.put("Idempotency-Key", r.id().toString());
    return cloud.send("POST", "/v1/sales", Sales.json(r), headers);
  }

  private static String pointer(TestCloud.Reply reply) {
    return reply.json().get("errors").get(0).get("pointer").asText();
  }

  /** The catalogue changes after {@code cursor} as a till reads them. */
  private static JsonNode changes(String cursor) {
    TestCloud.Reply r =
        cloud.send(
            "GET",
            "/v1/catalog/changes?limit=5000" + (cursor.isEmpty() ? "" : "&since=" + cursor),
            null,
            Map.of("Authorization", terminal));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode item(JsonNode changes, String id) {
    for (JsonNode i : changes.get("items")) {
      if (i.get("id").asText().equals(id)) {
        return i;
      }
    }
    return null;
  }

  @Test
  void theGroupsReachTheTillsWithTheirItems() {
    JsonNode latte = item(changes(""), "latte");
    assertThat(latte).isNotNull();
    JsonNode milk = latte.get("modifierGroups").get(0);
    assertThat(milk.get("id").asText()).isEqualTo("milk");
    assertThat(milk.get("name").asText()).isEqualTo("Молоко");
    assertThat(milk.get("minChoices").asInt()).isEqualTo(1);
    assertThat(milk.get("options").get(1).get("name").asText()).isEqualTo("Вівсяне");
    assertThat(milk.get("options").get(1).get("priceDelta").asLong()).isEqualTo(1500);
    assertThat(latte.get("modifierGroups").get(1).get("id").asText()).isEqualTo("coffee-extras");
    assertThat(item(changes(""), "bread").get("modifierGroups")).isEmpty();
  }

  @Test
  void aChangedGroupSendsEveryItemOfferingItAgain() {
    String cursor = changes("").get("nextCursor").asText();
    cloud
        .services
        .admin()
        .modifiers()
        .putGroup(
            cloud.demo.organisationId(),
            new ModifierGroupDto(
                "sauce",
                "Соус",
                0,
                1,
                List.of(
                    new ModifierOptionDto("pepper", "Перцевий", 3500),
                    new ModifierOptionDto("bearnaise", "Беарнез", 4000),
                    new ModifierOptionDto("mushroom", "Грибний", 3000))));
    JsonNode after = changes(cursor);
    JsonNode steak = item(after, "steak");
    assertThat(steak).as("the steak offers the sauce").isNotNull();
    assertThat(steak.get("modifierGroups").get(1).get("options")).hasSize(3);
    assertThat(item(after, "latte")).as("the latte does not").isNull();
  }

  @Test
  void aLatteWithOatMilkIsRecordedWithWhatItAskedForAndRefundedInFull() {
    SaleRequest sale = latte(2, 1500, List.of(oat(1500)), "  без піни ", false);
    TestCloud.Reply reply = submit(sale);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    Map<String, Object> line =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select modifiers::text as modifiers, note, gross, unit_price from sale_line"
                                + " where sale_id = :id")
                        .bind("id", sale.id())
                        .mapToMap()
                        .one());
    assertThat(line.get("note")).isEqualTo("без піни");
    assertThat(((Number) line.get("gross")).longValue()).isEqualTo(14_000);
    assertThat(((Number) line.get("unit_price")).longValue()).isEqualTo(5_500);
    assertThat((String) line.get("modifiers"))
        .contains("\"groupId\": \"milk\"", "\"option\": \"Вівсяне\"", "\"priceDelta\": 1500");

    Map<String, String> h = new HashMap<>(manager);
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            sale.id(),
            Sales.receipt(sequence++),
            List.of(new RefundLineDto(1, "2")),
            "CASH",
            "Холодне",
            Instant.now(),
            null,
            null);
    h.put("Idempotency-Key", refund.id().toString());
    TestCloud.Reply refunded;
    try {
      refunded = cloud.send("POST", "/v1/refunds", TestCloud.JSON.writeValueAsString(refund), h);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
    assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
    assertThat(refunded.json().get("total").asLong()).isEqualTo(14_000);
  }

  /**
   * The customer's receipt (ADR 0041) replays the sale with its item's option groups: the latte's
   * line carries its milk and its note, priced as sold.
   */
  @Test
  void theCustomersReceiptShowsTheOptionsAsSold() {
    SaleRequest r = latte(1, 1500, List.of(oat(1500)), "без піни", false);
    String token = io.kasa.api.sales.ReceiptTokens.next();
    SaleRequest sale =
        new SaleRequest(
            r.id(),
            r.receiptNumber(),
            r.currency(),
            r.openedAt(),
            r.paidAt(),
            r.lines(),
            r.orderDiscount(),
            r.tenders(),
            r.totals(),
            r.offline(),
            r.approvalId(),
            token);
    TestCloud.Reply reply = submit(sale);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);

    TestCloud.Reply receipt = cloud.send("GET", "/v1/receipts/" + token, null, Map.of());
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
    JsonNode line = receipt.json().get("lines").get(0);
    assertThat(line.get("amount").asLong()).isEqualTo(7_000);
    List<String> extras = new java.util.ArrayList<>();
    line.get("extras").forEach(x -> extras.add(x.get("text").asText()));
    assertThat(extras)
        .anyMatch(x -> x.contains("Молоко") && x.contains("Вівсяне"))
        .anyMatch(x -> x.contains("без піни"));
    assertThat(receipt.json().get("totals").get("total").asLong()).isEqualTo(7_000);
    TestCloud.Reply page = cloud.send("GET", "/r/" + token, null, Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Вівсяне", "без піни");
  }

  @Test
  void anUnknownOptionOrGroupIsRefusedNamingItsPlaceAndNothingIsWritten() {
    long sales = cloud.count("sale");
    TestCloud.Reply option =
        submit(
            latte(
                1,
                0,
                List.of(new ChosenModifierDto("milk", "soy", 0, "Молоко", "Соєве")),
                null,
                false));
    assertThat(option.status()).as(option.body()).isEqualTo(422);
    assertThat(option.contentType()).startsWith("application/problem+json");
    assertThat(pointer(option)).isEqualTo("/lines/0/modifiers/0/optionId");

    TestCloud.Reply group =
        submit(
            latte(
                1,
                1500,
                List.of(oat(1500), new ChosenModifierDto("size", "xl", 0, null, null)),
                null,
                false));
    assertThat(group.status()).as(group.body()).isEqualTo(422);
    assertThat(pointer(group)).isEqualTo("/lines/0/modifiers/1/groupId");
    assertThat(cloud.count("sale")).isEqualTo(sales);
  }

  @Test
  void aMissingRequiredGroupOrTooManyChoicesIsRefused() {
    TestCloud.Reply missing =
        submit(
            latte(
                1,
                1500,
                List.of(new ChosenModifierDto("coffee-extras", "shot", 1500, null, null)),
                null,
                false));
    assertThat(missing.status()).as(missing.body()).isEqualTo(422);
    assertThat(pointer(missing)).isEqualTo("/lines/0/modifiers");
    assertThat(missing.json().get("detail").asText()).contains("Молоко");

    TestCloud.Reply twice =
        submit(
            latte(
                1,
                1500,
                List.of(oat(1500), new ChosenModifierDto("milk", "regular", 0, null, null)),
                null,
                false));
    assertThat(twice.status()).as(twice.body()).isEqualTo(422);
    assertThat(pointer(twice)).isEqualTo("/lines/0/modifiers");
  }

  @Test
  void aWrongDeltaIsRefusedOnlineAndKeptFromATillThatSoldOffline() {
    TestCloud.Reply online = submit(latte(1, 1000, List.of(oat(1000)), null, false));
    assertThat(online.status()).as(online.body()).isEqualTo(422);
    assertThat(pointer(online)).isEqualTo("/lines/0/modifiers/0/priceDelta");

    TestCloud.Reply offline = submit(latte(1, 1000, List.of(oat(1000)), null, true));
    assertThat(offline.status()).as(offline.body()).isEqualTo(201);
  }

  @Test
  void aNoteTooLongIsRefused() {
    TestCloud.Reply reply = submit(latte(1, 1500, List.of(oat(1500)), "x".repeat(201), false));
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(pointer(reply)).startsWith("/lines/0/note");
  }

  @Test
  void anOlderTillsSaleWithoutModifiersIsStillAccepted() {
    // Bread as a till older than modifiers sends it: no modifiers, no note in the line at all.
    String body =
        ("{'id':'%s','receiptNumber':'%s','currency':'UAH','openedAt':'%s','paidAt':'%s',"
                + "'lines':[{'number':1,'itemId':'bread','quantity':'1','unitPrice':3100,"
                + "'priceOverrideReason':null,'discount':null,'voided':false,'amount':3100}],"
                + "'orderDiscount':null,'tenders':[{'id':'%s','type':'CASH','amount':3100}],"
                + "'totals':{'subtotal':3100,'discounts':0,'tax':517,'total':3100,"
                + "'cashRounding':0,'change':0},'offline':false,'approvalId':null}")
            .replace('\'', '"');
    UUID id = UUID.randomUUID();
    String json =
        body.formatted(
            id,
            Sales.receipt(sequence++),
            Instant.now().minusSeconds(120),
            Instant.now().minusSeconds(60),
            UUID.randomUUID());
    Map<String, String> headers = new HashMap<>(cashier);
    headers.put("Idempotency-Key", id.toString());
    TestCloud.Reply reply = cloud.send("POST", "/v1/sales", json, headers);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @Test
  void aLatteAskingNothingOfItsRequiredMilkIsRefusedEvenFromAnOlderTill() {
    TestCloud.Reply reply = submit(latte(1, 0, List.of(), null, false));
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(pointer(reply)).isEqualTo("/lines/0/modifiers");
  }

  @Test
  void theImportLinksGroupsItKnowsAndRefusesOthers() throws Exception {
    String header =
        "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active,"
            + "min_price,max_price,modifier_groups\n";
    CatalogImport.Result bad =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(
                cloud.demo.organisationId(),
                new StringReader(
                    header
                        + "flat-white,SKU-FW,Флет вайт,,EACH,60.00,VAT20,Кафе,,,,,,milk;nope\n"));
    assertThat(bad.errors()).singleElement().asString().contains("line 2", "nope");
    CatalogImport.Result ok =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(
                cloud.demo.organisationId(),
                new StringReader(
                    header
                        + "flat-white,SKU-FW,Флет вайт,,EACH,60.00,VAT20,Кафе,,,,,,milk;coffee-extras\n"));
    assertThat(ok.errors()).isEmpty();
    JsonNode fw = item(changes(""), "flat-white");
    assertThat(fw.get("modifierGroups"))
        .extracting(g -> g.get("id").asText())
        .containsExactly("milk", "coffee-extras");
  }

  @Test
  void anotherOrganisationCannotOfferThisOnesGroups() {
    UUID other = cloud.services.admin().createOrganisation("Інша");
    cloud.services.admin().putTaxClass(other, "VAT20", "А", new java.math.BigDecimal("20"));
    cloud
        .services
        .admin()
        .putItem(
            other,
            new io.kasa.api.catalog.ItemDto(
                "tea", "SKU-TEA", "Чай", List.of(), "EACH", 3000, "VAT20", null, false, false,
                true));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cloud.services.admin().modifiers().setItemGroups(other, "tea", List.of("milk")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No modifier group milk");
  }
}
