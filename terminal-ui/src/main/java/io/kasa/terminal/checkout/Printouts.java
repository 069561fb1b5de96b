package io.kasa.terminal.checkout;

import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ShiftReportReceipt;
import io.kasa.print.ReceiptPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the register prints — receipts, refunds, X and Z reports, pre-bills — queued on the printer
 * without waiting for it, and kept under the receipts folder as the raw ESC/POS bytes and a PDF. A
 * job the printer could not print is logged and waits in its reprint queue. Each starts with the
 * logo stored in the printer's memory when the technician set one; none kicks the drawer (the
 * drawer is its own device, ADR 0029).
 */
public final class Printouts {

  private static final Logger LOG = LoggerFactory.getLogger(Printouts.class);

  private final java.util.function.Supplier<PrinterService> printers;
  private final java.util.function.Supplier<String> logoKey;
  private final Path folder;

  /**
   * @param printers the receipt printer in use now (a technician may have replaced it)
   * @param logoKey the key of the logo in the printer's memory, or empty for none
   * @param folder where the printed bytes and PDFs are kept
   */
  public Printouts(
      java.util.function.Supplier<PrinterService> printers,
      java.util.function.Supplier<String> logoKey,
      Path folder) {
    this.printers = printers;
    this.logoKey = logoKey;
    this.folder = folder;
  }

  /** Prints a sale's or refund's receipt; answers its lines. */
  public List<String> receipt(Receipt receipt) throws IOException {
    ReceiptRenderer renderer = new ReceiptRenderer(printers.get().profile(), options());
    List<String> lines = renderer.preview(receipt);
    keep(
        receipt.number().toString(),
        renderer.render(receipt),
        lines,
        renderer.columns(),
        renderer.code(receipt));
    return lines;
  }

  /** Prints an X or Z report under {@code name}; answers its lines. */
  public List<String> report(ShiftReportReceipt report, String name) throws IOException {
    ReceiptRenderer renderer = new ReceiptRenderer(printers.get().profile(), options());
    List<String> lines = renderer.preview(report);
    keep(name, renderer.render(report), lines, renderer.columns(), null);
    return lines;
  }

  /**
   * Prints laid-out lines that are not a receipt (a pre-bill) under {@code name}; {@code layout}
   * gets the printer's columns and how it prints text, so what it lays out is what prints (the
   * bytes and the PDF say the same). Answers the lines printed.
   */
  public List<String> lines(
      java.util.function.BiFunction<
              Integer,
              java.util.function.UnaryOperator<String>,
              List<io.kasa.domain.receipt.ReceiptTextLayout.Line>>
          layout,
      String name)
      throws IOException {
    ReceiptRenderer renderer = new ReceiptRenderer(printers.get().profile(), options());
    List<io.kasa.domain.receipt.ReceiptTextLayout.Line> laid =
        layout.apply(renderer.columns(), renderer::printable);
    List<String> text =
        laid.stream().map(io.kasa.domain.receipt.ReceiptTextLayout.Line::text).toList();
    keep(name, renderer.encode(laid, null, null), text, renderer.columns(), null);
    return text;
  }

  /** Prints a receipt again, marked as a copy; the original is what is kept. */
  public void copy(Receipt receipt) {
    queue(
        "copy of " + receipt.number(),
        new ReceiptRenderer(printers.get().profile(), options()).render(receipt.asCopy()));
  }

  private ReceiptOptions options() {
    String key = logoKey.get();
    return key == null || key.isEmpty()
        ? ReceiptOptions.defaults()
        : ReceiptOptions.defaults().withNvLogo(key);
  }

  private void keep(
      String name, byte[] bytes, List<String> lines, int columns, ReceiptRenderer.PrintedCode code)
      throws IOException {
    queue(name, bytes);
    Files.createDirectories(folder);
    Files.write(folder.resolve(name + ".escpos"), bytes);
    ReceiptPdf.write(
        lines,
        columns,
        code == null
            ? null
            : new ReceiptPdf.Code(
                code.kind() == ReceiptRenderer.PrintedCode.Kind.QR
                    ? ReceiptPdf.Code.Kind.QR
                    : ReceiptPdf.Code.Kind.CODE128,
                code.payload()),
        folder.resolve(name + ".pdf"));
  }

  private void queue(String name, byte[] bytes) {
    printers
        .get()
        .print(PrintJob.of(name, bytes))
        .thenAccept(
            r -> {
              if (!r.printed()) {
                LOG.atWarn()
                    .addKeyValue("job", name)
                    .addKeyValue("failure", r.failure())
                    .log("not printed; kept for reprint");
              }
            });
  }
}
