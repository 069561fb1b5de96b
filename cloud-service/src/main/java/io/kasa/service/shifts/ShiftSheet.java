package io.kasa.service.shifts;

import io.kasa.api.office.OfficeShift;
import io.kasa.api.office.OfficeShiftMovement;
import io.kasa.api.shifts.ShiftReportPrint;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.receipt.ReceiptTextLayout;
import io.kasa.print.ReceiptPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A shift's figures as a sheet: the till's own X or Z report, laid out as the till prints it
 * (pos-domain's report words and layout), followed by the shift's cash movements, one by one. The
 * back office's shift page labels its figures with the same words ({@link #word}), and its PDF is
 * this sheet drawn by receipt-pdf (ADR 0049).
 */
public final class ShiftSheet {

  /** The sheet's width in characters: the 80 mm roll's, as the till prints its Z report. */
  public static final int COLUMNS = 42;

  private static final String OWN = "io.kasa.service.shifts.ShiftSheet";
  private static final String REPORT = "io.kasa.domain.receipt.ReceiptText";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private ShiftSheet() {}

  /**
   * The word {@code key} in {@code locale}: the sheet's own (cash movements) or the till's report
   * word of that key ({@code sales}, {@code overShort}, {@code tender.CASH} ...).
   */
  public static String word(String key, Locale locale) {
    ResourceBundle.Control exact =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    try {
      return ResourceBundle.getBundle(OWN, locale, exact).getString(key);
    } catch (MissingResourceException e) {
      return ResourceBundle.getBundle(REPORT, locale, exact).getString(key);
    }
  }

  /** {@link #word} with its {@code {0}} filled. */
  public static String word(String key, Locale locale, Object... args) {
    return new MessageFormat(word(key, locale), locale).format(args);
  }

  /**
   * The sheet's lines.
   *
   * @param shift the shift with its figures
   * @param printedBy who asks for it (the report's "printed by")
   * @param printedAt now
   * @param locale the language
   */
  public static List<String> lines(
      OfficeShift shift, String printedBy, Instant printedAt, Locale locale) {
    Currency currency = Currency.getInstance(shift.shift().currency());
    ZoneId zone = zone(shift.shift().timeZone());
    List<String> out =
        new ArrayList<>(
            new ReceiptTextLayout(COLUMNS)
                .layout(
                    ShiftReportPrint.receipt(
                        shift.report(),
                        new ShiftReportPrint.Context(
                            shift.shift().store().name(),
                            shift.shift().terminal().name(),
                            printedBy,
                            currency,
                            zone,
                            printedAt,
                            locale))));
    out.add("-".repeat(COLUMNS));
    out.add(word("movements", locale));
    if (shift.movements().isEmpty()) {
      wrap(out, word("movements.none", locale));
    }
    MoneyFormat money = new MoneyFormat(locale);
    for (OfficeShiftMovement m : shift.movements()) {
      String amount =
          "NO_SALE".equals(m.type())
              ? ""
              : ("OUT".equals(m.type()) ? "-" : "+")
                  + plain(money.amount(Money.of(m.amount(), currency)));
      pair(
          out,
          TIME.format(m.at().atZone(zone)) + " " + word("movement." + m.type(), locale),
          amount);
      String who =
          m.employee().name()
              + (m.approvedBy() == null
                  ? ""
                  : ", " + word("approvedBy", locale, m.approvedBy().name()));
      wrap(out, "  " + m.reason() + " · " + who);
    }
    return out;
  }

  /** The sheet as a PDF on a roll's width, as the till keeps its receipts. */
  public static byte[] pdf(OfficeShift shift, String printedBy, Instant printedAt, Locale locale) {
    try {
      return ReceiptPdf.bytes(lines(shift, printedBy, printedAt, locale), COLUMNS, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A store's time zone, UTC when it does not read (as the Today screen takes it). */
  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  private static void pair(List<String> out, String left, String right) {
    int room = COLUMNS - right.length() - 1;
    if (left.length() > room) {
      wrap(out, left);
      out.add(" ".repeat(COLUMNS - right.length()) + right);
    } else {
      out.add(left + " ".repeat(COLUMNS - left.length() - right.length()) + right);
    }
  }

  private static void wrap(List<String> out, String text) {
    String rest = text;
    while (rest.length() > COLUMNS) {
      int cut = rest.lastIndexOf(' ', COLUMNS);
      if (cut <= 2) {
        cut = COLUMNS;
      }
      out.add(rest.substring(0, cut));
      rest = "  " + rest.substring(cut).strip();
    }
    out.add(rest);
  }

  /** Receipt printers have no narrow or no-break spaces: group digits with a plain space. */
  private static String plain(String s) {
    return s.replace('\u00a0', ' ').replace('\u202f', ' ');
  }
}
