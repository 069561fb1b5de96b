package io.kasa.devices.receipt;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptTextLayout;
import io.kasa.domain.receipt.ShiftReportReceipt;
import java.util.List;

/**
 * Renders pos-domain's {@link Receipt} for one printer: the shared column layout (name left, amount
 * right, names wrapped, tax breakdown) with the store name and total emphasised, then the receipt's
 * QR code (when the store publishes receipts and the printer can print QR) or a CODE128 barcode of
 * its number, then feed and cut. {@link #preview} gives the same layout as plain text.
 */
public final class ReceiptRenderer {

  private final PrinterProfile profile;
  private final ReceiptOptions options;

  public ReceiptRenderer(PrinterProfile profile, ReceiptOptions options) {
    this.profile = profile;
    this.options = options;
  }

  /**
   * {@code text} as this printer will print it (a code page without ₴ prints "грн"): lay out with
   * this, so the columns counted are the columns printed.
   */
  public String printable(String text) {
    return new EscPos(profile).printable(text);
  }

  /** Characters per line used for this printer. */
  public int columns() {
    return options.columns() > 0 ? options.columns() : profile.columnsFontA();
  }

  /** The ESC/POS bytes of the receipt. */
  public byte[] render(Receipt receipt) {
    return encode(lines(receipt), receipt.qrPayload(), receipt.barcodePayload());
  }

  /**
   * The ESC/POS bytes of a shift's X or Z report: the same layout, logo, feed and cut as receipts,
   * no code at the bottom.
   */
  public byte[] render(ShiftReportReceipt report) {
    return encode(layout(new EscPos(profile)).lines(report), null, null);
  }

  /** The receipt laid out in this printer's columns, measured on what it will actually print. */
  public List<ReceiptTextLayout.Line> lines(Receipt receipt) {
    return layout(new EscPos(profile)).lines(receipt);
  }

  /**
   * Encodes laid-out lines: logo, lines with the title and total emphasised, then the QR code of
   * {@code qrPayload} (when given and supported) or a CODE128 of {@code barcodePayload} (when
   * given), feed and cut.
   */
  public byte[] encode(
      List<ReceiptTextLayout.Line> lines, String qrPayload, String barcodePayload) {
    EscPos p = new EscPos(profile).initialize();
    if (options.nvLogoKey() != null && profile.nvGraphics()) {
      p.align(EscPos.Align.CENTER).nvLogo(options.nvLogoKey()).align(EscPos.Align.LEFT);
    } else if (options.rasterLogo() != null && profile.rasterImage()) {
      p.align(EscPos.Align.CENTER).image(options.rasterLogo()).align(EscPos.Align.LEFT);
    }
    for (ReceiptTextLayout.Line line : lines) {
      switch (line.emphasis()) {
        case TITLE -> p.bold(true).line(line.text()).bold(false);
        case TOTAL -> p.bold(true).size(1, 2).line(line.text()).size(1, 1).bold(false);
        case NORMAL -> p.line(line.text());
      }
    }
    p.align(EscPos.Align.CENTER);
    if (qrPayload != null && profile.qrCode()) {
      p.qr(qrPayload, 6, EscPos.QrLevel.M);
    } else if (barcodePayload != null) {
      p.barcode(EscPos.Barcode.CODE128, barcodePayload, 60, 2, EscPos.Hri.BELOW);
    }
    p.newline().align(EscPos.Align.LEFT).cut(options.cut());
    return p.toBytes();
  }

  private ReceiptTextLayout layout(EscPos printer) {
    return new ReceiptTextLayout(columns(), printer::printable);
  }

  /** A shift report as the plain text lines this printer prints, for previews and tests. */
  public List<String> preview(ShiftReportReceipt report) {
    return layout(new EscPos(profile)).layout(report);
  }

  /**
   * The receipt as the plain text lines this printer prints, for the screen, the PDF and tests; the
   * code under them is {@link #code}.
   */
  public List<String> preview(Receipt receipt) {
    return layout(new EscPos(profile)).layout(receipt);
  }

  /** The code this printer prints under the receipt: its QR code, or a CODE128 of its number. */
  public PrintedCode code(Receipt receipt) {
    return receipt.qrPayload() != null && profile.qrCode()
        ? new PrintedCode(PrintedCode.Kind.QR, receipt.qrPayload())
        : new PrintedCode(PrintedCode.Kind.CODE128, receipt.barcodePayload());
  }

  /**
   * The code under a receipt.
   *
   * @param kind a QR code or a CODE128 barcode
   * @param payload what it encodes
   */
  public record PrintedCode(Kind kind, String payload) {

    /** The symbologies a receipt ends with. */
    public enum Kind {
      QR,
      CODE128
    }
  }
}
