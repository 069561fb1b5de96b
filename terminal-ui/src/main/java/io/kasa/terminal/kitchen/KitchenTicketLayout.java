package io.kasa.terminal.kitchen;

import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.api.kitchen.KitchenTicketLineDto;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.LineExtras;
import io.kasa.domain.sale.ChosenModifier;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A kitchen ticket on paper (ADR 0053): the station and the table large (double width and height),
 * «ПОВТОР» or «СКАСУВАННЯ» large when it is a repeat or a void, «ПОДАВАТИ: курс 2» large when it
 * fires a held course (ADR 0056), then the check, server, guests and the time in the store's zone;
 * each line as quantity × name in double height, its seat and course, and beneath it the same
 * option and note rows as the receipt (ADR 0043's {@link LineExtras}), without prices. Everything
 * wraps within the profile's columns (halved where double width) and is encoded in its code page.
 */
public final class KitchenTicketLayout {

  private static final String BUNDLE = "io.kasa.terminal.i18n.messages";

  private KitchenTicketLayout() {}

  /** The ticket's bytes for a printer of {@code profile}, in the store's {@code locale}. */
  public static byte[] bytes(
      KitchenTicketDto t, boolean repeat, PrinterProfile profile, Locale locale) {
    return bytes(t, repeat, false, profile, locale);
  }

  /**
   * The ticket's bytes; on a station's {@code fallback} printer (ADR 0057) it is headed «РЕЗЕРВНИЙ
   * ДРУК — Гаряча кухня» in bold double height across the paper, so the cook knows where it
   * belongs.
   */
  public static byte[] bytes(
      KitchenTicketDto t, boolean repeat, boolean fallback, PrinterProfile profile, Locale locale) {
    ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale);
    EscPos p = new EscPos(profile).initialize();
    int columns = p.columns();
    p.align(EscPos.Align.CENTER).bold(true);
    if (fallback) {
      p.size(1, 2);
      wrap(p, say(words, "kitchen.ticket.fallback", locale, t.stationName()), columns, "");
    }
    p.size(2, 2);
    if (repeat) {
      wrap(p, words.getString("kitchen.ticket.repeat"), columns / 2, "");
    }
    if ("VOID".equals(t.kind())) {
      wrap(p, words.getString("kitchen.ticket.void"), columns / 2, "");
    }
    if (t.fires()) {
      // A held course fired (ADR 0056): the cook starts it now, so it says so first and large.
      wrap(p, say(words, "kitchen.ticket.fire", locale, t.fireCourse()), columns / 2, "");
    }
    wrap(p, t.stationName(), columns / 2, "");
    wrap(p, say(words, "kitchen.ticket.table", locale, t.table()), columns / 2, "");
    p.size(1, 1).bold(false);
    ZoneId zone = ZoneId.of(t.timeZone());
    String time = DateTimeFormatter.ofPattern("dd.MM HH:mm", locale).format(t.at().atZone(zone));
    wrap(
        p,
        say(words, "kitchen.ticket.head", locale, t.checkNumber(), t.server(), t.guests(), time),
        columns,
        "");
    p.align(EscPos.Align.LEFT).line("=".repeat(columns));
    for (KitchenTicketLineDto l : t.lines()) {
      p.bold(true).size(1, 2);
      wrap(p, l.quantity() + " × " + l.name(), columns, "    ");
      p.size(1, 1).bold(false);
      List<String> where = new ArrayList<>();
      if (l.seat() > 0) {
        where.add(say(words, "kitchen.ticket.seat", locale, l.seat()));
      }
      if (l.course() > 0) {
        where.add(say(words, "kitchen.ticket.course", locale, l.course()));
      }
      if (!where.isEmpty()) {
        wrap(p, "  " + String.join(" · ", where), columns, "  ");
      }
      List<ChosenModifier> chosen =
          l.modifiers().stream()
              .map(
                  m ->
                      new ChosenModifier(
                          m.groupId(),
                          m.groupName(),
                          m.optionId(),
                          m.optionName(),
                          // No prices in the kitchen: a zero delta prints none.
                          Money.zero(Currency.getInstance("UAH"))))
              .toList();
      for (LineExtras.Row row : LineExtras.rows(chosen, l.note(), locale)) {
        p.bold(row.text().startsWith("+") ? false : true);
        wrap(p, "  " + row.text(), columns, "    ");
      }
      p.bold(false).line("-".repeat(columns));
    }
    return p.feed(4).cut(EscPos.Cut.PARTIAL).toBytes();
  }

  private static String say(ResourceBundle words, String key, Locale locale, Object... args) {
    return new MessageFormat(words.getString(key), locale).format(args);
  }

  /** Writes {@code text} in lines of at most {@code width}, continuation lines indented. */
  static void wrap(EscPos p, String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    String prefix = "";
    while (!rest.isEmpty()) {
      int room = Math.max(1, width - prefix.length());
      if (rest.length() <= room) {
        lines.add(prefix + rest);
        break;
      }
      int cut = rest.lastIndexOf(' ', room);
      if (cut <= 0) {
        cut = room;
      }
      lines.add(prefix + rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).strip();
      prefix = indent;
    }
    lines.forEach(p::line);
  }
}
