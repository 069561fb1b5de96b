package io.kasa.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.store.Outbox;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.service.MutableClock;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sale whose journal entry moved to the archive (ADR 0037) is still found by its receipt number
 * and refunded, against the real service: the store's retention reaches the till with its
 * configuration, and the refund is journalled, delivered and found beside the archived sale.
 */
class ArchivedReturnsTest {

  /** One clock for the service and the till: the test moves both months on. */
  private static final MutableClock CLOCK = new MutableClock(Instant.now());

  private static TestCloud cloud;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(new io.kasa.service.sales.TestPaymentProcessor(), CLOCK);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private CloudTerminal enrolled() {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "T70", "archive");
    CloudTerminal terminal = CloudTerminal.open(dir, CLOCK, CloudClientConfig::defaults);
    terminal.enroll(URI.create("http://127.0.0.1:" + cloud.app.port()), t.enrollmentCode(), "t");
    return terminal;
  }

  private static SaleRequest sell(CloudTerminal t) {
    CatalogItem item =
        t.catalog().sellable(50).stream()
            .filter(i -> !i.unit().isMeasured() && !i.openPrice() && !i.ageRestricted())
            .findFirst()
            .orElseThrow();
    Sale sale = Sale.open(UUID.randomUUID(), t.salePolicy(), CLOCK.instant());
    sale.addItem(item, Quantity.of(2));
    sale.startTendering();
    sale.addTender(Tender.cash(sale.cashDue()), CLOCK.instant());
    return t.recordSale(sale, cloud.demo.cashierId(), Map.of(), false, null);
  }

  @Test
  void anArchivedSaleIsFoundByItsReceiptAndRefunded() {
    cloud
        .services
        .admin()
        .stores()
        .setJournalRetention(cloud.demo.organisationId(), cloud.demo.storeId(), 30);
    try (CloudTerminal t = enrolled()) {
      assertThat(t.config().store().journalRetentionDays()).isEqualTo(30);
      SaleRequest sold = sell(t);
      t.syncNow();
      assertThat(t.outbox().find(sold.id()).orElseThrow().state())
          .isEqualTo(Outbox.State.ACKNOWLEDGED);

      CLOCK.advance(Duration.ofDays(45));
      assertThat(t.archiver().passNow()).isPositive();
      assertThat(archived(t, sold.id())).as("the sale is in the archive").isTrue();

      TerminalReturns.FoundSale found = t.returns().findSale(sold.receiptNumber()).orElseThrow();
      assertThat(found.sale().id()).isEqualTo(sold.id());
      assertThat(found.refunds()).isEmpty();

      RefundRequestDto refund =
          t.returns()
              .recordRefund(
                  UUID.randomUUID(),
                  sold.id(),
                  List.of(new RefundLineDto(1, "1")),
                  "CASH",
                  "faulty",
                  cloud.demo.cashierId(),
                  new CloudTerminal.ManagerOverride(cloud.demo.managerId(), "9999"));
      t.syncNow();
      Outbox.Entry entry = t.outbox().find(refund.id()).orElseThrow();
      assertThat(entry.state()).as(entry.lastError()).isEqualTo(Outbox.State.ACKNOWLEDGED);
      assertThat(t.returns().findSale(sold.receiptNumber()).orElseThrow().refunds())
          .extracting(RefundRequestDto::id)
          .containsExactly(refund.id());
      assertThat(t.outbox().aboutSale(CloudTerminal.REFUND, sold.id()))
          .extracting(Outbox.Entry::id)
          .containsExactly(refund.id());
    } finally {
      cloud
          .services
          .admin()
          .stores()
          .setJournalRetention(cloud.demo.organisationId(), cloud.demo.storeId(), 90);
    }
  }

  private static boolean archived(CloudTerminal t, UUID id) {
    return t.store()
        .inTransaction(
            c -> {
              try (var s = c.prepareStatement("select 1 from outbox_archive where id = ?")) {
                s.setString(1, id.toString());
                try (var r = s.executeQuery()) {
                  return r.next();
                }
              }
            });
  }
}
