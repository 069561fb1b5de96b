package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's time a cash drawer may stand open, as the till gets it with its configuration, and
 * the audit event the till sends when a drawer was left open longer.
 */
class DrawerLeftOpenApiTest {

  private static TestCloud cloud;
  private static String terminal;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void aStoreLetsItsDrawersStandOpenAMinuteUntilToldOtherwise() {
    assertThat(config().asInt()).isEqualTo(60);
    cloud.services.admin().setDrawerLeftOpen(cloud.demo.organisationId(), cloud.demo.storeId(), 90);
    assertThat(config().asInt()).isEqualTo(90);
    cloud.services.admin().setDrawerLeftOpen(cloud.demo.organisationId(), cloud.demo.storeId(), 60);
  }

  @Test
  void aTimeOutsideTenSecondsToAnHourIsRefusedAndNothingChanges() {
    assertThatThrownBy(
            () ->
                cloud
                    .services
                    .admin()
                    .setDrawerLeftOpen(cloud.demo.organisationId(), cloud.demo.storeId(), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 to 3600 seconds");
    assertThatThrownBy(
            () ->
                cloud
                    .services
                    .admin()
                    .setDrawerLeftOpen(cloud.demo.organisationId(), UUID.randomUUID(), 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No store");
    assertThat(config().asInt()).isEqualTo(60);
  }

  @Test
  void aDrawerLeftOpenIsAuditedOnce() {
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\""
            + id
            + "\",\"action\":\"DRAWER_LEFT_OPEN\",\"employeeId\":\""
            + cloud.demo.cashierId()
            + "\",\"at\":\""
            + Instant.now()
            + "\",\"detail\":\"open 75 s (limit 60 s)\"}";
    long before = cloud.audited("DRAWER_LEFT_OPEN");
    assertThat(cloud.post(auth(), "/v1/audit-events", id.toString(), body).status()).isEqualTo(201);
    assertThat(cloud.post(auth(), "/v1/audit-events", id.toString(), body).status()).isEqualTo(200);
    assertThat(cloud.audited("DRAWER_LEFT_OPEN")).isEqualTo(before + 1);
  }

  private static com.fasterxml.jackson.databind.JsonNode config() {
    TestCloud.Reply r = cloud.send("GET", "/v1/terminal/config", null, auth());
    assertThat(r.status()).isEqualTo(200);
    return r.json().at("/store/drawerLeftOpenSeconds");
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", terminal);
  }
}
