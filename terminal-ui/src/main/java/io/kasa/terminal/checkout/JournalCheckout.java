package io.kasa.terminal.checkout;

import io.kasa.api.sales.SaleRequest;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptBuilder;
import io.kasa.domain.receipt.ReceiptContext;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.terminal.receipt.ReceiptPdf;
import io.kasa.terminal.sale.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a paid sale in the order that loses nothing: journal it (receipt number and outbox
 * entry in one local transaction), then queue the receipt on the printer — kicking the drawer for
 * cash — and keep its bytes and a PDF copy under the receipts folder. The printer's answer is not
 * waited for: a fault shows in the status bar and the job waits in the printer's reprint queue.
 */
public final class JournalCheckout implements Checkout {

  private static final Logger LOG = LoggerFactory.getLogger(JournalCheckout.class);

  private final CloudTerminal terminal;
  private final PrinterService printer;
  private final Supplier<StoreProfile> store;
  private final Supplier<Cashier> cashier;
  private final Path receipts;
  private final Clock clock;
  private volatile Receipt last;

  /** Who is selling: the employee vouched for in the outbox, and the name on the receipt. */
  public record Cashier(UUID id, String name) {}

  public JournalCheckout(
      CloudTerminal terminal,
      PrinterService printer,
      Supplier<StoreProfile> store,
      Supplier<Cashier> cashier,
      Path receipts,
      Clock clock) {
    this.terminal = terminal;
    this.printer = printer;
    this.store = store;
    this.cashier = cashier;
    this.receipts = receipts;
    this.clock = clock;
  }

  @Override
  public Completed complete(Sale sale, boolean offline, UUID approvalId) throws IOException {
    Cashier who = cashier.get();
    SaleRequest recorded = terminal.recordSale(sale, who.id(), Map.of(), offline, approvalId);
    ReceiptNumber number = ReceiptNumber.parse(recorded.receiptNumber());
    Receipt receipt =
        ReceiptBuilder.forSale(
            sale,
            store.get(),
            new ReceiptContext(
                number, clock.instant(), terminal.config().terminalName(), who.name(), offline));
    boolean cash = sale.tenders().stream().anyMatch(Tender::isCash);
    ReceiptRenderer renderer =
        new ReceiptRenderer(printer.profile(), ReceiptOptions.defaults().withDrawer(cash));
    byte[] bytes = renderer.render(receipt);
    last = receipt;
    List<String> preview = renderer.preview(receipt);
    printer
        .print(PrintJob.of("receipt " + number, bytes))
        .thenAccept(
            r -> {
              if (!r.printed()) {
                LOG.atWarn()
                    .addKeyValue("receipt", number)
                    .addKeyValue("failure", r.failure())
                    .log("receipt not printed; kept for reprint");
              }
            });
    Files.createDirectories(receipts);
    Files.write(receipts.resolve(number + ".escpos"), bytes);
    ReceiptPdf.write(
        preview, renderer.columns(), receipt.qrPayload(), receipts.resolve(number + ".pdf"));
    return new Completed(number.toString(), preview);
  }

  @Override
  public java.util.Optional<String> reprintLast() {
    Receipt receipt = last;
    if (receipt == null) {
      return java.util.Optional.empty();
    }
    ReceiptRenderer renderer = new ReceiptRenderer(printer.profile(), ReceiptOptions.defaults());
    byte[] copy = renderer.render(receipt.asCopy());
    printer.print(PrintJob.of("copy of " + receipt.number(), copy));
    terminal.recordAudit("RECEIPT_REPRINT", cashier.get().id(), "receipt " + receipt.number());
    return java.util.Optional.of(receipt.number().toString());
  }
}
