package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxMode;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Lays a receipt (or a shift's X/Z report) out as plain text lines of a fixed width (32, 42 or 48
 * columns on common receipt printers), in the receipt's language. Names are wrapped, never
 * truncated.
 */
public final class ReceiptTextLayout {

  static final String BUNDLE = "io.kasa.domain.receipt.ReceiptText";
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final int columns;
  private final UnaryOperator<String> printable;

  public ReceiptTextLayout(int columns) {
    this(columns, UnaryOperator.identity());
  }

  /**
   * A layout for a device that prints some characters differently (a printer without ₴ prints
   * "грн"): {@code printable} maps text to what will actually print, and widths are measured on
   * that, so columns still line up.
   */
  public ReceiptTextLayout(int columns, UnaryOperator<String> printable) {
    if (columns < 24) {
      throw new IllegalArgumentException("A receipt needs at least 24 columns: " + columns);
    }
    this.columns = columns;
    this.printable = printable;
  }

  /** How a printer may emphasise a line; the text fits the columns either way. */
  public enum Emphasis {
    NORMAL,
    /** The store name at the top. */
    TITLE,
    /** The total to pay or refund. */
    TOTAL
  }

  /**
   * One laid-out line.
   *
   * @param text at most {@code columns} characters
   * @param emphasis how it may be emphasised (bold, double height) without changing its width
   */
  public record Line(String text, Emphasis emphasis) {}

  /** The receipt as plain text lines. */
  public List<String> layout(Receipt receipt) {
    return lines(receipt).stream().map(Line::text).toList();
  }

  /** The receipt as lines with their emphasis, for printers that can style them. */
  public List<Line> lines(Receipt receipt) {
    List<Line> styled = new ArrayList<>();
    List<String> out = new ArrayList<>();
    ResourceBundle text = ResourceBundle.getBundle(BUNDLE, receipt.locale());
    MoneyFormat format = new MoneyFormat(receipt.locale());

    center(out, receipt.storeName());
    flush(out, styled, Emphasis.TITLE);
    receipt.header().forEach(h -> center(out, h));
    if (receipt.taxId() != null) {
      center(out, text.getString("taxId") + " " + receipt.taxId());
    }
    rule(out);
    wrap(out, text.getString("kind." + receipt.kind()) + " " + receipt.number(), "");
    if (receipt.originalNumber() != null) {
      wrap(out, text.getString("original") + " " + receipt.originalNumber(), "");
    }
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(receipt.locale());
    pair(out, plain(time.format(receipt.time())), receipt.terminal());
    pair(out, text.getString("cashier"), receipt.cashier());
    rule(out);

    for (ReceiptLine line : receipt.lines()) {
      wrap(out, line.name(), "");
      String qty =
          "  "
              + plain(format.quantity(line.quantity()))
              + " "
              + text.getString("unit." + line.unit().name())
              + " x "
              + amount(format, line.unitPrice());
      pair(out, qty, amount(format, line.gross()) + " " + line.taxLabel());
      extras(out, LineExtras.rows(line, receipt.locale()));
      if (line.discount().isPositive()) {
        String label = "  " + text.getString("discount");
        pair(out, label, "-" + amount(format, line.discount()) + "  ");
      }
      if (line.note() != null) {
        wrap(out, line.note(), "    ");
      }
    }
    rule(out);

    Money discounts = receipt.lineDiscounts().plus(receipt.orderDiscount());
    if (discounts.isPositive() || receipt.taxMode() == TaxMode.EXCLUSIVE) {
      pair(out, text.getString("subtotal"), amount(format, receipt.subtotal()));
    }
    if (receipt.lineDiscounts().isPositive()) {
      pair(out, text.getString("lineDiscounts"), "-" + amount(format, receipt.lineDiscounts()));
    }
    if (receipt.orderDiscount().isPositive()) {
      pair(out, text.getString("orderDiscount"), "-" + amount(format, receipt.orderDiscount()));
    }
    if (receipt.taxMode() == TaxMode.EXCLUSIVE) {
      for (TaxBreakdownLine tax : receipt.taxBreakdown()) {
        pair(out, text.getString("taxAdded") + " " + rateText(tax), amount(format, tax.tax()));
      }
    }
    String totalLabel =
        text.getString(receipt.kind() == Receipt.Kind.SALE ? "total" : "refundTotal");
    flush(out, styled, Emphasis.NORMAL);
    pair(out, totalLabel, plain(format.withSymbol(receipt.total())));
    flush(out, styled, Emphasis.TOTAL);
    if (receipt.taxMode() == TaxMode.INCLUSIVE) {
      for (TaxBreakdownLine tax : receipt.taxBreakdown()) {
        pair(
            out,
            "  " + text.getString("taxIncluded") + " " + rateText(tax),
            amount(format, tax.tax()));
      }
    }
    rule(out);

    String paymentKey = receipt.kind() == Receipt.Kind.SALE ? "tender." : "payout.";
    if (!receipt.cashRounding().isZero()) {
      String sign = receipt.cashRounding().isPositive() ? "+" : "-";
      pair(out, text.getString("rounding"), sign + amount(format, receipt.cashRounding().abs()));
    }
    for (ReceiptPayment payment : receipt.payments()) {
      pair(out, text.getString(paymentKey + payment.type()), amount(format, payment.amount()));
      if (payment.type() == io.kasa.domain.tender.TenderType.EXTERNAL_CARD) {
        // What the bank terminal's slip shows, so the two can be matched: «**** 1234, код 123ABC».
        wrap(
            out,
            (payment.card() == null ? "" : payment.card().masked() + ", ")
                + text.getString("bankTerminalCode")
                + " "
                + payment.reference(),
            "  ");
      } else if (payment.card() != null) {
        wrap(out, payment.card().scheme() + " " + payment.card().masked(), "  ");
      }
      if (payment.approved()) {
        pair(out, "  " + text.getString("approval"), payment.reference());
      }
      if (payment.tip().isPositive()) {
        // Not the sale's money: the tip and what the customer paid in all, under the tender.
        pair(out, "  " + text.getString("tip"), amount(format, payment.tip()));
        pair(
            out,
            "  " + text.getString("tip.charged." + payment.type()),
            amount(format, payment.amount().plus(payment.tip())));
      }
    }
    if (receipt.change().isPositive()) {
      pair(out, text.getString("change"), amount(format, receipt.change()));
    }
    if (receipt.offline()) {
      rule(out);
      wrap(out, text.getString("offline"), "");
    }
    rule(out);
    receipt.footer().forEach(f -> center(out, f));
    // A refund is not a purchase: its own closing words, in the receipt's language.
    center(out, text.getString("closing." + receipt.kind()));
    // The receipt's page, in words above its QR code, when the whole address fits on one line.
    if (receipt.qrPayload() != null && receipt.qrPayload().length() <= columns) {
      center(out, receipt.qrPayload());
    }
    flush(out, styled, Emphasis.NORMAL);
    return styled;
  }

  /**
   * The shift's tips (ADR 0054): each employee's card and cash tips and their sum, then the
   * shift's; owed to the staff, never part of the takings.
   */
  private void tips(
      List<String> out,
      ResourceBundle text,
      MoneyFormat format,
      List<ShiftReportReceipt.TipLine> tips) {
    wrap(out, text.getString("tips"), "");
    Money card = null;
    Money cash = null;
    for (ShiftReportReceipt.TipLine t : tips) {
      wrap(out, t.employee(), "  ");
      if (t.card().isPositive()) {
        pair(out, "    " + text.getString("tips.card"), amount(format, t.card()));
      }
      if (t.cash().isPositive()) {
        pair(out, "    " + text.getString("tips.cash"), amount(format, t.cash()));
      }
      pair(out, "    " + text.getString("tips.employee"), amount(format, t.total()));
      card = card == null ? t.card() : card.plus(t.card());
      cash = cash == null ? t.cash() : cash.plus(t.cash());
    }
    pair(out, text.getString("tips.total"), amount(format, card.plus(cash)));
  }

  /** A shift report as plain text lines. */
  public List<String> layout(ShiftReportReceipt report) {
    return lines(report).stream().map(Line::text).toList();
  }

  /**
   * A shift report as lines with their emphasis: the title, and the cash expected in the drawer.
   */
  public List<Line> lines(ShiftReportReceipt report) {
    List<Line> styled = new ArrayList<>();
    List<String> out = new ArrayList<>();
    ResourceBundle text = ResourceBundle.getBundle(BUNDLE, report.locale());
    MoneyFormat format = new MoneyFormat(report.locale());
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(report.locale());
    ShiftReportReceipt.Header h = report.header();
    ShiftReportReceipt.Takings t = report.takings();
    ShiftReportReceipt.Drawer d = report.drawer();

    center(out, h.storeName());
    flush(out, styled, Emphasis.TITLE);
    rule(out);
    center(out, text.getString("report." + report.kind()));
    flush(out, styled, Emphasis.TITLE);
    pair(out, text.getString("shift"), h.shift());
    pair(out, text.getString("terminal"), h.terminal());
    pair(out, text.getString("opened"), plain(time.format(h.openedAt())));
    if (h.closedAt() != null) {
      pair(out, text.getString("closed"), plain(time.format(h.closedAt())));
    }
    pair(out, text.getString("printed"), plain(time.format(h.printedAt())));
    pair(out, text.getString("printedBy"), h.printedBy());
    rule(out);

    counted(out, text.getString("sales"), t.sales(), amount(format, t.salesTotal()));
    pair(out, text.getString("discounts"), amount(format, t.discounts()));
    pair(out, text.getString("voidedLines"), Long.toString(t.voidedLines()));
    counted(
        out, text.getString("voidedSales"), t.voidedSales(), amount(format, t.voidedSalesTotal()));
    counted(out, text.getString("refunds"), t.refunds(), amount(format, t.refundsTotal()));
    rule(out);
    wrap(out, text.getString("takenByTender"), "");
    t.byTender()
        .forEach(
            (type, money) ->
                pair(out, "  " + text.getString("tender." + type), amount(format, money)));
    if (!t.refundsByTender().isEmpty()) {
      wrap(out, text.getString("paidBackByTender"), "");
      t.refundsByTender()
          .forEach(
              (type, money) ->
                  pair(out, "  " + text.getString("tender." + type), amount(format, money)));
    }
    if (!t.byTax().isEmpty()) {
      rule(out);
      for (TaxBreakdownLine tax : t.byTax()) {
        pair(out, rateText(tax), amount(format, tax.gross()));
        pair(out, "  " + text.getString("net"), amount(format, tax.net()));
        pair(out, "  " + text.getString("tax"), amount(format, tax.tax()));
      }
    }
    if (!report.tips().isEmpty()) {
      rule(out);
      tips(out, text, format, report.tips());
    }
    rule(out);
    wrap(out, text.getString("drawer"), "");
    pair(out, "  " + text.getString("openingFloat"), amount(format, d.openingFloat()));
    Money cashTips =
        report.tips().stream()
            .map(ShiftReportReceipt.TipLine::cash)
            .reduce(Money::plus)
            .orElse(Money.zero(d.openingFloat().currency()));
    if (cashTips.isPositive()) {
      pair(out, "  " + text.getString("cashTips"), amount(format, cashTips));
    }
    pair(out, "  " + text.getString("cashIn"), amount(format, d.cashIn()));
    pair(
        out,
        "  " + text.getString("cashOut"),
        (d.cashOut().isPositive() ? "-" : "") + amount(format, d.cashOut()));
    pair(out, "  " + text.getString("noSales"), Long.toString(d.noSales()));
    flush(out, styled, Emphasis.NORMAL);
    pair(out, text.getString("expected"), plain(format.withSymbol(d.expected())));
    flush(out, styled, Emphasis.TOTAL);
    if (d.counted() != null) {
      pair(out, text.getString("counted"), amount(format, d.counted()));
      String sign = d.overShort().isPositive() ? "+" : d.overShort().isZero() ? "" : "-";
      pair(out, text.getString("overShort"), sign + amount(format, d.overShort().abs()));
    }
    if (report.kind() == ShiftReportReceipt.Kind.X) {
      rule(out);
      wrap(out, text.getString("notFinal"), "");
    }
    flush(out, styled, Emphasis.NORMAL);
    return styled;
  }

  /** A label with a count and an amount: "Sales 12 1 234.50". */
  private void counted(List<String> out, String label, long count, String amount) {
    pair(out, label + " " + count, amount);
  }

  private static void flush(List<String> out, List<Line> styled, Emphasis emphasis) {
    out.forEach(t -> styled.add(new Line(t, emphasis)));
    out.clear();
  }

  private static String rateText(TaxBreakdownLine tax) {
    return tax.rate().label() + " " + tax.rate().rate().value().toPlainString() + "%";
  }

  private static String amount(MoneyFormat format, Money money) {
    return plain(format.amount(money));
  }

  /** Receipt printers have no narrow or no-break spaces: group digits with a plain space. */
  private static String plain(String s) {
    return s.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private void rule(List<String> out) {
    out.add("-".repeat(columns));
  }

  private void center(List<String> out, String s) {
    for (String part : split(s, "")) {
      int pad = (columns - part.length()) / 2;
      out.add(" ".repeat(pad) + part);
    }
  }

  /** Left text and right text on one line, or on two when they do not fit together. */
  private void pair(List<String> out, String rawLeft, String rawRight) {
    String left = printable.apply(rawLeft);
    String right = printable.apply(rawRight);
    if (left.length() + 1 + right.length() <= columns) {
      out.add(left + " ".repeat(columns - left.length() - right.length()) + right);
      return;
    }
    wrap(out, left, "");
    if (right.length() < columns) {
      out.add(" ".repeat(columns - right.length()) + right);
    } else {
      wrap(out, right, "");
    }
  }

  /**
   * The options and note beneath a line: the option's words from the third column, its price on the
   * right (two columns short of the amounts, clear of the tax marker); a wrapped row goes on
   * indented under its words.
   */
  void extras(List<String> out, List<LineExtras.Row> rows) {
    for (LineExtras.Row row : rows) {
      List<String> words = split(row.text(), "    ");
      words.set(0, words.get(0).substring(2));
      if (row.price() == null) {
        out.addAll(words);
        continue;
      }
      String last = words.get(words.size() - 1);
      String price = printable.apply(row.price()) + "  ";
      if (last.length() + 1 + price.length() <= columns) {
        words.set(
            words.size() - 1, last + " ".repeat(columns - last.length() - price.length()) + price);
        out.addAll(words);
      } else {
        out.addAll(words);
        out.add(" ".repeat(Math.max(0, columns - price.length())) + price);
      }
    }
  }

  private void wrap(List<String> out, String s, String indent) {
    out.addAll(split(s, indent));
  }

  /** Word-wraps {@code s} into lines of at most {@code columns}, breaking long words. */
  private List<String> split(String raw, String indent) {
    String s = printable.apply(raw);
    List<String> lines = new ArrayList<>();
    int width = columns - indent.length();
    StringBuilder current = new StringBuilder();
    for (String word : SPACES.split(s.trim())) {
      while (word.length() > width) {
        if (current.length() > 0) {
          lines.add(indent + current);
          current.setLength(0);
        }
        lines.add(indent + word.substring(0, width));
        word = word.substring(width);
      }
      if (current.length() > 0 && current.length() + 1 + word.length() > width) {
        lines.add(indent + current);
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    if (current.length() > 0 || lines.isEmpty()) {
      lines.add(indent + current);
    }
    return lines;
  }
}
