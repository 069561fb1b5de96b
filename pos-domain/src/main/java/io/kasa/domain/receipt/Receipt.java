package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxMode;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Everything a receipt shows, independent of the device that renders it.
 *
 * @param kind sale or refund
 * @param storeName the trading name
 * @param header lines under the name
 * @param taxId the store's tax number, or {@code null}
 * @param number the receipt number
 * @param originalNumber on a refund, the receipt of the original sale; otherwise {@code null}
 * @param time when it was completed, in the store's zone
 * @param terminal the terminal's name
 * @param cashier the employee's name
 * @param lines item lines
 * @param subtotal the sum of the lines' gross amounts
 * @param lineDiscounts the sum of line discounts
 * @param orderDiscount the order discount
 * @param tax the tax
 * @param total what the customer paid (sale) or is owed (refund), before cash rounding
 * @param taxMode whether prices include tax
 * @param taxBreakdown the tax per rate
 * @param payments tenders taken (sale) or payouts (refund)
 * @param cashRounding the cash rounding, zero if none
 * @param change change given, zero if none
 * @param footer lines at the end
 * @param barcodePayload the code printed as a barcode to find this receipt again (CODE128)
 * @param qrPayload the receipt's URL as a QR code, or {@code null}
 * @param locale language and number format
 * @param offline completed without the service
 */
public record Receipt(
    Kind kind,
    String storeName,
    List<String> header,
    String taxId,
    ReceiptNumber number,
    ReceiptNumber originalNumber,
    ZonedDateTime time,
    String terminal,
    String cashier,
    List<ReceiptLine> lines,
    Money subtotal,
    Money lineDiscounts,
    Money orderDiscount,
    Money tax,
    Money total,
    TaxMode taxMode,
    List<TaxBreakdownLine> taxBreakdown,
    List<ReceiptPayment> payments,
    Money cashRounding,
    Money change,
    List<String> footer,
    String barcodePayload,
    String qrPayload,
    Locale locale,
    boolean offline) {

  /** What the receipt is for. */
  public enum Kind {
    SALE,
    REFUND
  }

  public Receipt {
    header = List.copyOf(header);
    lines = List.copyOf(lines);
    taxBreakdown = List.copyOf(taxBreakdown);
    payments = List.copyOf(payments);
    footer = List.copyOf(footer);
  }

  /**
   * The same receipt marked as a copy, in its own language, for a reprint: a customer or an auditor
   * can tell it from the original.
   */
  public Receipt asCopy() {
    String mark =
        "*** "
            + java.util.ResourceBundle.getBundle(ReceiptTextLayout.BUNDLE, locale).getString("copy")
            + " ***";
    List<String> marked = new java.util.ArrayList<>(header);
    marked.add(mark);
    return new Receipt(
        kind,
        storeName,
        marked,
        taxId,
        number,
        originalNumber,
        time,
        terminal,
        cashier,
        lines,
        subtotal,
        lineDiscounts,
        orderDiscount,
        tax,
        total,
        taxMode,
        taxBreakdown,
        payments,
        cashRounding,
        change,
        footer,
        barcodePayload,
        qrPayload,
        locale,
        offline);
  }

  /** The amount actually settled: the total plus cash rounding. */
  public Money settled() {
    return total.plus(cashRounding);
  }
}
