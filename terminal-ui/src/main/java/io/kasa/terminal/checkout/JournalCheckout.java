package io.kasa.terminal.checkout;

import io.kasa.api.sales.SaleRequest;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptBuilder;
import io.kasa.domain.receipt.ReceiptContext;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.terminal.sale.Checkout;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a paid sale in the order that loses nothing: journal it (receipt number and outbox
 * entry in one local transaction), then print the receipt and keep its copies ({@link Printouts}),
 * then, for cash, open the drawer through its own device (ADR 0029) — a drawer that does not open
 * never undoes the sale.
 */
public final class JournalCheckout implements Checkout {

  private static final Logger LOG = LoggerFactory.getLogger(JournalCheckout.class);

  private final CloudTerminal terminal;
  private final Printouts printouts;
  private final Runnable cashDrawer;
  private final Supplier<StoreProfile> store;
  private final Supplier<Cashier> cashier;
  private final Clock clock;
  private volatile Receipt last;

  /** Who is selling: the employee vouched for in the outbox, and the name on the receipt. */
  public record Cashier(UUID id, String name) {}

  /**
   * @param cashDrawer opens the cash drawer (in the background; it reports its own failure)
   */
  public JournalCheckout(
      CloudTerminal terminal,
      Printouts printouts,
      Runnable cashDrawer,
      Supplier<StoreProfile> store,
      Supplier<Cashier> cashier,
      Clock clock) {
    this.terminal = terminal;
    this.printouts = printouts;
    this.cashDrawer = cashDrawer;
    this.store = store;
    this.cashier = cashier;
    this.clock = clock;
  }

  @Override
  public CardResult authoriseCard(
      UUID saleId, UUID tenderId, io.kasa.domain.money.Money amount, String token) {
    CloudTerminal.CardOutcome outcome =
        terminal.authoriseCard(saleId, tenderId, amount.minor(), token);
    if (outcome instanceof CloudTerminal.CardOutcome.Approved a) {
      return new CardResult.Approved(a.authorisation());
    }
    if (outcome instanceof CloudTerminal.CardOutcome.Declined d) {
      return new CardResult.Declined(d.reason());
    }
    if (outcome instanceof CloudTerminal.CardOutcome.Offline o) {
      return o.decision() instanceof io.kasa.client.terminal.OfflineCards.Refused r
          ? new CardResult.RefusedOffline(r.reason().name())
          : new CardResult.StoredOffline();
    }
    return new CardResult.NoAnswer();
  }

  @Override
  public Completed complete(
      Sale sale, boolean offline, UUID approvalId, Map<UUID, String> cardTokens)
      throws IOException {
    Cashier who = cashier.get();
    SaleRequest recorded = terminal.recordSale(sale, who.id(), cardTokens, offline, approvalId);
    ReceiptNumber number = ReceiptNumber.parse(recorded.receiptNumber());
    Receipt receipt =
        ReceiptBuilder.forSale(
            sale,
            store.get(),
            new ReceiptContext(
                number,
                clock.instant(),
                terminal.config().terminalName(),
                who.name(),
                offline,
                recorded.receiptToken()));
    last = receipt;
    List<String> preview = printouts.receipt(receipt);
    if (sale.tenders().stream().anyMatch(Tender::isCash)) {
      cashDrawer.run();
    }
    return new Completed(number.toString(), preview);
  }

  @Override
  public java.util.Optional<String> reprintLast() {
    Receipt receipt = last;
    if (receipt == null) {
      return java.util.Optional.empty();
    }
    printouts.copy(receipt);
    terminal.recordAudit("RECEIPT_REPRINT", cashier.get().id(), "receipt " + receipt.number());
    return java.util.Optional.of(receipt.number().toString());
  }
}
