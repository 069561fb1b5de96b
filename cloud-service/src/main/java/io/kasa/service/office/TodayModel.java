package io.kasa.service.office;

import io.kasa.api.office.OfficeTodayDto;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.MoneyFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.stream.Collectors;

/** What the Today screen's templates read: the figures, and how to say them in the page's words. */
public final class TodayModel {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Words words;
  private final OfficeTodayDto today;
  private final MoneyFormat format;
  private final ZoneId zone;

  TodayModel(Words words, OfficeTodayDto today) {
    this.words = words;
    this.today = today;
    this.format = new MoneyFormat(Locale.forLanguageTag(words.language()));
    OfficeTodayDto.Store first =
        today.stores().stream()
            .filter(s -> today.store() == null || s.id().equals(today.store()))
            .findFirst()
            .orElse(null);
    this.zone = first == null ? ZoneId.of("UTC") : ZoneId.of(first.timeZone());
  }

  public OfficeTodayDto today() {
    return today;
  }

  /** The fragment's own address, for the live updates to fetch. */
  public String fragment() {
    return "/office/today/figures" + (today.store() == null ? "" : "?store=" + today.store());
  }

  public boolean chosen(OfficeTodayDto.Store s) {
    return s.id().equals(today.store());
  }

  /** An amount with the currency's sign. */
  public String money(long minor) {
    return format.withSymbol(Money.of(minor, today.currency()));
  }

  /** An amount without the sign, for the chart's table. */
  public String amount(long minor) {
    return format.amount(Money.of(minor, today.currency()));
  }

  public String quantity(String q) {
    return format.quantity(Quantity.parse(q));
  }

  /** A whole count in the page's language (grouped digits). */
  public String number(long n) {
    return java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag(words.language()))
        .format(n);
  }

  /** "+12 % on last week (3 400,00 ₴)", or "nothing last week by this time". */
  public String against(OfficeTodayDto.Figure f, boolean money) {
    String then = money ? money(f.lastWeek()) : number(f.lastWeek());
    if (f.change() == null) {
      return words.get("today.vsNone");
    }
    String sign = f.change() > 0 ? "+" : f.change() < 0 ? "−" : "±";
    return words.get("today.vs", sign + Math.abs(f.change()) + " %", then);
  }

  /** "up", "down" or "same", for the figure's mark. */
  public String trend(OfficeTodayDto.Figure f) {
    if (f.change() == null || f.change() == 0) {
      return "same";
    }
    return f.change() > 0 ? "up" : "down";
  }

  /** A payment type in the page's words. */
  public String payment(String type) {
    try {
      return words.get("receipt.payment." + type);
    } catch (MissingResourceException e) {
      return type;
    }
  }

  /** The chart's series as the script reads them: hours, today's and last week's amounts. */
  public String chartData() {
    List<OfficeTodayDto.Hour> h = today.byHour();
    return "{\"hours\":["
        + h.stream().map(x -> Integer.toString(x.hour())).collect(Collectors.joining(","))
        + "],\"today\":["
        + h.stream().map(x -> Long.toString(x.today())).collect(Collectors.joining(","))
        + "],\"lastWeek\":["
        + h.stream().map(x -> Long.toString(x.lastWeek())).collect(Collectors.joining(","))
        + "],\"today_label\":\""
        + json(words.get("today.chart.today"))
        + "\",\"week_label\":\""
        + json(words.get("today.chart.lastWeek"))
        + "\",\"scale\":"
        + scale()
        + "}";
  }

  /** Minor units per major unit of the currency. */
  private long scale() {
    int digits = java.util.Currency.getInstance(today.currency()).getDefaultFractionDigits();
    long s = 1;
    for (int i = 0; i < Math.max(0, digits); i++) {
      s *= 10;
    }
    return s;
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** An hour's label, "09:00". */
  public String hour(int h) {
    return (h < 10 ? "0" : "") + h + ":00";
  }

  /** A till's state in words: unsent work and last contact. */
  public String till(OfficeTodayDto.Till t) {
    String last =
        t.lastContact() == null ? words.get("today.till.never") : time(t.lastContact(), false);
    if (t.unsent() == null) {
      return words.get("today.till.unknown", last);
    }
    return words.count("today.till.unsent", t.unsent(), last);
  }

  /** The banner's words when any till is behind or silent. */
  public String banner() {
    long behind = today.tills().stream().filter(OfficeTodayDto.Till::behind).count();
    long silent = today.tills().stream().filter(t -> t.silent() && !t.behind()).count();
    StringBuilder b = new StringBuilder();
    if (behind > 0) {
      b.append(words.count("today.banner.behind", behind));
    }
    if (silent > 0) {
      b.append(b.length() == 0 ? "" : " ").append(words.count("today.banner.silent", silent));
    }
    return b.toString();
  }

  /** A time of day in the store's zone. */
  public String time(Instant at, boolean seconds) {
    return (seconds ? HH_MM_SS : HH_MM).format(at.atZone(zone));
  }

  /** The date of today in the store's zone, as the heading says it. */
  public String date() {
    return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.forLanguageTag(words.language()))
        .format(today.asOf().atZone(zone));
  }

  public String iso(Instant at) {
    return at.toString();
  }
}
