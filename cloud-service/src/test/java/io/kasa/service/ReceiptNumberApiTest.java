package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.admin.AdminService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receipt numbers belong to the terminal whose store and terminal codes they carry: three registers
 * of one organisation (K1-T1, K1-T2 and K2-T1 in a second store) submit and look up numbers, their
 * own and each other's.
 */
class ReceiptNumberApiTest {

  private static TestCloud cloud;
  private static Map<String, String> k1t1;
  private static Map<String, String> k1t2;
  private static Map<String, String> k2t1;
  private static Map<String, String> managerOnK1t1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String first = cloud.enrollDemoTerminal();
    k1t1 = cloud.signedIn(first, cloud.demo.cashierId(), "1111");
    managerOnK1t1 = cloud.signedIn(first, cloud.demo.managerId(), "9999");
    k1t2 =
        cloud.signedIn(
            cloud.enrollTerminal("T2", "Каса 2").authorization(), cloud.demo.cashierId(), "1111");
    AdminService admin = cloud.services.admin();
    UUID kiosk =
        admin.createStore(
            cloud.demo.organisationId(),
            "K2",
            "Kasa Demo Kiosk",
            "UAH",
            "INCLUSIVE",
            "PER_LINE",
            10,
            BigDecimal.TEN);
    AdminService.NewTerminal t =
        admin.createTerminal(cloud.demo.organisationId(), kiosk, "T1", "Кіоск 1");
    TestCloud.Reply enrolled =
        cloud.send(
            "POST", "/v1/terminals/enroll", "{\"code\":\"" + t.enrollmentCode() + "\"}", Map.of());
    k2t1 =
        cloud.signedIn(
            "Bearer " + enrolled.json().get("credential").asText(), cloud.demo.cashierId(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** The demo sale under receipt number {@code number}, with ids of its own. */
  private static SaleRequest numbered(String number) {
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
    return new SaleRequest(
        r.id(),
        number,
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        r.lines(),
        r.orderDiscount(),
        r.tenders(),
        r.totals(),
        r.offline(),
        r.approvalId());
  }

  private static TestCloud.Reply submit(Map<String, String> who, SaleRequest sale) {
    return cloud.post(who, "/v1/sales", sale.id().toString(), Sales.json(sale));
  }

  private static TestCloud.Reply lookUp(Map<String, String> who, String number) {
    return cloud.send("GET", "/v1/sales?receipt=" + number, null, who);
  }

  private static void assertRefusedNaming(TestCloud.Reply reply, String expected) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("detail").asText()).contains(expected);
    assertThat(reply.json().get("errors").get(0).get("pointer").asText())
        .isEqualTo("/receiptNumber");
  }

  @Test
  void anotherTerminalsNumberIsRefusedNamingThePrefixAndItsOwnTerminalThenRecordsIt() {
    long sales = cloud.count("sale");
    assertRefusedNaming(
        submit(k1t1, numbered("K1-T2-000042")),
        "Receipt numbers of this terminal start with K1-T1-");
    assertThat(cloud.count("sale")).as("nothing written").isEqualTo(sales);

    SaleRequest genuine = numbered("K1-T2-000042");
    TestCloud.Reply recorded = submit(k1t2, genuine);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    // Returns find another register's sale on the service.
    TestCloud.Reply found = lookUp(k1t1, "K1-T2-000042");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("id").asText()).isEqualTo(genuine.id().toString());
  }

  @Test
  void anotherStoresNumberIsRefusedAndTheOrganisationsRegistersFindEachOthersSales() {
    assertRefusedNaming(
        submit(k2t1, numbered("K1-T1-000043")),
        "Receipt numbers of this terminal start with K2-T1-");
    assertThat(submit(k1t1, numbered("K1-T1-000043")).status()).isEqualTo(201);

    SaleRequest kiosk = numbered("K2-T1-000001");
    assertThat(submit(k2t1, kiosk).status()).isEqualTo(201);
    TestCloud.Reply found = lookUp(k1t1, "K2-T1-000001");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("id").asText()).isEqualTo(kiosk.id().toString());
    assertThat(lookUp(k2t1, "K1-T1-000043").status()).isEqualTo(200);
  }

  @Test
  void aRefundsOwnNumberBelongsToTheTerminalThatRefunds() throws Exception {
    SaleRequest sale = numbered("K1-T1-000050");
    assertThat(submit(k1t1, sale).status()).isEqualTo(201);
    RefundRequestDto foreign = refund(sale, "K1-T2-000051");
    TestCloud.Reply refused =
        cloud.post(
            managerOnK1t1,
            "/v1/refunds",
            foreign.id().toString(),
            TestCloud.JSON.writeValueAsString(foreign));
    assertRefusedNaming(refused, "Receipt numbers of this terminal start with K1-T1-");
    RefundRequestDto own = refund(sale, "K1-T1-000051");
    TestCloud.Reply refunded =
        cloud.post(
            managerOnK1t1,
            "/v1/refunds",
            own.id().toString(),
            TestCloud.JSON.writeValueAsString(own));
    assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
  }

  private static RefundRequestDto refund(SaleRequest sale, String number) {
    return new RefundRequestDto(
        UUID.randomUUID(),
        sale.id(),
        number,
        List.of(new RefundLineDto(2, "1")),
        "CASH",
        "wrong size",
        Instant.now(),
        null,
        null);
  }

  @Test
  void theSequenceIsWrittenAsTheTerminalWritesIt() {
    long sales = cloud.count("sale");
    for (String odd :
        List.of(
            "K1-T1-44",
            "K1-T1-0000044",
            "K1-T1-000000",
            " K1-T1-000044",
            "K1-T1-000044 ",
            "k1-T1-000044")) {
      TestCloud.Reply reply = submit(k1t1, numbered(odd));
      assertThat(reply.status()).as(odd + " -> " + reply.body()).isEqualTo(422);
      assertThat(reply.json().get("errors").get(0).get("pointer").asText())
          .isEqualTo("/receiptNumber");
    }
    assertThat(submit(k1t1, numbered("K1-T1-44")).json().get("detail").asText())
        .contains("/receiptNumber must match"); // the document's pattern, checked first (ADR 0020)
    assertThat(cloud.count("sale")).as("nothing written").isEqualTo(sales);
    assertThat(submit(k1t1, numbered("K1-T1-000044")).status()).isEqualTo(201);
    assertThat(submit(k1t1, numbered("K1-T1-1000044")).status()).isEqualTo(201);
  }

  @Test
  void aLookUpFindsTheSaleOfTheTerminalTheNumberNamesNeverOneBearingItsNumber() {
    // A sale recorded before numbers were checked, under another terminal's number.
    SaleRequest squatter = numbered("K1-T1-000060");
    assertThat(submit(k1t1, squatter).status()).isEqualTo(201);
    cloud.execute(
        "update sale set receipt_number = 'K1-T2-000060' where id = ?::uuid",
        squatter.id().toString());
    assertThat(lookUp(k1t2, "K1-T2-000060").status()).isEqualTo(404);

    // The number is still T2's to use, and then names T2's sale, however it is written.
    SaleRequest genuine = numbered("K1-T2-000060");
    TestCloud.Reply recorded = submit(k1t2, genuine);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    for (String spelling : List.of("K1-T2-000060", "K1-T2-60")) {
      TestCloud.Reply found = lookUp(k1t1, spelling);
      assertThat(found.status()).as(spelling).isEqualTo(200);
      assertThat(found.json().get("id").asText()).isEqualTo(genuine.id().toString());
    }
    assertThat(lookUp(k1t1, "K1-T2").status()).as("not a receipt number").isEqualTo(400);
    assertThat(lookUp(k1t1, "K1-T3-000060").status()).isEqualTo(404);
  }
}
