package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.service.admin.StoreSetup;
import io.kasa.service.http.ApiException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store's legal identity and label layouts (ADR 0030): checked when set, carried to its tills in
 * their configuration, and moving the store's version so the tills hear of a change (ADR 0028).
 */
class StoreIdentityApiTest {

  private static TestCloud cloud;
  private static String till;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    till = cloud.enrollTerminal("S1", "Каса S1").authorization();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static StoreSetup stores() {
    return cloud.services.admin().stores();
  }

  private static UUID org() {
    return cloud.demo.organisationId();
  }

  private static UUID store() {
    return cloud.demo.storeId();
  }

  private static JsonNode config() {
    TestCloud.Reply reply =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", till));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().get("store");
  }

  private static long version() {
    return cloud.services.app().terminals().feed().version(org(), store());
  }

  @Test
  void theDemoStoresIdentityAndLayoutsReachItsTills() {
    JsonNode store = config();
    assertThat(store.at("/identity/legalName").asText()).isEqualTo("ТОВ «Колосок-Маркет»");
    assertThat(store.at("/identity/taxId").asText()).isEqualTo("43151207");
    assertThat(store.at("/identity/vatNumber").asText()).isEqualTo("431512026591");
    assertThat(store.at("/identity/address").asText()).contains("м. Київ");
    assertThat(store.get("barcodeLayouts").toString())
        .contains(
            "{\"prefix\":\"22\",\"kind\":\"WEIGHT\",\"itemDigits\":5,\"valueDigits\":5,\"valueDecimals\":3}")
        .contains(
            "{\"prefix\":\"26\",\"kind\":\"PRICE\",\"itemDigits\":5,\"valueDigits\":5,\"valueDecimals\":2}");
  }

  @Test
  void aChangedIdentityMovesTheStoresVersionAndTheTillsConfigurationCarriesIt() {
    long before = version();
    stores()
        .setIdentity(
            org(),
            store(),
            new StoreIdentityDto(null, "просп. Перемоги, 1, м. Київ", null, null, null, ""));
    assertThat(version()).isGreaterThan(before);
    JsonNode store = config();
    assertThat(store.at("/identity/address").asText()).isEqualTo("просп. Перемоги, 1, м. Київ");
    assertThat(store.at("/identity/legalName").asText()).isEqualTo("ТОВ «Колосок-Маркет»");
    assertThat(store.at("/identity/footer").isNull()).isTrue();
  }

  @Test
  void aMistypedEdrpouIsRefusedWithWhatIsWrongAndChangesNothing() {
    long before = version();
    assertThatThrownBy(
            () ->
                stores()
                    .setIdentity(
                        org(),
                        store(),
                        new StoreIdentityDto("ТОВ «Інша»", null, "43151208", null, null, null)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.getMessage())
                  .contains("ЄДРПОУ 43151208 is mistyped: its check digit does not match");
            });
    assertThat(version()).isEqualTo(before);
    assertThat(config().at("/identity/legalName").asText()).isEqualTo("ТОВ «Колосок-Маркет»");
  }

  @Test
  void aVatNumberOfTheWrongLengthIsRefused() {
    assertThatThrownBy(
            () ->
                stores()
                    .setIdentity(
                        org(),
                        store(),
                        new StoreIdentityDto(null, null, null, "4315120265", null, null)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("12 digits");
  }

  @Test
  void aNewLayoutMovesTheVersionAndReachesTheTillAndARemovedOneIsGone() {
    long before = version();
    stores().putLayout(org(), store(), new BarcodeLayoutDto("27", "PRICE", 4, 6, 2));
    long after = version();
    assertThat(after).isGreaterThan(before);
    assertThat(config().get("barcodeLayouts").toString()).contains("\"prefix\":\"27\"");
    stores().removeLayout(org(), store(), "27");
    assertThat(version()).isGreaterThan(after);
    assertThat(config().get("barcodeLayouts").toString()).doesNotContain("\"prefix\":\"27\"");
  }

  @Test
  void aLayoutOutsidePrefixes20To29OrTooLongForTheLabelIsRefused() {
    assertThatThrownBy(
            () -> stores().putLayout(org(), store(), new BarcodeLayoutDto("30", "PRICE", 5, 5, 2)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("20 to 29");
    assertThatThrownBy(
            () -> stores().putLayout(org(), store(), new BarcodeLayoutDto("25", "WEIGHT", 6, 5, 3)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("do not fit");
  }
}
