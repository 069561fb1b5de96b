package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.DiscountDto;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.service.cli.KasaCloud;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Discount limits per store and role (ADR 0033): set by the admin command beside the running
 * service, they reach the tills' configuration; every discount a sale carries is audited with who
 * gave it and who approved it, and one beyond the limits is stored all the same but flagged.
 */
class DiscountApiTest {

  private static TestCloud cloud;
  private static String terminal;
  private static Map<String, String> cashier;
  private static long sequence = 1;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private record Run(int code, String out, String err) {}

  private static Run admin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KasaCloud());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static long version() {
    return cloud
        .services
        .app()
        .terminals()
        .feed()
        .version(cloud.demo.organisationId(), cloud.demo.storeId());
  }

  /** One loaf of bread (31.00, VAT 20 % inclusive) at {@code percent} off, paid exactly. */
  private static SaleRequest bread(int percent, UUID approver) {
    long amount = 3100 - 3100 * percent / 100;
    long tax = Math.round(amount * 20 / 120.0);
    return new SaleRequest(
        UUID.randomUUID(),
        Sales.receipt(sequence++),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(
            new SaleLineDto(
                1,
                "bread",
                "1",
                3100,
                null,
                new DiscountDto(Integer.toString(percent), null, "regular customer", approver),
                false,
                amount)),
        null,
        List.of(new TenderDto(UUID.randomUUID(), "CASH", amount, null, null)),
        new TotalsDto(3100, 3100 - amount, tax, amount, 0, 0),
        false,
        null);
  }

  private static void submit(SaleRequest r) {
    Map<String, String> headers = new HashMap<>(cashier);
    headers.put("Idempotency-Key", r.id().toString());
    TestCloud.Reply reply = cloud.send("POST", "/v1/sales", Sales.json(r), headers);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  /** The discount audit entries of a receipt, as "ACTION: detail". */
  private static List<String> audit(SaleRequest r) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select action || ': ' || detail from audit_log"
                            + " where action like 'DISCOUNT%' and detail like :receipt || ' %'"
                            + " order by id")
                    .bind("receipt", r.receiptNumber())
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void aLimitSetByTheAdminCommandReachesTheTerminalsConfigurationAndMovesTheStoresVersion() {
    long before = version();
    Run set =
        admin(
            "admin",
            "set-discount-limit",
            "--data",
            cloud.dataDirectory().toString(),
            "--org",
            cloud.demo.organisationId().toString(),
            "--store",
            cloud.demo.storeId().toString(),
            "--role",
            "HOST",
            "--percent",
            "5");
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.out()).contains("HOST may discount up to 5 %");
    assertThat(version()).isGreaterThan(before);

    TestCloud.Reply config =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", terminal));
    assertThat(config.status()).as(config.body()).isEqualTo(200);
    assertThat(config.json().get("discountLimits").get("HOST").asText()).isEqualTo("5");
    assertThat(config.json().get("discountLimits").get("CASHIER").asText())
        .as("a role not set has its default")
        .isEqualTo("10");
    assertThat(config.json().get("discountLimits").get("MANAGER").asText()).isEqualTo("50");

    Run wrong =
        admin(
            "admin",
            "set-discount-limit",
            "--data",
            cloud.dataDirectory().toString(),
            "--org",
            cloud.demo.organisationId().toString(),
            "--store",
            cloud.demo.storeId().toString(),
            "--role",
            "BOSS",
            "--percent",
            "101");
    assertThat(wrong.code()).isNotZero();
    assertThat(wrong.err()).contains("--role is one of ADMIN, CASHIER, HOST, MANAGER, TECHNICIAN");
  }

  @Test
  void aCashiersDiscountWithinTheLimitIsAuditedWithTheirName() {
    SaleRequest sale = bread(10, null);
    submit(sale);
    assertThat(audit(sale))
        .singleElement()
        .asString()
        .startsWith("DISCOUNT: " + sale.receiptNumber() + " line 1: 10 % off, 3.10, by Олена");
  }

  @Test
  void aDiscountBeyondTheCashiersLimitApprovedByAManagerIsAuditedWithBothNames() {
    SaleRequest sale = bread(20, cloud.demo.managerId());
    submit(sale);
    assertThat(audit(sale))
        .singleElement()
        .asString()
        .startsWith("DISCOUNT: ")
        .contains("20 % off, 6.20, by Олена (CASHIER, limit 10 %)")
        .contains("approved by Андрій (MANAGER, limit 50 %)");
  }

  @Test
  void aDiscountBeyondTheLimitWithoutAnApproverIsStoredButFlagged() {
    long sales = cloud.count("sale");
    SaleRequest sale = bread(20, null);
    submit(sale);
    assertThat(cloud.count("sale")).isEqualTo(sales + 1);
    assertThat(audit(sale))
        .singleElement()
        .asString()
        .startsWith("DISCOUNT_OVER_LIMIT: ")
        .contains("by Олена")
        .contains("beyond the limit without a manager's approval that covers it");
  }

  @Test
  void aDiscountBeyondEvenTheManagersLimitIsFlaggedThoughApproved() {
    SaleRequest sale = bread(60, cloud.demo.managerId());
    submit(sale);
    assertThat(audit(sale))
        .singleElement()
        .asString()
        .startsWith("DISCOUNT_OVER_LIMIT: ")
        .contains("approved by Андрій");
  }

  @Test
  void aCashierNamedAsApproverDoesNotCoverADiscountBeyondTheirLimit() {
    SaleRequest sale = bread(20, cloud.demo.cashierId());
    submit(sale);
    assertThat(audit(sale)).singleElement().asString().startsWith("DISCOUNT_OVER_LIMIT: ");
  }
}
