package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.service.sales.PaymentProcessors;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service started without a card processor takes no cards (ADR 0031): a card at the counter is
 * refused with a problem saying so, and a card taken offline is recorded with its sale as declined,
 * for the managers to collect.
 */
class CardPaymentsOffTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(PaymentProcessors.none());
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void aCardAtTheCounterIsRefusedAndNothingIsRecorded() {
    SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");

    TestCloud.Reply r = cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("type").asText()).endsWith("/card-payments-unavailable");
    assertThat(r.json().get("detail").asText()).contains("--payments");
    assertThat(cloud.send("GET", "/v1/sales/" + sale.id(), null, manager).status()).isEqualTo(404);
  }

  @Test
  void aCardAuthorisationIsRefused() {
    String body =
        "{\"tenderId\":\""
            + UUID.randomUUID()
            + "\",\"saleId\":\""
            + UUID.randomUUID()
            + "\",\"amount\":100,\"cardToken\":\"tok_approve\"}";

    TestCloud.Reply r = cloud.post(cashier, "/v1/card-authorisations", null, body);

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("type").asText()).endsWith("/card-payments-unavailable");
  }

  @Test
  void aCardTakenOfflineIsRecordedAsDeclinedForTheManagers() {
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), 2, "tok_approve");
    SaleRequest offline =
        new SaleRequest(
            r.id(),
            r.receiptNumber(),
            r.currency(),
            r.openedAt(),
            r.paidAt(),
            r.lines(),
            r.orderDiscount(),
            r.tenders().stream()
                .map(
                    t ->
                        "CARD".equals(t.type())
                            ? new TenderDto(t.id(), t.type(), t.amount(), t.cardToken(), "OFFLINE")
                            : t)
                .toList(),
            r.totals(),
            true,
            null);

    TestCloud.Reply delivered =
        cloud.post(cashier, "/v1/sales", offline.id().toString(), Sales.json(offline));

    assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);
    assertThat(delivered.json().get("tenders").get(0).get("status").asText()).isEqualTo("DECLINED");
    TestCloud.Reply listed = cloud.send("GET", "/v1/offline-cards/declined", null, manager);
    assertThat(listed.json().get("cards").get(0).get("reason").asText())
        .contains("no card processor");
  }
}
