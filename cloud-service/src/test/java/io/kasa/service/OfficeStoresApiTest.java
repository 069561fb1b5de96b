package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Stores screen's documented routes (issue 22, ADR 0051): the stores an account may see, a new
 * store, one store's settings and a partial change of them; a change reaches the store's tills in
 * their configuration (the same path as the admin commands), is audited with the account naming
 * what changed; read by every account, changed only by an owner or a manager, never across
 * organisations or outside an account's stores; a bad setting is a problem naming it.
 */
class OfficeStoresApiTest {

  private static TestCloud cloud;
  private static UUID second;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    second =
        cloud
            .services
            .admin()
            .createStore(
                cloud.demo.organisationId(),
                "K2",
                "Колосок на Подолі",
                "UAH",
                "INCLUSIVE",
                "PER_RECEIPT",
                1,
                BigDecimal.TEN);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static Map<String, String> office(String role, List<UUID> stores) {
    return office(cloud.demo.organisationId(), role, stores);
  }

  private static Map<String, String> office(UUID org, String role, List<UUID> stores) {
    return cloud.officeBearer(cloud.officeAccount(org, role, stores));
  }

  private static TestCloud.Reply send(
      String method, Map<String, String> who, String path, String body) {
    Map<String, String> h = new HashMap<>(who);
    if (body != null) {
      h.put("Content-Type", "application/json");
    }
    return cloud.send(method, path, body, h);
  }

  private static TestCloud.Reply patch(Map<String, String> who, UUID store, String body) {
    return send("PATCH", who, "/v1/office/stores/" + store, body);
  }

  private static String pointer(TestCloud.Reply r) {
    return r.json().get("errors").get(0).get("pointer").asText();
  }

  private static JsonNode config(String authorization) {
    TestCloud.Reply r =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", authorization));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long feedVersion(UUID store) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select version from terminal_feed where store_id = :s")
                    .bind("s", store)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(0L));
  }

  @Test
  void aChangeReachesTheTillsConfigurationAndIsAuditedWithTheAccount() {
    TestCloud.Enrolled till = cloud.enrollTerminal("S1", "Stores");
    Map<String, String> manager = office("manager", List.of(cloud.demo.storeId()));
    long before = feedVersion(cloud.demo.storeId());

    TestCloud.Reply changed =
        patch(
            manager,
            cloud.demo.storeId(),
            "{\"identity\":{\"footer\":\"Дякуємо!\\nДо зустрічі\"},\"cashIncrement\":50,"
                + "\"timeZone\":\"Europe/Warsaw\",\"taxMode\":\"EXCLUSIVE\","
                + "\"offlineCards\":{\"allowed\":true,\"perSaleLimit\":50000,"
                + "\"totalLimit\":300000,\"windowMinutes\":120},"
                + "\"discountLimits\":{\"CASHIER\":\"15\"},"
                + "\"barcodeLayouts\":[{\"prefix\":\"22\",\"kind\":\"WEIGHT\",\"itemDigits\":5,"
                + "\"valueDigits\":5,\"valueDecimals\":3},{\"prefix\":\"25\",\"kind\":\"PRICE\","
                + "\"itemDigits\":4,\"valueDigits\":6,\"valueDecimals\":2}]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonNode s = changed.json();
    assertThat(s.at("/identity/footer").asText()).isEqualTo("Дякуємо!\nДо зустрічі");
    // What was not named stays.
    assertThat(s.at("/identity/taxId").asText()).isEqualTo("43151207");
    assertThat(s.get("cashIncrement").asLong()).isEqualTo(50);
    assertThat(s.get("timeZone").asText()).isEqualTo("Europe/Warsaw");
    assertThat(s.at("/discountLimits/CASHIER").asText()).isEqualTo("15");
    assertThat(s.get("barcodeLayouts")).hasSize(2);

    // The store's version moved, so the tills hear of it; their configuration carries it all.
    assertThat(feedVersion(cloud.demo.storeId())).isGreaterThan(before);
    JsonNode config = config(till.authorization());
    assertThat(config.at("/store/identity/footer").asText()).isEqualTo("Дякуємо!\nДо зустрічі");
    assertThat(config.at("/store/cashIncrement").asLong()).isEqualTo(50);
    assertThat(config.at("/store/taxMode").asText()).isEqualTo("EXCLUSIVE");
    // The till prints and shows the store's time, not its machine's.
    assertThat(config.at("/store/timeZone").asText()).isEqualTo("Europe/Warsaw");
    assertThat(config.at("/store/offlineCards/perSaleLimit").asLong()).isEqualTo(50000);
    assertThat(config.at("/store/offlineCards/windowMinutes").asInt()).isEqualTo(120);
    assertThat(config.at("/store/barcodeLayouts/1/prefix").asText()).isEqualTo("25");
    assertThat(config.at("/discountLimits/CASHIER").asText()).isEqualTo("15");

    // Audited with the account, naming what changed.
    List<String> details =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select detail from audit_log where action = 'office.store.changed'"
                                + " and office_account_id is not null order by at")
                        .mapTo(String.class)
                        .list());
    assertThat(details).isNotEmpty();
    assertThat(details.get(details.size() - 1))
        .startsWith("K1: ")
        .contains("receiptFooter", "cashIncrement: «10» → «50»", "timeZone", "barcodeLayouts");
    assertThat(
            cloud
                .database
                .jdbi()
                .<Long, RuntimeException>withHandle(
                    h ->
                        h.createQuery(
                                "select count(*) from audit_log where action = 'DISCOUNT_LIMIT_SET'"
                                    + " and office_account_id is not null")
                            .mapTo(Long.class)
                            .one()))
        .isEqualTo(1);

    // A change of nothing changes nothing and audits nothing.
    long audited = cloud.audited("office.store.changed");
    assertThat(patch(manager, cloud.demo.storeId(), "{\"cashIncrement\":50}").status())
        .isEqualTo(200);
    assertThat(cloud.audited("office.store.changed")).isEqualTo(audited);

    // Read back as it was stored.
    TestCloud.Reply read = send("GET", manager, "/v1/office/stores/" + cloud.demo.storeId(), null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("tills").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(read.json().get("publicAddress").isNull()).isFalse();
  }

  @Test
  void aBadSettingIsAProblemNamingItAndNothingIsWritten() {
    Map<String, String> owner = office("owner", List.of());
    TestCloud.Reply shortTaxId = patch(owner, second, "{\"identity\":{\"taxId\":\"1234567\"}}");
    assertThat(shortTaxId.status()).as(shortTaxId.body()).isEqualTo(422);
    assertThat(pointer(shortTaxId)).isEqualTo("/identity/taxId");

    TestCloud.Reply checkDigit =
        patch(owner, second, "{\"name\":\"Kept?\",\"identity\":{\"taxId\":\"43151208\"}}");
    assertThat(checkDigit.status()).isEqualTo(422);
    assertThat(pointer(checkDigit)).isEqualTo("/identity/taxId");

    TestCloud.Reply zone = patch(owner, second, "{\"timeZone\":\"Mars/Olympus\"}");
    assertThat(zone.status()).isEqualTo(422);
    assertThat(pointer(zone)).isEqualTo("/timeZone");

    TestCloud.Reply negative =
        patch(
            owner,
            second,
            "{\"offlineCards\":{\"allowed\":true,\"perSaleLimit\":-1,\"totalLimit\":0,"
                + "\"windowMinutes\":0}}");
    assertThat(negative.status()).isBetween(400, 422);
    assertThat(pointer(negative)).isEqualTo("/offlineCards/perSaleLimit");

    TestCloud.Reply total =
        patch(
            owner,
            second,
            "{\"offlineCards\":{\"allowed\":true,\"perSaleLimit\":500,\"totalLimit\":100,"
                + "\"windowMinutes\":0}}");
    assertThat(total.status()).isEqualTo(422);
    assertThat(pointer(total)).isEqualTo("/offlineCards/totalLimit");

    TestCloud.Reply percent = patch(owner, second, "{\"discountLimits\":{\"MANAGER\":\"101\"}}");
    assertThat(percent.status()).isEqualTo(422);
    assertThat(pointer(percent)).isEqualTo("/discountLimits/MANAGER");

    TestCloud.Reply layout =
        patch(
            owner,
            second,
            "{\"barcodeLayouts\":[{\"prefix\":\"23\",\"kind\":\"PRICE\",\"itemDigits\":6,"
                + "\"valueDigits\":6,\"valueDecimals\":2}]}");
    assertThat(layout.status()).isEqualTo(422);
    assertThat(pointer(layout)).isEqualTo("/barcodeLayouts/0/itemDigits");

    TestCloud.Reply mode = patch(owner, second, "{\"taxMode\":\"SOMETIMES\"}");
    assertThat(mode.status()).isBetween(400, 422);
    assertThat(pointer(mode)).isEqualTo("/taxMode");
    assertThat(mode.contentType()).startsWith("application/problem+json");

    TestCloud.Reply unknown = patch(owner, second, "{\"colour\":\"green\"}");
    assertThat(unknown.status()).isBetween(400, 422);

    // Nothing of a refused change was written: the name stays.
    assertThat(send("GET", owner, "/v1/office/stores/" + second, null).json().get("name").asText())
        .isEqualTo("Колосок на Подолі");
  }

  @Test
  void anOwnerCreatesAStoreAndTheOthersMayNot() {
    Map<String, String> owner = office("owner", List.of());
    TestCloud.Reply made =
        send(
            "POST",
            owner,
            "/v1/office/stores",
            "{\"code\":\"K7\",\"name\":\"Колосок на Оболоні\",\"currency\":\"UAH\","
                + "\"timeZone\":\"Europe/Kyiv\",\"cashIncrement\":10}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.json().get("code").asText()).isEqualTo("K7");
    assertThat(made.json().get("taxMode").asText()).isEqualTo("INCLUSIVE");
    assertThat(made.json().at("/barcodeLayouts/0/prefix").asText()).isEqualTo("22");
    assertThat(cloud.audited("office.store.created")).isGreaterThanOrEqualTo(1);
    assertThat(
            send("GET", owner, "/v1/office/stores", null)
                .json()
                .get("stores")
                .findValuesAsText("code"))
        .contains("K1", "K2", "K7");

    TestCloud.Reply again =
        send(
            "POST",
            owner,
            "/v1/office/stores",
            "{\"code\":\"K7\",\"name\":\"Again\",\"currency\":\"UAH\"}");
    assertThat(again.status()).isEqualTo(409);
    TestCloud.Reply currency =
        send(
            "POST",
            owner,
            "/v1/office/stores",
            "{\"code\":\"K8\",\"name\":\"Money\",\"currency\":\"ABC\"}");
    assertThat(currency.status()).isEqualTo(422);
    assertThat(pointer(currency)).isEqualTo("/currency");

    Map<String, String> manager = office("manager", List.of());
    assertThat(
            send(
                    "POST",
                    manager,
                    "/v1/office/stores",
                    "{\"code\":\"K9\",\"name\":\"No\",\"currency\":\"UAH\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void signedOutIs401AndAnAccountantReadsButChangesNothing() {
    assertThat(cloud.send("GET", "/v1/office/stores", null, Map.of()).status()).isEqualTo(401);
    assertThat(
            cloud
                .send(
                    "PATCH",
                    "/v1/office/stores/" + second,
                    "{\"name\":\"X\"}",
                    Map.of("Content-Type", "application/json"))
                .status())
        .isEqualTo(401);

    Map<String, String> accountant = office("accountant", List.of());
    assertThat(send("GET", accountant, "/v1/office/stores/" + second, null).status())
        .isEqualTo(200);
    TestCloud.Reply refused = patch(accountant, second, "{\"name\":\"Accountant's\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(
            send(
                    "POST",
                    accountant,
                    "/v1/office/stores",
                    "{\"code\":\"K10\",\"name\":\"No\",\"currency\":\"UAH\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void anotherOrganisationsStoreAndAStoreOutOfScopeAreNotFound() {
    UUID otherOrg = cloud.services.admin().createOrganisation("Інша");
    UUID theirs =
        cloud
            .services
            .admin()
            .createStore(
                otherOrg, "O1", "Чужий", "UAH", "INCLUSIVE", "PER_LINE", 1, BigDecimal.TEN);
    Map<String, String> owner = office("owner", List.of());
    assertThat(send("GET", owner, "/v1/office/stores/" + theirs, null).status()).isEqualTo(404);
    assertThat(patch(owner, theirs, "{\"name\":\"Ours now\"}").status()).isEqualTo(404);
    assertThat(
            send("GET", owner, "/v1/office/stores", null)
                .json()
                .get("stores")
                .findValuesAsText("code"))
        .doesNotContain("O1");
    assertThat(send("GET", owner, "/v1/office/stores/not-a-uuid", null).status()).isEqualTo(404);

    // A manager of the first store only neither lists nor reads nor changes the second.
    Map<String, String> scoped = office("manager", List.of(cloud.demo.storeId()));
    assertThat(
            send("GET", scoped, "/v1/office/stores", null)
                .json()
                .get("stores")
                .findValuesAsText("id"))
        .containsExactly(cloud.demo.storeId().toString());
    assertThat(send("GET", scoped, "/v1/office/stores/" + second, null).status()).isEqualTo(404);
    assertThat(patch(scoped, second, "{\"name\":\"Mine now\"}").status()).isEqualTo(404);
    assertThat(
            cloud
                .database
                .jdbi()
                .<String, RuntimeException>withHandle(
                    h ->
                        h.createQuery("select name from store where id = :id")
                            .bind("id", theirs)
                            .mapTo(String.class)
                            .one()))
        .isEqualTo("Чужий");
  }
}
