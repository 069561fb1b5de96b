package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.service.sales.TestPaymentProcessor;
import io.kasa.service.terminals.TerminalTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The times a terminal's work carries must be plausible on the service's clock (ADR 0019), which
 * these tests move on to deliver work late, as a terminal's outbox does after an outage. The
 * terminal's own clock is the machine's.
 */
class TerminalTimesApiTest {

  private static final MutableClock SERVICE_CLOCK = new MutableClock(Instant.now());
  private static final Duration DAY = Duration.ofDays(1);

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> cashier;
  private static Map<String, String> manager;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(new TestPaymentProcessor(), SERVICE_CLOCK);
    terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** Each test starts with the service's clock on the machine's, where the terminal's is. */
  @BeforeEach
  void serviceClockNow() {
    SERVICE_CLOCK.advance(Duration.between(SERVICE_CLOCK.instant(), Instant.now()));
  }

  /** Moves the service's clock on by {@code d}: work made now is delivered that much later. */
  private static void later(Duration d) {
    SERVICE_CLOCK.advance(d);
  }

  /**
   * Headers of the outbox delivering work of {@code employee}: sessions expire while work waits, so
   * the terminal vouches for who did it (ADR 0008).
   */
  private static Map<String, String> outbox(UUID employee) {
    return Map.of("Authorization", terminal, "Kasa-Employee", employee.toString());
  }

  private static SaleRequest sale(Instant opened, Instant paid, boolean offline) {
    SaleRequest r = Sales.breadAndAspirin(UUID.randomUUID(), sequence++, "tok_approve");
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        opened,
        paid,
        r.lines(),
        r.orderDiscount(),
        r.tenders(),
        r.totals(),
        offline,
        r.approvalId());
  }

  private static TestCloud.Reply submit(Map<String, String> who, SaleRequest sale) {
    return cloud.post(who, "/v1/sales", sale.id().toString(), Sales.json(sale));
  }

  private static void assertRefused(TestCloud.Reply reply, String pointer, String detail) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
    assertThat(reply.json().get("detail").asText()).contains(detail);
  }

  @Test
  void aSalePaidIn9999OrIn1970OrBeforeItOpenedIsRefusedAndNothingIsWritten() {
    Instant now = Instant.now();
    long sales = cloud.count("sale");
    assertRefused(
        submit(cashier, sale(now, Instant.parse("9999-12-31T00:00:00Z"), false)),
        "/paidAt",
        "ahead of the service's clock");
    assertRefused(
        submit(cashier, sale(now.minusSeconds(60), Instant.parse("1970-01-01T00:00:00Z"), false)),
        "/paidAt",
        "before this terminal was enrolled");
    assertRefused(
        submit(cashier, sale(Instant.parse("1970-01-01T00:00:00Z"), now, false)),
        "/openedAt",
        "before this terminal was enrolled");
    assertRefused(
        submit(cashier, sale(now.plus(DAY), now.plus(DAY), true)),
        "/openedAt",
        "ahead of the service's clock");
    // Delivered a day late, so that both times are well within the window.
    later(DAY);
    assertRefused(
        submit(
            outbox(cloud.demo.cashierId()),
            sale(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), false)),
        "/paidAt",
        "a sale is paid after it opens");
    assertThat(cloud.count("sale")).as("nothing written").isEqualTo(sales);
  }

  @Test
  void aClockThatIsAFewMinutesOutOrSetBackDuringASaleCostsNoSale() {
    Instant now = Instant.now();
    Instant ahead = now.plus(TerminalTimes.CLOCK_ERROR).minusSeconds(60);
    assertThat(submit(cashier, sale(ahead, ahead, false)).status()).isEqualTo(201);
    // Corrected while the sale was open: paid "before" it opened, by less than the clock's error.
    assertThat(submit(cashier, sale(now, now.minusSeconds(120), false)).status()).isEqualTo(201);
    Instant tooFar = now.plus(TerminalTimes.CLOCK_ERROR).plusSeconds(60);
    assertRefused(
        submit(cashier, sale(tooFar, tooFar, false)), "/openedAt", "by more than 15 minutes");
  }

  @Test
  void workDeliveredDaysLateIsAcceptedUpToTheLongestDelivery() {
    Instant now = Instant.now();
    SaleRequest offline = sale(now.minusSeconds(60), now, true);
    // Sent online, its answer lost, resent by the outbox with the same body: still not offline.
    SaleRequest answerLost = sale(now.minusSeconds(50), now.plusSeconds(10), false);
    later(DAY);
    TestCloud.Reply late = submit(outbox(cloud.demo.cashierId()), offline);
    assertThat(late.status()).as(late.body()).isEqualTo(201);
    assertThat(late.json().get("offline").asBoolean()).isTrue();
    assertThat(submit(outbox(cloud.demo.cashierId()), answerLost).status()).isEqualTo(201);

    SaleRequest lastDay = sale(now, now.plusSeconds(10), true);
    SaleRequest dayAfter = sale(now, now.plusSeconds(20), true);
    later(TerminalTimes.LONGEST_DELIVERY.minus(DAY).minus(Duration.ofHours(1)));
    assertThat(submit(outbox(cloud.demo.cashierId()), lastDay).status()).isEqualTo(201);
    later(Duration.ofHours(2));
    assertRefused(
        submit(outbox(cloud.demo.cashierId()), dayAfter),
        "/openedAt",
        "work is accepted up to 90 days after it was done");
  }

  @Test
  void aRepeatOfRecordedWorkGetsItsFirstAnswerWhateverItsAge() throws Exception {
    Instant now = Instant.now();
    SaleRequest sale = sale(now.minusSeconds(60), now, false);
    TestCloud.Reply first = submit(cashier, sale);
    assertThat(first.status()).isEqualTo(201);
    SaleRequest refundedSale = sale(now.minusSeconds(50), now, false);
    assertThat(submit(cashier, refundedSale).status()).isEqualTo(201);
    RefundRequestDto refund = refund(refundedSale, now);
    String refundBody = TestCloud.JSON.writeValueAsString(refund);
    TestCloud.Reply refunded =
        cloud.post(manager, "/v1/refunds", refund.id().toString(), refundBody);
    assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
    UUID event = UUID.randomUUID();
    String eventBody = auditEvent(event, now);
    assertThat(cloud.post(terminalOnly(), "/v1/audit-events", event.toString(), eventBody).status())
        .isEqualTo(201);

    later(TerminalTimes.LONGEST_DELIVERY.plus(DAY));
    TestCloud.Reply again = submit(outbox(cloud.demo.cashierId()), sale);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    TestCloud.Reply refundAgain =
        cloud.post(
            outbox(cloud.demo.managerId()), "/v1/refunds", refund.id().toString(), refundBody);
    assertThat(refundAgain.status()).as(refundAgain.body()).isEqualTo(200);
    assertThat(refundAgain.json()).isEqualTo(refunded.json());
    assertThat(cloud.post(terminalOnly(), "/v1/audit-events", event.toString(), eventBody).status())
        .isEqualTo(200);
  }

  @Test
  void aShiftIn2000IsRefusedAndAShiftClosesAfterItOpens() {
    String at2000 = "2000-01-01T09:00:00Z";
    UUID old = UUID.randomUUID();
    assertRefused(
        cloud.post(cashier, "/v1/shifts", old.toString(), openShift(old, at2000)),
        "/at",
        "before this terminal was enrolled");

    // A shift worked offline two hours from now and delivered a day later: its times are well
    // within the window, so only their order is in question.
    Instant opened = Instant.now().plus(Duration.ofHours(2));
    later(DAY);
    Map<String, String> cashierOutbox = outbox(cloud.demo.cashierId());
    Map<String, String> managerOutbox = outbox(cloud.demo.managerId());
    UUID shift = UUID.randomUUID();
    TestCloud.Reply open =
        cloud.post(
            cashierOutbox, "/v1/shifts", shift.toString(), openShift(shift, opened.toString()));
    assertThat(open.status()).as(open.body()).isEqualTo(201);
    UUID in = UUID.randomUUID();
    assertRefused(
        cloud.post(
            cashierOutbox,
            "/v1/shifts/" + shift + "/cash-movements",
            in.toString(),
            cashIn(in, "9999-01-01T00:00:00Z")),
        "/at",
        "ahead of the service's clock");
    String close = "/v1/shifts/" + shift + "/close";
    assertRefused(cloud.post(managerOutbox, close, null, closeShift(at2000)), "/at", "enrolled");
    assertRefused(
        cloud.post(
            managerOutbox, close, null, closeShift(opened.minus(Duration.ofHours(1)).toString())),
        "/at",
        "a shift closes after it opens");

    Instant closedAt = opened.plus(Duration.ofHours(8));
    String closing = closeShift(closedAt.toString());
    TestCloud.Reply z = cloud.post(managerOutbox, close, null, closing);
    assertThat(z.status()).as(z.body()).isEqualTo(200);
    assertThat(Instant.parse(z.json().get("closedAt").asText())).isEqualTo(closedAt);
    // Delivered again long after, as an outbox would: the Z report it got the first time.
    later(TerminalTimes.LONGEST_DELIVERY);
    TestCloud.Reply again = cloud.post(managerOutbox, close, null, closing);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(z.json());
  }

  @Test
  void aRefundOrAnAuditEventOutsideTheWindowIsRefused() throws Exception {
    Instant now = Instant.now();
    SaleRequest sale = sale(now.minusSeconds(60), now, false);
    assertThat(submit(cashier, sale).status()).isEqualTo(201);
    for (Instant odd :
        List.of(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("9999-01-01T00:00:00Z"))) {
      RefundRequestDto refund = refund(sale, odd);
      assertRefused(
          cloud.post(
              manager,
              "/v1/refunds",
              refund.id().toString(),
              TestCloud.JSON.writeValueAsString(refund)),
          "/at",
          odd.toString());
      UUID event = UUID.randomUUID();
      assertRefused(
          cloud.post(terminalOnly(), "/v1/audit-events", event.toString(), auditEvent(event, odd)),
          "/at",
          odd.toString());
    }
    RefundRequestDto refund = refund(sale, now);
    assertThat(
            cloud
                .post(
                    manager,
                    "/v1/refunds",
                    refund.id().toString(),
                    TestCloud.JSON.writeValueAsString(refund))
                .status())
        .isEqualTo(201);
  }

  private static RefundRequestDto refund(SaleRequest sale, Instant at) {
    return new RefundRequestDto(
        UUID.randomUUID(),
        sale.id(),
        Sales.receipt(sequence++),
        List.of(new RefundLineDto(2, "1")),
        "CASH",
        "wrong size",
        at,
        null,
        null);
  }

  private static Map<String, String> terminalOnly() {
    return Map.of("Authorization", terminal);
  }

  private static String auditEvent(UUID id, Instant at) {
    return "{\"id\":\""
        + id
        + "\",\"action\":\"RECEIPT_REPRINT\",\"employeeId\":\""
        + cloud.demo.cashierId()
        + "\",\"at\":\""
        + at
        + "\",\"detail\":\"copy\"}";
  }

  private static String openShift(UUID id, String at) {
    return "{\"id\":\"" + id + "\",\"openingFloat\":0,\"at\":\"" + at + "\"}";
  }

  private static String cashIn(UUID id, String at) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"IN\",\"amount\":100,\"reason\":\"change\",\"at\":\""
        + at
        + "\"}";
  }

  private static String closeShift(String at) {
    return "{\"counted\":0,\"blind\":false,\"at\":\"" + at + "\"}";
  }
}
