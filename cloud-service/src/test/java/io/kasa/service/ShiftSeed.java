package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shifts the back office's shift tests read (the API's and the browser's alike), made through the
 * tills' own routes: on the demo till, a closed shift (a float of 500.00, cash in and out, a
 * no-sale approved by the manager, two sales, a cash refund, counted short) and after it an open
 * one with cash put in.
 *
 * @param closed the closed shift
 * @param open the open shift
 * @param z the closed shift's Z report as the till got it at its close
 * @param cashier the demo cashier's signed-in headers on the demo till
 */
public record ShiftSeed(UUID closed, UUID open, JsonNode z, Map<String, String> cashier) {

  /** Seeds {@code cloud}'s demo till. */
  public static ShiftSeed seed(TestCloud cloud) throws Exception {
    String terminal = cloud.enrollDemoTerminal();
    Map<String, String> cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    Map<String, String> manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    Instant now = Instant.now();
    // The first shift: a float, cash in and out, a no-sale, two sales, a cash refund; closed.
    UUID closed = UUID.randomUUID();
    open(cloud, cashier, closed, 50000, now.minusSeconds(600));
    move(cloud, cashier, closed, "IN", 10000, "розмін", now.minusSeconds(500));
    move(cloud, cashier, closed, "OUT", 2500, "постачальник", now.minusSeconds(400));
    move(cloud, manager, closed, "NO_SALE", 0, "розміняти купюру", now.minusSeconds(300));
    List<SaleRequest> sold = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SaleRequest s = Sales.breadAndAspirin(UUID.randomUUID(), i + 1, "tok_approve");
      TestCloud.Reply r = cloud.post(cashier, "/v1/sales", s.id().toString(), Sales.json(s));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      sold.add(s);
    }
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            sold.get(0).id(),
            Sales.receipt(100),
            List.of(new RefundLineDto(2, "1")),
            "CASH",
            "Не підійшло",
            Instant.now(),
            null,
            null);
    TestCloud.Reply r =
        cloud.post(
            manager,
            "/v1/refunds",
            refund.id().toString(),
            TestCloud.JSON.writeValueAsString(refund));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    TestCloud.Reply z =
        cloud.post(
            manager,
            "/v1/shifts/" + closed + "/close",
            null,
            "{\"counted\":59000,\"blind\":true,\"at\":\"" + Instant.now() + "\"}");
    assertThat(z.status()).as(z.body()).isEqualTo(200);
    // The second shift, still open: its figures are its X report.
    UUID open = UUID.randomUUID();
    open(cloud, cashier, open, 20000, Instant.now());
    move(cloud, cashier, open, "IN", 5000, "ще розміну", Instant.now());
    return new ShiftSeed(closed, open, z.json(), cashier);
  }

  public static void open(
      TestCloud cloud, Map<String, String> who, UUID id, long float_, Instant at) {
    String body = "{\"id\":\"" + id + "\",\"openingFloat\":" + float_ + ",\"at\":\"" + at + "\"}";
    TestCloud.Reply r = cloud.post(who, "/v1/shifts", id.toString(), body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  public static void move(
      TestCloud cloud,
      Map<String, String> who,
      UUID shift,
      String type,
      long amount,
      String reason,
      Instant at) {
    UUID id = UUID.randomUUID();
    TestCloud.Reply r =
        cloud.post(
            who,
            "/v1/shifts/" + shift + "/cash-movements",
            id.toString(),
            "{\"id\":\""
                + id
                + "\",\"type\":\""
                + type
                + "\",\"amount\":"
                + amount
                + ",\"reason\":\""
                + reason
                + "\",\"at\":\""
                + at
                + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }
}
