package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.ReceiptTokens;
import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journal the back office's sales tests read (the API's and the browser's alike): the demo till
 * enrolled, a shift opened a minute and a half ago, {@code count} sales of bread and aspirin
 * through the real sales API, one of them paid by card and carrying the customer's receipt token,
 * one partly refunded in cash by the manager, one post-voided.
 *
 * @param sold the sales in the order they were made
 * @param token the receipt token of the sale paid by card
 * @param cashier the demo cashier's signed-in headers on the demo till
 * @param manager the demo manager's signed-in headers on the demo till
 */
public record JournalSeed(
    List<SaleRequest> sold,
    String token,
    Map<String, String> cashier,
    Map<String, String> manager) {

  /**
   * Seeds {@code cloud}'s demo store.
   *
   * @param count the sales made
   * @param card the index of the one paid by card with a receipt token
   * @param refunded the index of the one refunded (one unit of its second line)
   * @param voided the index of the one post-voided
   */
  public static JournalSeed seed(TestCloud cloud, int count, int card, int refunded, int voided)
      throws Exception {
    String terminal = cloud.enrollDemoTerminal();
    Map<String, String> cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    Map<String, String> manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    // A shift open before the sales (paid a minute before they are made), so one may be voided.
    UUID shift = UUID.randomUUID();
    String open =
        "{\"id\":\""
            + shift
            + "\",\"openingFloat\":0,\"at\":\""
            + Instant.now().minusSeconds(90)
            + "\"}";
    assertThat(cloud.post(cashier, "/v1/shifts", shift.toString(), open).status()).isEqualTo(201);
    String token = ReceiptTokens.next();
    List<SaleRequest> sold = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SaleRequest s = Sales.breadAndAspirin(UUID.randomUUID(), i + 1, "tok_approve");
      if (i == card) {
        s = cardAndToken(s, token);
      }
      TestCloud.Reply r = cloud.post(cashier, "/v1/sales", s.id().toString(), Sales.json(s));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      sold.add(s);
    }
    RefundRequestDto refund =
        new RefundRequestDto(
            UUID.randomUUID(),
            sold.get(refunded).id(),
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
    r =
        cloud.post(
            manager,
            "/v1/sales/" + sold.get(voided).id() + "/void",
            null,
            "{\"reason\":\"двічі\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return new JournalSeed(List.copyOf(sold), token, cashier, manager);
  }

  /** {@code s} paid by a card read elsewhere (authorisation 123ABC, card …4417), with token t. */
  private static SaleRequest cardAndToken(SaleRequest s, String t) {
    return new SaleRequest(
        s.id(),
        s.receiptNumber(),
        s.currency(),
        s.openedAt(),
        s.paidAt(),
        s.lines(),
        s.orderDiscount(),
        List.of(new TenderDto(UUID.randomUUID(), "EXTERNAL_CARD", 15840, null, "123ABC", "4417")),
        new TotalsDto(15840, 0, 1664, 15840, 0, 0),
        s.offline(),
        s.approvalId(),
        t);
  }
}
