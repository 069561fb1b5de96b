package io.kasa.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.SaleResponse;
import io.kasa.api.sales.TotalsDto;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the real service on an embedded PostgreSQL, over real HTTP. */
class CloudClientTest {

  private static TestCloud cloud;
  private static CloudClient client;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    client =
        new CloudClient(
            CloudClientConfig.defaults(URI.create("http://127.0.0.1:" + cloud.app.port())),
            Credentials.none());
    client.enroll(cloud.demo.terminal().enrollmentCode(), "counter 1");
    client.signIn(cloud.demo.cashierId().toString(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    cloud.close();
  }

  @Test
  void aSaleIsRecordedOnceHoweverOftenItIsSent() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
    long before = cloud.count("sale");
    SaleResponse first = client.submitSale(sale);
    SaleResponse again = client.submitSale(sale);
    assertThat(again).isEqualTo(first);
    assertThat(first.totals().tax()).isEqualTo(1664);
    assertThat(client.sale(sale.id())).isEqualTo(first);
    assertThat(client.saleByReceipt(sale.receiptNumber())).contains(first);
    assertThat(client.saleByReceipt("K1-T1-999999")).isEmpty();
    assertThat(cloud.count("sale")).isEqualTo(before + 1);
  }

  @Test
  void theServicesProblemComesBackTyped() {
    SaleRequest good = Sales.breadAndAspirin(UUID.randomUUID(), 2, "tok_approve");
    List<SaleLineDto> lines = new ArrayList<>(good.lines());
    lines.set(0, new SaleLineDto(1, "bread", "2", 3100, null, null, false, 6100));
    SaleRequest wrong =
        new SaleRequest(
            good.id(),
            good.receiptNumber(),
            good.currency(),
            good.openedAt(),
            good.paidAt(),
            lines,
            null,
            good.tenders(),
            new TotalsDto(15740, 0, 1664, 15740, 0, 4260),
            false,
            null);
    assertThatThrownBy(() -> client.submitSale(wrong))
        .isInstanceOfSatisfying(
            CloudProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.kind()).isEqualTo("validation");
              assertThat(e.problem().errors().get(0).pointer()).startsWith("/lines/0");
            });
    SaleRequest declined = Sales.breadAndAspirin(UUID.randomUUID(), 3, "tok_decline");
    assertThatThrownBy(() -> client.submitSale(declined))
        .isInstanceOfSatisfying(
            CloudProblemException.class, e -> assertThat(e.kind()).isEqualTo("card-declined"));
  }

  @Test
  void theCatalogueAndHealth() {
    CatalogChanges changes = client.catalogChanges(null, 100);
    assertThat(changes.items()).extracting(i -> i.id()).contains("bread", "aspirin");
    assertThat(changes.taxClasses()).hasSize(3);
    assertThat(client.healthy()).isTrue();
  }

  @Test
  void theTerminalsConfigurationAndAnAuditEventRecordedOnce() {
    var config = client.terminalConfig();
    assertThat(config.store().code()).isEqualTo("K1");
    assertThat(config.staff()).isNotEmpty();
    long before = cloud.audited("RECEIPT_REPRINT");
    var event =
        new io.kasa.api.terminal.AuditEventRequest(
            java.util.UUID.randomUUID(),
            "RECEIPT_REPRINT",
            cloud.demo.cashierId(),
            java.time.Instant.now(),
            "receipt K1-T1-000001");
    client.auditEvent(event);
    client.auditEvent(event);
    assertThat(cloud.audited("RECEIPT_REPRINT")).isEqualTo(before + 1);
  }

  @Test
  void withoutASessionTheServiceSays401() {
    CloudClient other =
        new CloudClient(
            CloudClientConfig.defaults(URI.create("http://127.0.0.1:" + cloud.app.port())),
            new Credentials(client.credentials().terminal()));
    try {
      assertThatThrownBy(() -> other.sale(UUID.randomUUID()))
          .isInstanceOfSatisfying(
              CloudProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    } finally {
      other.close();
    }
  }

  @Test
  void theClientsLogHasCallsButNoSecrets() {
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.kasa.client.http");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
        new ch.qos.logback.core.read.ListAppender<>();
    captured.start();
    log.addAppender(captured);
    ch.qos.logback.classic.Level before = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      client.signIn(cloud.demo.managerId().toString(), "9999");
      SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 4, "tok_approve");
      client.submitSale(sale);
      client.saleByReceipt(sale.receiptNumber());
      List<String> lines =
          captured.list.stream()
              .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs())
              .toList();
      assertThat(lines)
          .anyMatch(l -> l.contains("path=\"/v1/sales\"") && l.contains("status=\"201\""));
      for (String secret :
          List.of(
              "9999",
              client.credentials().terminal(),
              client.credentials().session(),
              sale.receiptNumber())) {
        assertThat(lines).noneMatch(l -> l.contains(secret));
      }
    } finally {
      log.setLevel(before);
      log.detachAppender(captured);
      client.signIn(cloud.demo.cashierId().toString(), "1111");
    }
  }

  @Test
  void credentialsNeverShowInToString() {
    assertThat(client.credentials().toString())
        .doesNotContain(client.credentials().terminal())
        .doesNotContain(client.credentials().session())
        .contains("***");
  }
}
