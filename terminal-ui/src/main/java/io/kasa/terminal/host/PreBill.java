package io.kasa.terminal.host;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.receipt.ReceiptTextLayout.Emphasis;
import io.kasa.domain.receipt.ReceiptTextLayout.Line;
import io.kasa.terminal.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A check's pre-bill as printed lines: what the guests have had, seat by seat, the total, and for
 * an even split each guest's share (the shares differ by at most one minor unit and add up to the
 * total). Marked as not a receipt: the fiscal receipt comes with the payment.
 */
public final class PreBill {

  private PreBill() {}

  public static List<Line> lines(
      CheckDto check,
      String store,
      String table,
      Currency currency,
      Locale locale,
      ZoneId zone,
      Instant at,
      Messages m,
      int columns,
      java.util.function.UnaryOperator<String> printable) {
    MoneyFormat money = new MoneyFormat(locale);
    // The store's short date and time, as on its receipts and shift reports.
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
            .withLocale(locale);
    // Every text as the printer will print it ("₴" as "грн" where its code page has no ₴), so a
    // line measured to fit is a line that fits.
    Printed format = new Printed(money, printable);
    List<Line> out = new ArrayList<>();
    out.add(new Line(center(printable.apply(store), columns), Emphasis.TITLE));
    out.add(new Line(center(printable.apply(m.get("prebill.title")), columns), Emphasis.TITLE));
    out.add(
        line(
            leftRight(
                printable.apply(m.get("prebill.table", table)),
                printable.apply(m.get("prebill.check", check.number())),
                columns)));
    out.add(
        line(
            leftRight(
                printable.apply(m.get("prebill.guests", check.guests())),
                time.format(at.atZone(zone)),
                columns)));
    out.add(line("-".repeat(columns)));
    int seat = -1;
    for (CheckLineDto l :
        check.lines().stream()
            .sorted(java.util.Comparator.comparingInt(CheckLineDto::seat))
            .toList()) {
      if (l.seat() != seat) {
        seat = l.seat();
        out.add(
            line(
                printable.apply(
                    seat == 0 ? m.get("prebill.shared") : m.get("prebill.seat", seat))));
      }
      for (String part : wrap(printable.apply(l.name()), columns)) {
        out.add(line(part));
      }
      out.add(
          line(
              leftRight(
                  printable.apply("  " + l.quantity() + " × ")
                      + format.amount(Money.of(l.chargedUnitPrice(), currency)),
                  format.amount(Money.of(l.amount(), currency)),
                  columns)));
      // The options and note beneath, as the receipt says them (ADR 0043's LineExtras).
      List<io.kasa.domain.sale.ChosenModifier> chosen =
          l.modifiers().stream()
              .map(
                  o ->
                      new io.kasa.domain.sale.ChosenModifier(
                          o.groupId(),
                          o.groupName(),
                          o.optionId(),
                          o.optionName(),
                          Money.of(o.priceDelta(), currency)))
              .toList();
      for (io.kasa.domain.receipt.LineExtras.Row row :
          io.kasa.domain.receipt.LineExtras.rows(chosen, l.note(), locale)) {
        if (row.price() == null) {
          // Indented under the item, every wrapped part too (wrap drops leading spaces).
          for (String part : wrap(printable.apply(row.text()), columns - 2)) {
            out.add(line("  " + part));
          }
        } else {
          out.add(line(leftRight(printable.apply("  " + row.text()), row.price(), columns)));
        }
      }
    }
    out.add(line("-".repeat(columns)));
    Money total = Money.of(check.total(), currency);
    out.add(
        new Line(
            leftRight(printable.apply(m.get("prebill.total")), format.withSymbol(total), columns),
            Emphasis.TOTAL));
    if (check.splitWays() > 1) {
      for (String part :
          wrap(printable.apply(m.get("prebill.split", check.splitWays())), columns)) {
        out.add(line(part));
      }
      List<Money> shares = total.allocate(check.splitWays());
      for (int i = 0; i < shares.size(); i++) {
        out.add(
            line(
                leftRight(
                    "  " + printable.apply(m.get("prebill.share", i + 1)),
                    format.amount(shares.get(i)),
                    columns)));
      }
    }
    out.add(line(""));
    for (String part : wrap(printable.apply(m.get("prebill.notReceipt")), columns)) {
      out.add(line(center(part, columns)));
    }
    return out;
  }

  /** Amounts as the printer prints them. */
  private record Printed(MoneyFormat format, java.util.function.UnaryOperator<String> printable) {
    String amount(Money money) {
      return printable.apply(format.amount(money));
    }

    String withSymbol(Money money) {
      return printable.apply(format.withSymbol(money));
    }
  }

  private static Line line(String text) {
    return new Line(text, Emphasis.NORMAL);
  }

  static String leftRight(String left, String right, int columns) {
    int gap = columns - left.length() - right.length();
    if (gap >= 1) {
      return left + " ".repeat(gap) + right;
    }
    String cut = left.substring(0, Math.max(0, columns - right.length() - 1));
    return cut + " " + right;
  }

  private static String center(String text, int columns) {
    if (text.length() >= columns) {
      return text.substring(0, columns);
    }
    return " ".repeat((columns - text.length()) / 2) + text;
  }

  /** Words wrapped at {@code columns}; a word longer than a line is cut across lines. */
  static List<String> wrap(String text, int columns) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      while (word.length() > columns) {
        if (current.length() > 0) {
          out.add(current.toString());
          current.setLength(0);
        }
        out.add(word.substring(0, columns));
        word = word.substring(columns);
      }
      if (current.length() > 0 && current.length() + 1 + word.length() > columns) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }
}
