package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.shifts.ShiftReport;
import io.kasa.api.shifts.ShiftReportPrint;
import io.kasa.domain.receipt.ReceiptTextLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shift from float to Z report, with cash movements, a no-sale, sales and a refund. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ShiftApiTest {

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void aShiftFromFloatToZReport() throws Exception {
    UUID shift = UUID.randomUUID();
    // Opened before the sales below, which are paid a minute before they are made.
    Instant opened = Instant.now().minusSeconds(90);
    String open = "{\"id\":\"" + shift + "\",\"openingFloat\":50000,\"at\":\"" + opened + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(200);
    UUID other = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts",
                    other.toString(),
                    "{\"id\":\"" + other + "\",\"openingFloat\":0,\"at\":\"" + opened + "\"}")
                .status())
        .isEqualTo(409);

    UUID in = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts/" + shift + "/cash-movements",
                    in.toString(),
                    "{\"id\":\""
                        + in
                        + "\",\"type\":\"IN\",\"amount\":10000,\"reason\":\"change\",\"at\":\""
                        + Instant.now()
                        + "\"}")
                .status())
        .isEqualTo(204);
    UUID out = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts/" + shift + "/cash-movements",
                    out.toString(),
                    "{\"id\":\""
                        + out
                        + "\",\"type\":\"OUT\",\"amount\":2500,\"reason\":\"supplier\",\"at\":\""
                        + Instant.now()
                        + "\"}")
                .status())
        .isEqualTo(204);
    UUID noSale = UUID.randomUUID();
    String noSaleBody =
        "{\"id\":\""
            + noSale
            + "\",\"type\":\"NO_SALE\",\"amount\":0,\"reason\":\"change for a note\",\"at\":\""
            + Instant.now()
            + "\"%s}";
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts/" + shift + "/cash-movements",
                    noSale.toString(),
                    String.format(noSaleBody, ""))
                .status())
        .isEqualTo(403);
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts/" + shift + "/cash-movements",
                    noSale.toString(),
                    String.format(
                        noSaleBody,
                        ",\"approvingManagerId\":\""
                            + cloud.demo.managerId()
                            + "\",\"approvingManagerPin\":\"9999\""))
                .status())
        .isEqualTo(204);

    // Two sales: each 158.40, card 100.00 + cash 58.40 (100.00 given, 41.60 change).
    for (int i = 0; i < 2; i++) {
      SaleRequest sale = Sales.breadAndAspirin(UUID.randomUUID(), 500 + i, "tok_approve");
      assertThat(cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale)).status())
          .isEqualTo(201);
    }

    JsonNode x = cloud.send("GET", "/v1/shifts/" + shift + "/report", null, cashier).json();
    assertThat(x.get("kind").asText()).isEqualTo("X");
    // Readable: the store's code, the terminal's, the shift's sequence on the terminal.
    assertThat(x.get("number").asText()).isEqualTo("K1-T1-0001");
    assertThat(x.get("sales").asLong()).isEqualTo(2);
    assertThat(x.get("salesTotal").asLong()).isEqualTo(31680);
    assertThat(x.get("byTender").get("CARD").asLong()).isEqualTo(20000);
    assertThat(x.get("byTender").get("CASH").asLong()).isEqualTo(11680);
    assertThat(x.get("noSales").asLong()).isEqualTo(1);
    // 500.00 float + 116.80 cash sales + 100.00 in − 25.00 out
    assertThat(x.get("cashExpected").asLong()).isEqualTo(50000 + 11680 + 10000 - 2500);
    assertThat(x.get("byTax")).hasSize(2);

    String close = "{\"counted\":69000,\"blind\":true,\"at\":\"" + Instant.now() + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts/" + shift + "/close", null, close).status())
        .isEqualTo(403);
    TestCloud.Reply z = cloud.post(manager, "/v1/shifts/" + shift + "/close", null, close);
    assertThat(z.status()).as(z.body()).isEqualTo(200);
    assertThat(z.json().get("kind").asText()).isEqualTo("Z");
    assertThat(z.json().get("overShort").asLong()).isEqualTo(69000 - 69180);
    assertThat(z.json().get("byTax").get(0).get("rate").asText()).isEqualTo("20");
    // The terminal prints it through the pos-domain receipt model.
    List<String> printed =
        new ReceiptTextLayout(42)
            .layout(
                ShiftReportPrint.receipt(
                    TestCloud.JSON.readValue(z.body(), ShiftReport.class),
                    new ShiftReportPrint.Context(
                        "Kasa Demo Market",
                        "T1",
                        "Андрій",
                        Currency.getInstance("UAH"),
                        ZoneId.of("Europe/Kyiv"),
                        Instant.parse("2026-11-27T20:01:00Z"),
                        Locale.US)));
    assertThat(printed)
        .contains(
            "                 Z REPORT",
            "Sales 2                             316.80",
            "  Card                              200.00",
            "А 20%                               124.00",
            "Over (+) / short (-)                 -1.80");
    assertThat(cloud.send("GET", "/v1/shifts/" + shift + "/report", null, cashier).body())
        .isEqualTo(z.body());
    assertThat(cloud.post(manager, "/v1/shifts/" + shift + "/close", null, close).body())
        .isEqualTo(z.body());
    UUID late = UUID.randomUUID();
    assertThat(
            cloud
                .post(
                    cashier,
                    "/v1/shifts/" + shift + "/cash-movements",
                    late.toString(),
                    "{\"id\":\""
                        + late
                        + "\",\"type\":\"IN\",\"amount\":1,\"reason\":\"late\",\"at\":\""
                        + Instant.now()
                        + "\"}")
                .status())
        .isEqualTo(409);

    // The terminal's next shift is the next number.
    UUID next = UUID.randomUUID();
    String reopen = "{\"id\":\"" + next + "\",\"openingFloat\":0,\"at\":\"" + Instant.now() + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", next.toString(), reopen).status()).isEqualTo(201);
    assertThat(
            cloud
                .send("GET", "/v1/shifts/" + next + "/report", null, cashier)
                .json()
                .get("number")
                .asText())
        .isEqualTo("K1-T1-0002");
  }

  /**
   * The reports add up the tallies each sale carries (V43, ADR 0038): for every sale written, they
   * are exactly what its lines, tenders and taxes add up to.
   */
  @Test
  @org.junit.jupiter.api.Order(2)
  void everySaleCarriesTheTalliesOfItsRows() {
    for (int i = 0; i < 3; i++) {
      var sale = Sales.breadAndAspirin(UUID.randomUUID(), 900 + i, "tok_approve");
      assertThat(cloud.post(cashier, "/v1/sales", sale.id().toString(), Sales.json(sale)).status())
          .isEqualTo(201);
    }
    java.util.List<String> wrong =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select s.receipt_number from sale s where s.voided_lines <> (select"
                                + " count(*) from sale_line l where l.organisation_id ="
                                + " s.organisation_id and l.sale_id = s.id and l.voided)"
                                + " or s.tender_sums <> coalesce((select jsonb_object_agg(q.type,"
                                + " q.amount) from (select t.type, sum(t.amount) as amount from"
                                + " tender t where t.organisation_id = s.organisation_id and"
                                + " t.sale_id = s.id group by t.type) q), '{}')"
                                + " or (select coalesce(sum((e->>'gross')::bigint), 0) from"
                                + " jsonb_array_elements(s.tax_sums) e) <> (select"
                                + " coalesce(sum(x.gross), 0) from sale_tax x where"
                                + " x.organisation_id = s.organisation_id and x.sale_id = s.id)"
                                + " or jsonb_array_length(s.tax_sums) <> (select count(*) from"
                                + " sale_tax x where x.organisation_id = s.organisation_id and"
                                + " x.sale_id = s.id)"
                                // What it sold of each item (V49), against its lines not voided.
                                + " or s.item_sums is null or (select coalesce(jsonb_object_agg("
                                + "e->>'id', jsonb_build_array((e->>'quantity')::numeric,"
                                + " (e->>'amount')::bigint)), '{}') from"
                                + " jsonb_array_elements(s.item_sums) e) <> (select"
                                + " coalesce(jsonb_object_agg(q.item_id, jsonb_build_array(q.quantity,"
                                + " q.amount)), '{}') from (select l.item_id, sum(l.quantity) as"
                                + " quantity, sum(l.amount) as amount from sale_line l where"
                                + " l.organisation_id = s.organisation_id and l.sale_id = s.id and"
                                + " not l.voided group by l.item_id) q)")
                        .mapTo(String.class)
                        .list());
    long sales =
        cloud
            .database
            .jdbi()
            .withHandle(h -> h.createQuery("select count(*) from sale").mapTo(Long.class).one());
    assertThat(sales).isGreaterThanOrEqualTo(3);
    assertThat(wrong).as("sales whose tallies differ from their rows").isEmpty();
  }
}
