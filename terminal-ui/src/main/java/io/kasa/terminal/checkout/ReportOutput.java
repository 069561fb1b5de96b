package io.kasa.terminal.checkout;

import io.kasa.api.shifts.ShiftReport;
import io.kasa.api.shifts.ShiftReportPrint;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.domain.receipt.ShiftReportReceipt;
import io.kasa.terminal.receipt.ReceiptPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints an X or Z report (no drawer kick) and keeps its PDF beside the receipts. */
public final class ReportOutput {

  private final PrinterService printer;
  private final Path receipts;

  public ReportOutput(PrinterService printer, Path receipts) {
    this.printer = printer;
    this.receipts = receipts;
  }

  /** Queues the report on the printer, writes {@code <kind>-<shift>.pdf}; returns its lines. */
  public List<String> print(ShiftReport report, ShiftReportPrint.Context context)
      throws IOException {
    ShiftReportReceipt receipt = ShiftReportPrint.receipt(report, context);
    ReceiptRenderer renderer = new ReceiptRenderer(printer.profile(), ReceiptOptions.defaults());
    printer.print(
        PrintJob.of(report.kind() + " report " + report.shiftId(), renderer.render(receipt)));
    List<String> lines = renderer.preview(receipt);
    Files.createDirectories(receipts);
    String name =
        report.kind()
            + "-"
            + report.shiftId()
            + ("X".equals(report.kind()) ? "-" + context.printedAt().toEpochMilli() : "")
            + ".pdf";
    ReceiptPdf.write(lines, renderer.columns(), receipts.resolve(name));
    return lines;
  }
}
