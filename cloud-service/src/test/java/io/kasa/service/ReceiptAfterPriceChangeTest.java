package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.ReceiptTokens;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A receipt shown after its item's price changed (found walking the demo): the customer's page, its
 * PDF and the back office show it as printed, at the price it was sold at and with no note the
 * paper did not carry (there was an English "price at sale time" on a Ukrainian receipt).
 */
class ReceiptAfterPriceChangeTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void aReceiptStandsAtThePriceItWasSoldAtWithNoNote() {
    String token = ReceiptTokens.next();
    SaleRequest sale =
        new SaleRequest(
            UUID.randomUUID(),
            Sales.receipt(1),
            "UAH",
            Instant.now().minusSeconds(120),
            Instant.now().minusSeconds(60),
            List.of(new SaleLineDto(1, "bread", "2", 3100, null, null, false, 6200)),
            null,
            List.of(
                new TenderDto(UUID.randomUUID(), "EXTERNAL_CARD", 6200, null, "123ABC", "4417")),
            new TotalsDto(6200, 0, 1033, 6200, 0, 0),
            false,
            null,
            token);
    TestCloud.Reply sold = cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale));
    assertThat(sold.status()).as(sold.body()).isEqualTo(201);

    cloud.services.admin().setPrice(cloud.demo.organisationId(), "bread", 3350);

    TestCloud.Reply r = cloud.send("GET", "/v1/receipts/" + token, null, Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode line = r.json().get("lines").get(0);
    assertThat(line.get("amount").asLong()).isEqualTo(6200);
    assertThat(line.path("note").isMissingNode() || line.path("note").isNull())
        .as("no note on %s", line)
        .isTrue();
    assertThat(r.body()).doesNotContain("price at sale time", "33,50");
    assertThat(cloud.send("GET", "/r/" + token, null, Map.of()).body())
        .contains("Хліб житній", "62,00")
        .doesNotContain("price at sale time", "33,50");
  }
}
