package io.kasa.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.sim.FaultProxy.Fault;
import io.kasa.client.store.Outbox;
import io.kasa.client.sync.Connectivity;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.service.MutableClock;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import io.kasa.service.sales.TestPaymentProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal against the real service (embedded PostgreSQL) through a fault-injecting TCP proxy:
 * enrollment, the whole sale path, offline sign-in and cards, closing a shift with sales unsent,
 * and every kind of network fault — after which the service holds every sale exactly once.
 */
class CloudTerminalTest {

  /**
   * The service's clock: on the machine's at each test's start, and moved on with the terminal's
   * where a test lets time pass, since the service judges the times of the terminal's work.
   */
  private static final MutableClock SERVICE_CLOCK = new MutableClock(Instant.now());

  private static TestCloud cloud;
  private static int terminals;
  private FaultProxy proxy;
  private final MutableClock clock = new MutableClock(Instant.now());
  private final Random random = new Random(7);
  @TempDir Path dir;

  @BeforeAll
  static void startCloud() throws Exception {
    cloud = new TestCloud(new TestPaymentProcessor(), SERVICE_CLOCK);
  }

  @AfterAll
  static void stopCloud() throws Exception {
    cloud.close();
  }

  @BeforeEach
  void startProxy() throws Exception {
    SERVICE_CLOCK.advance(Duration.between(SERVICE_CLOCK.instant(), clock.instant()));
    proxy = new FaultProxy("127.0.0.1", cloud.app.port());
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.close();
  }

  /** Short timeouts and few retries, so faults show in seconds. */
  private CloudClientConfig config(URI url) {
    return CloudClientConfig.defaults(url)
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofSeconds(3))
        .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(100));
  }

  private CloudTerminal enrolled() {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(),
                cloud.demo.storeId(),
                "T" + (10 + terminals++),
                "test");
    CloudTerminal terminal = CloudTerminal.open(dir, clock, this::config);
    terminal.enroll(URI.create("http://127.0.0.1:" + proxy.port()), t.enrollmentCode(), "test");
    return terminal;
  }

  /** Three random lines, paid exactly by card (with a token when online) or in cash. */
  private Sale paid(CloudTerminal t, boolean card, Map<UUID, String> tokens) {
    List<CatalogItem> items = t.catalog().sellable(50);
    Sale sale = Sale.open(UUID.randomUUID(), t.salePolicy(), clock.instant());
    for (int i = 0; i < 3; i++) {
      CatalogItem item = items.get(random.nextInt(items.size()));
      sale.addItem(item, item.unit().isMeasured() ? new Quantity(500) : Quantity.of(1));
    }
    sale.startTendering();
    Tender tender = card ? Tender.card(sale.amountDue(), null) : Tender.cash(sale.cashDue());
    tokens.put(tender.id(), "tok_approve");
    sale.addTender(tender, clock.instant());
    return sale;
  }

  private SaleRequest sell(CloudTerminal t, boolean offline) {
    Map<UUID, String> tokens = new java.util.HashMap<>();
    Sale sale = paid(t, false, tokens);
    return t.recordSale(sale, cloud.demo.cashierId(), offline ? Map.of() : tokens, offline, null);
  }

  @Test
  void theTerminalReportsItsUnsentEntriesAndVersionForTheBackOffice() throws Exception {
    AdminService.NewTerminal created =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(),
                cloud.demo.storeId(),
                "T" + (10 + terminals++),
                "reporting");
    // The default timeouts: no fault is injected here.
    try (CloudTerminal t = CloudTerminal.open(dir, clock, CloudClientConfig::defaults)) {
      t.reportVersion("2.3.4");
      t.enroll(
          URI.create("http://127.0.0.1:" + cloud.app.port()), created.enrollmentCode(), "test");
      // Enrolling fetched the configuration with the credential: the service heard the report.
      Map<String, Object> contact =
          cloud
              .database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select unsent_entries, app_version, last_contact_at"
                                  + " from terminal_contact where terminal_id = :t")
                          .bind("t", created.terminalId())
                          .mapToMap()
                          .one());
      assertThat(contact.get("app_version")).isEqualTo("2.3.4");
      assertThat(((Number) contact.get("unsent_entries")).longValue()).isZero();
      assertThat(contact.get("last_contact_at")).isNotNull();
    }
  }

  @Test
  void enrollmentKeepsTheCredentialSealedAndTheConfigurationCached() throws Exception {
    String credential;
    try (CloudTerminal t = enrolled()) {
      credential = t.client().credentials().terminal();
      assertThat(t.config().store().code()).isEqualTo("K1");
      assertThat(t.settings().staff()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(t.catalog().size()).isPositive();
    }
    String secret = credential.substring(credential.indexOf('.') + 1);
    for (Path f : Files.list(dir).toList()) {
      assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
          .as(f.toString())
          .doesNotContain(secret);
    }
    try (CloudTerminal again = CloudTerminal.open(dir, clock, this::config)) {
      assertThat(again.enrolled()).isTrue();
      assertThat(again.client().credentials().terminal()).isEqualTo(credential);
      assertThat(again.client().terminalConfig().terminalCode())
          .isEqualTo(again.config().terminalCode());
    }
  }

  @Test
  void aSaleTakesTheWholePathToTheServiceOnce() {
    try (CloudTerminal t = enrolled()) {
      Map<UUID, String> tokens = new java.util.HashMap<>();
      Sale sale = paid(t, true, tokens);
      SaleRequest r = t.recordSale(sale, cloud.demo.cashierId(), tokens, false, null);
      assertThat(r.receiptNumber()).startsWith("K1-" + t.config().terminalCode() + "-");
      t.syncNow();
      assertThat(t.outbox().find(sale.id()).orElseThrow().state())
          .isEqualTo(Outbox.State.ACKNOWLEDGED);
      t.signIn(cloud.demo.cashierId(), "1111");
      assertThat(t.client().sale(sale.id()).totals().total())
          .isEqualTo(sale.totals().total().minor());
      assertThat(t.client().sale(sale.id()).tenders().get(0).status()).isEqualTo("APPROVED");
    }
  }

  @Test
  void aSaleInProgressKeepsThePricesItStartedWithThroughACatalogueChange() {
    try (CloudTerminal t = enrolled()) {
      CatalogItem before = t.catalog().byId("water").orElseThrow();
      Sale sale = Sale.open(UUID.randomUUID(), t.salePolicy(), clock.instant());
      sale.addItem(before, Quantity.of(2));
      ItemDto changed =
          new ItemDto(
              "water",
              "WATER",
              before.name(),
              before.barcodes(),
              "EACH",
              before.price().minor() + 500,
              before.taxClass(),
              null,
              false,
              false,
              true);
      cloud.services.admin().putItem(cloud.demo.organisationId(), changed);
      t.syncCatalog();
      assertThat(t.catalog().byId("water").orElseThrow().price().minor())
          .isEqualTo(before.price().minor() + 500);
      sale.startTendering();
      sale.addTender(Tender.cash(sale.cashDue()), clock.instant());
      t.recordSale(sale, cloud.demo.cashierId(), Map.of(), false, null);
      t.syncNow();
      Outbox.Entry delivered = t.outbox().find(sale.id()).orElseThrow();
      assertThat(delivered.state()).as(delivered.lastError()).isEqualTo(Outbox.State.ACKNOWLEDGED);
      assertThat(sale.totals().total().minor()).isEqualTo(2 * before.price().minor());

      // Opened after the change by more than a clock's error allowed for prices (5 minutes), and
      // ahead of the service's clock by less than the 15 minutes a time may be.
      Sale late =
          Sale.open(
              UUID.randomUUID(), t.salePolicy(), clock.instant().plus(Duration.ofMinutes(10)));
      late.addItem(before, Quantity.of(1));
      late.startTendering();
      late.addTender(Tender.cash(late.cashDue()), clock.instant());
      t.recordSale(late, cloud.demo.cashierId(), Map.of(), false, null);
      t.syncNow();
      Outbox.Entry refused = t.outbox().find(late.id()).orElseThrow();
      assertThat(refused.state())
          .as("a sale opened after the change cannot use the old price")
          .isEqualTo(Outbox.State.REJECTED);
      assertThat(refused.lastError()).contains("is not the catalogue price");
    }
  }

  @Test
  void thePinAloneSignsInItsEmployeeOnlineAndOfflineAndWrongOnesLockOnlyPinAlone()
      throws Exception {
    try (CloudTerminal t = enrolled()) {
      CloudTerminal.SignIn online = t.signIn(null, "1111");
      assertThat(online.offline()).isFalse();
      assertThat(online.employee().id()).isEqualTo(cloud.demo.cashierId());
      t.signOut();

      proxy.fault(Fault.REFUSE);
      CloudTerminal.SignIn offline = t.signIn(null, "9999");
      assertThat(offline.offline()).isTrue();
      assertThat(offline.employee().id()).isEqualTo(cloud.demo.managerId());
      for (int i = 0; i < OfflineSignIn.MAX_FAILED_PINS - 1; i++) {
        assertThatThrownBy(() -> t.signIn(null, "0000"))
            .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.lockedOut()).isFalse());
      }
      // A right PIN between wrong ones buys no more guesses.
      assertThat(t.signIn(null, "1111").offline()).isTrue();
      assertThatThrownBy(() -> t.signIn(null, "0000"))
          .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.lockedOut()).isTrue());
      assertThatThrownBy(() -> t.signIn(null, "1111"))
          .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.lockedOut()).isTrue());
      // Choosing the name first still works: the cashier was never counted against.
      assertThat(t.signIn(cloud.demo.cashierId(), "1111").offline()).isTrue();
      proxy.fault(Fault.NONE);
    }
  }

  @Test
  void offlineTheCashierSignsInAgainstTheCachedVerifierAndWrongPinsLockOut() throws Exception {
    try (CloudTerminal t = enrolled()) {
      long signIns = cloud.audited("OFFLINE_SIGN_IN");
      long failed = cloud.audited("OFFLINE_PIN_FAILED");
      proxy.fault(Fault.REFUSE);
      CloudTerminal.SignIn in = t.signIn(cloud.demo.cashierId(), "1111");
      assertThat(in.offline()).isTrue();
      assertThat(in.employee().role()).isEqualTo("CASHIER");
      for (int i = 0; i < OfflineSignIn.MAX_FAILED_PINS - 1; i++) {
        assertThatThrownBy(() -> t.signIn(cloud.demo.cashierId(), "0000"))
            .isInstanceOf(SignInRefused.class)
            .hasMessageContaining("tries left");
      }
      assertThatThrownBy(() -> t.signIn(cloud.demo.cashierId(), "0000"))
          .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.lockedOut()).isTrue());
      assertThatThrownBy(() -> t.signIn(cloud.demo.cashierId(), "1111"))
          .as("the right PIN does not lift a lockout")
          .isInstanceOfSatisfying(SignInRefused.class, e -> assertThat(e.lockedOut()).isTrue());
      clock.advance(OfflineSignIn.LOCKOUT.plusSeconds(1));
      SERVICE_CLOCK.advance(OfflineSignIn.LOCKOUT.plusSeconds(1));
      assertThat(t.signIn(cloud.demo.cashierId(), "1111").offline()).isTrue();
      proxy.fault(Fault.NONE);
      t.syncNow();
      assertThat(cloud.audited("OFFLINE_SIGN_IN")).isEqualTo(signIns + 2);
      assertThat(cloud.audited("OFFLINE_PIN_FAILED")).isEqualTo(failed + 5);
    }
  }

  @Test
  void offlineCardsStayWithinTheStoresLimitsAndWindow() throws Exception {
    try (CloudTerminal t = enrolled()) {
      t.syncNow();
      proxy.fault(Fault.REFUSE);
      // The demo store: 2,000.00 per sale, 20,000.00 in all, for 24 hours after the last contact.
      assertThat(t.offlineCard(200_001))
          .isEqualTo(
              new OfflineCards.Refused(
                  OfflineCards.Reason.OVER_SALE_LIMIT, "Above the offline card limit of 200000"));
      long held = 0;
      while (held < 1_800_000) {
        Map<UUID, String> tokens = new java.util.HashMap<>();
        Sale sale = paid(t, true, tokens);
        long amount = sale.totals().total().minor();
        if (held + amount > 2_000_000) {
          break;
        }
        assertThat(t.offlineCard(amount)).isInstanceOf(OfflineCards.Allowed.class);
        t.recordSale(sale, cloud.demo.cashierId(), Map.of(), true, null);
        held += amount;
      }
      assertThat(t.offlineCard(2_000_000 - held + 1))
          .isInstanceOfSatisfying(
              OfflineCards.Refused.class,
              r -> assertThat(r.reason()).isEqualTo(OfflineCards.Reason.OVER_TOTAL_LIMIT));
      clock.advance(Duration.ofHours(25));
      assertThat(t.offlineCard(100))
          .isInstanceOfSatisfying(
              OfflineCards.Refused.class,
              r -> assertThat(r.reason()).isEqualTo(OfflineCards.Reason.WINDOW_PASSED));
      proxy.fault(Fault.NONE);
      t.syncNow();
      assertThat(t.outbox().stats().unsent()).isZero();
      assertThat(t.outbox().rejectedEntries()).isEmpty();
      assertThat(t.offlineCard(100)).isInstanceOf(OfflineCards.Allowed.class);
    }
  }

  @Test
  void aShiftOpensWithItsFloatTakesCashMovementsAndANoSaleNeedsAManager() throws Exception {
    try (CloudTerminal t = enrolled()) {
      assertThat(t.shifts().current()).isEmpty();
      UUID shift = t.shifts().open(50_000, cloud.demo.cashierId());
      assertThat(t.shifts().current()).contains(shift);
      assertThatThrownBy(() -> t.shifts().open(1, cloud.demo.cashierId()))
          .isInstanceOf(IllegalStateException.class);
      t.shifts().cashMovement("IN", 10_000, "change from the bank", cloud.demo.cashierId(), null);
      t.shifts().cashMovement("OUT", 5_000, "window cleaner", cloud.demo.cashierId(), null);
      assertThatThrownBy(
              () ->
                  t.shifts()
                      .cashMovement(
                          "NO_SALE", 0, "change for a customer", cloud.demo.cashierId(), null))
          .isInstanceOf(SignInRefused.class);
      t.shifts()
          .cashMovement(
              "NO_SALE",
              0,
              "change for a customer",
              cloud.demo.cashierId(),
              new CloudTerminal.ManagerOverride(cloud.demo.managerId(), "9999"));
      sell(t, false);
      t.signIn(cloud.demo.cashierId(), "1111");
      var x = t.shifts().xReport().orElseThrow();
      assertThat(x.kind()).isEqualTo("X");
      assertThat(x.openingFloat()).isEqualTo(50_000);
      assertThat(x.cashIn()).isEqualTo(10_000);
      assertThat(x.cashOut()).isEqualTo(5_000);
      assertThat(x.noSales()).isEqualTo(1);
      assertThat(x.sales()).isEqualTo(1);
      var z =
          t.shifts()
              .close(shift, x.cashExpected(), true, cloud.demo.managerId(), null)
              .orElseThrow();
      assertThat(z.kind()).isEqualTo("Z");
      assertThat(z.overShort()).isZero();
      assertThat(t.shifts().current()).isEmpty();
    }
  }

  @Test
  void closingAShiftWithSalesUnsentNeedsAManagersPinAndIsAudited() throws Exception {
    try (CloudTerminal t = enrolled()) {
      UUID shift = t.shifts().open(50_000, cloud.demo.cashierId());
      t.syncNow();
      proxy.fault(Fault.REFUSE);
      sell(t, true);
      sell(t, true);
      assertThatThrownBy(() -> t.shifts().close(shift, 60_000, true, cloud.demo.cashierId(), null))
          .isInstanceOfSatisfying(
              UnsyncedEntriesException.class, e -> assertThat(e.unsynced()).isEqualTo(2));
      assertThatThrownBy(
              () ->
                  t.shifts()
                      .close(
                          shift,
                          60_000,
                          true,
                          cloud.demo.cashierId(),
                          new CloudTerminal.ManagerOverride(cloud.demo.cashierId(), "1111")))
          .isInstanceOf(SignInRefused.class)
          .hasMessageContaining("not a manager");
      long overrides = cloud.audited("SHIFT_CLOSE_OVERRIDE");
      assertThat(
              t.shifts()
                  .close(
                      shift,
                      60_000,
                      true,
                      cloud.demo.cashierId(),
                      new CloudTerminal.ManagerOverride(cloud.demo.managerId(), "9999")))
          .isEmpty();
      proxy.fault(Fault.NONE);
      t.syncNow();
      assertThat(t.outbox().stats().unsent()).isZero();
      assertThat(t.outbox().rejectedEntries()).isEmpty();
      assertThat(cloud.audited("SHIFT_CLOSE_OVERRIDE")).isEqualTo(overrides + 1);
      assertThat(t.outbox().response(TerminalShifts.closeEntry(shift))).isPresent();
    }
  }

  /**
   * Each sale gets its receipt token on the till when it is made (ADR 0041): 128 random bits,
   * base64url, never the receipt number, in the journal at once; a sale made offline keeps the same
   * token when it is delivered, and the service opens its receipt by it.
   */
  @Test
  void eachSaleGetsAnUnguessableTokenOnTheTillThatTheServiceKeeps() throws Exception {
    try (CloudTerminal t = enrolled()) {
      proxy.fault(Fault.REFUSE);
      SaleRequest offline = sell(t, true);
      java.util.Set<String> tokens = new java.util.HashSet<>();
      tokens.add(offline.receiptToken());
      for (int i = 0; i < 20; i++) {
        tokens.add(sell(t, true).receiptToken());
      }
      assertThat(tokens).hasSize(21).allMatch(x -> x.matches("[A-Za-z0-9_-]{22}"));
      assertThat(java.util.Base64.getUrlDecoder().decode(offline.receiptToken()))
          .hasSize(16); // 128 bits
      assertThat(offline.receiptToken()).doesNotContain(offline.receiptNumber());
      // In the journal at once, found by its own index, before the service has heard of it.
      assertThat(t.outbox().withReceiptToken(CloudTerminal.SALE, offline.receiptToken()))
          .singleElement()
          .satisfies(e -> assertThat(e.id()).isEqualTo(offline.id()));
      assertThat(
              cloud.send("GET", "/v1/receipts/" + offline.receiptToken(), null, Map.of()).status())
          .isEqualTo(404);

      proxy.fault(Fault.NONE);
      t.syncNow();
      assertThat(t.outbox().stats().unsent()).isZero();
      String stored =
          cloud
              .database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select receipt_token from sale where id = :id")
                          .bind("id", offline.id())
                          .mapTo(String.class)
                          .one());
      assertThat(stored).isEqualTo(offline.receiptToken());
      var receipt = cloud.send("GET", "/v1/receipts/" + offline.receiptToken(), null, Map.of());
      assertThat(receipt.status()).isEqualTo(200);
      assertThat(receipt.json().get("receiptNumber").asText()).isEqualTo(offline.receiptNumber());
      // Another register finds it for a return by the token its QR code carries.
      t.signIn(cloud.demo.cashierId(), "1111");
      assertThat(t.client().saleByToken(offline.receiptToken()))
          .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(offline.id()));
    }
  }

  @Test
  void afterEveryKindOfNetworkFaultTheServiceHoldsEverySaleExactlyOnce() throws Exception {
    proxy.slowness(Duration.ofMillis(1500));
    try (CloudTerminal t = enrolled()) {
      long before = cloud.count("sale");
      List<UUID> sales = new ArrayList<>();
      for (Fault f :
          List.of(
              Fault.REFUSE, Fault.RESET_MID_REQUEST, Fault.LOSE_RESPONSE, Fault.SLOW_RESPONSE)) {
        proxy.fault(f);
        for (int i = 0; i < 3; i++) {
          sales.add(sell(t, false).id());
        }
        t.syncNow();
        t.syncNow();
        assertThat(t.status().connectivity()).as(f.name()).isNotEqualTo(Connectivity.State.ONLINE);
        assertThat(t.outbox().stats().unsent()).as(f.name()).isPositive();
        proxy.fault(Fault.NONE);
      }
      assertThat(proxy.faultsInjected()).isPositive();
      t.syncNow();
      assertThat(t.outbox().stats().unsent()).isZero();
      assertThat(t.outbox().rejectedEntries()).isEmpty();
      assertThat(cloud.count("sale")).isEqualTo(before + sales.size());
      for (UUID id : sales) {
        assertThat(t.outbox().find(id).orElseThrow().state()).isEqualTo(Outbox.State.ACKNOWLEDGED);
      }
    }
  }

  @Test
  void aSaleIsFoundInTheJournalRebuiltAndPartlyRefundedWithAManagersPin() {
    try (CloudTerminal t = enrolled()) {
      SaleRequest sold = sell(t, false);
      t.syncNow();
      TerminalReturns.FoundSale found = t.returns().findSale(sold.receiptNumber()).orElseThrow();
      assertThat(found.refunds()).isEmpty();
      Sale rebuilt =
          io.kasa.api.sales.SaleRequests.replay(found.sale(), t.salePolicy(), t.catalog()::byId);
      assertThat(rebuilt.totals().total().minor()).isEqualTo(sold.totals().total());
      java.util.function.Function<CloudTerminal.ManagerOverride, io.kasa.api.sales.RefundRequestDto>
          oneLoafBack =
              manager ->
                  t.returns()
                      .recordRefund(
                          UUID.randomUUID(),
                          sold.id(),
                          List.of(new io.kasa.api.sales.RefundLineDto(1, "1")),
                          "CASH",
                          "faulty",
                          cloud.demo.cashierId(),
                          manager);
      assertThatThrownBy(() -> oneLoafBack.apply(null)).isInstanceOf(SignInRefused.class);
      var refund =
          oneLoafBack.apply(new CloudTerminal.ManagerOverride(cloud.demo.managerId(), "9999"));
      assertThat(refund.receiptNumber()).isNotEqualTo(sold.receiptNumber());
      t.syncNow();
      assertThat(t.outbox().find(refund.id()).orElseThrow().state())
          .as(t.outbox().find(refund.id()).orElseThrow().lastError())
          .isEqualTo(Outbox.State.ACKNOWLEDGED);
      assertThat(t.returns().findSale(sold.receiptNumber()).orElseThrow().refunds()).hasSize(1);
      assertThat(t.returns().findSale("K1-T9-999999")).isEmpty();
    }
  }
}
