package io.kasa.service.sales;

import io.kasa.api.office.OfficeTodayDto;
import io.kasa.api.office.OfficeTodayDto.Figure;
import io.kasa.api.office.OfficeTodayDto.Hour;
import io.kasa.api.office.OfficeTodayDto.Item;
import io.kasa.api.office.OfficeTodayDto.Share;
import io.kasa.api.office.OfficeTodayDto.Till;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The back office's Today (ADR 0042): each store's day so far in its own time zone against the same
 * weekday a week earlier up to the same time of day, with its parts, its best sellers and what its
 * tills last said of themselves. Every read goes through an index: a store's tills; the roll-ups of
 * the hours of today and of last week's day that have ended ({@link SaleHours}, V50, made on first
 * read); the sales of the hour still open by the time paid ({@code sale_by_terminal_paid}), with
 * their tender and item sums; refunds by the time recorded ({@code refund_by_terminal_recorded}).
 */
public final class TodayFigures {

  /** A till not heard from for this long is silent. */
  public static final Duration SILENT_AFTER = Duration.ofMinutes(10);

  /** How many items each top list holds. */
  public static final int TOP = 5;

  private final Jdbi jdbi;
  private final Clock clock;

  public TodayFigures(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A store of the organisation, with its time zone. */
  private record StoreRow(UUID id, String name, String currency, ZoneId zone) {}

  /** One store's windows: today so far, and the same day a week earlier (whole and so far). */
  private record Window(
      OffsetDateTime from,
      OffsetDateTime to,
      OffsetDateTime weekFrom,
      OffsetDateTime weekTo,
      OffsetDateTime weekEnd) {}

  /**
   * Today's figures for the organisation's stores that {@code visible} lets through, or only {@code
   * store} when given; empty when that store is not the organisation's or not visible (the caller
   * answers 404).
   *
   * @param org the organisation
   * @param visible which of its stores the caller may see (null: all)
   * @param store the store chosen, or null for all visible
   */
  public Optional<OfficeTodayDto> today(UUID org, List<UUID> visible, UUID store) {
    Instant now = clock.instant();
    return jdbi.withHandle(
        h -> {
          List<StoreRow> all = stores(h, org, visible);
          List<StoreRow> chosen =
              store == null ? all : all.stream().filter(s -> s.id().equals(store)).toList();
          if (store != null && chosen.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(figures(h, org, all, chosen, store, now));
        });
  }

  private OfficeTodayDto figures(
      Handle h, UUID org, List<StoreRow> all, List<StoreRow> chosen, UUID store, Instant now) {
    Totals t = new Totals();
    Map<UUID, String> tillNames = new HashMap<>();
    List<Till> tills = new ArrayList<>();
    for (StoreRow s : chosen) {
      Window w = window(s.zone(), now);
      List<UUID> terminals = tills(h, org, s, now, tillNames, tills);
      if (terminals.isEmpty()) {
        t.shares(t.byStore, s.id().toString(), s.name(), 0, 0);
        continue;
      }
      String ids = array(terminals);
      long before = t.sales;
      long countBefore = t.count;
      day(h, org, s, ids, w, now, t);
      lastWeek(h, org, s, ids, w, t);
      t.refunds += refunds(h, org, ids, w.from(), w.to()); // recorded by the service's clock
      t.weekRefunds += refunds(h, org, ids, w.weekFrom(), w.weekTo());
      t.shares(t.byStore, s.id().toString(), s.name(), t.sales - before, t.count - countBefore);
    }
    names(h, org, t, tillNames);
    List<Hour> hours = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      hours.add(new Hour(i, t.hourToday[i], t.hourWeek[i]));
    }
    long avg = t.count == 0 ? 0 : t.sales / t.count;
    long weekAvg = t.weekCount == 0 ? 0 : t.weekSales / t.weekCount;
    List<Map.Entry<String, SaleHourParts.ItemSum>> items = new ArrayList<>(t.items.entrySet());
    return new OfficeTodayDto(
        now,
        store == null ? null : store.toString(),
        chosen.isEmpty()
            ? (all.isEmpty() ? "UAH" : all.get(0).currency())
            : chosen.get(0).currency(),
        all.stream()
            .map(
                s ->
                    new OfficeTodayDto.Store(
                        s.id().toString(),
                        s.name(),
                        s.zone().getId(),
                        now.atZone(s.zone()).toLocalDate().toString()))
            .toList(),
        figure(t.sales, t.weekSales),
        figure(t.count, t.weekCount),
        figure(avg, weekAvg),
        figure(t.refunds, t.weekRefunds),
        hours,
        sorted(t.byStore),
        sorted(t.byTerminal),
        sorted(t.byEmployee),
        sorted(t.byPayment),
        top(
            items,
            Comparator.comparing(
                    (Map.Entry<String, SaleHourParts.ItemSum> e) -> e.getValue().quantity)
                .reversed()
                .thenComparing(e -> e.getValue().name)),
        top(
            items,
            Comparator.comparingLong(
                    (Map.Entry<String, SaleHourParts.ItemSum> e) -> e.getValue().amount)
                .reversed()
                .thenComparing(e -> e.getValue().name)),
        tills,
        tills.stream().anyMatch(x -> x.behind() || x.silent()));
  }

  /** The first {@link #TOP} items in {@code order}. */
  private static List<Item> top(
      List<Map.Entry<String, SaleHourParts.ItemSum>> items,
      Comparator<Map.Entry<String, SaleHourParts.ItemSum>> order) {
    return items.stream()
        .sorted(order)
        .limit(TOP)
        .map(
            e ->
                new Item(
                    e.getKey(),
                    e.getValue().name,
                    e.getValue().quantity.stripTrailingZeros().toPlainString(),
                    e.getValue().amount))
        .toList();
  }

  /** What the stores' figures add up to while they are read. */
  private static final class Totals {
    long sales;
    long count;
    long change;
    long weekSales;
    long weekCount;
    long refunds;
    long weekRefunds;
    final long[] hourToday = new long[24];
    final long[] hourWeek = new long[24];
    final Map<String, Share> byStore = new LinkedHashMap<>();
    final Map<String, Share> byTerminal = new LinkedHashMap<>();
    final Map<String, Share> byEmployee = new LinkedHashMap<>();
    final Map<String, Share> byPayment = new LinkedHashMap<>();
    final Map<String, SaleHourParts.ItemSum> items = new LinkedHashMap<>();

    void shares(Map<String, Share> into, String id, String name, long amount, long n) {
      into.merge(
          id,
          new Share(id, name, amount, n),
          (a, b) -> new Share(id, a.name(), a.amount() + b.amount(), a.count() + b.count()));
    }
  }

  private static Figure figure(long today, long lastWeek) {
    Integer change =
        lastWeek == 0
            ? null
            : (int) Math.round((today - lastWeek) * 100.0 / Math.abs((double) lastWeek));
    return new Figure(today, lastWeek, change);
  }

  private static List<Share> sorted(Map<String, Share> shares) {
    return shares.values().stream()
        .sorted(Comparator.comparingLong(Share::amount).reversed().thenComparing(Share::name))
        .toList();
  }

  /**
   * Today from local midnight to the next (a till's clock a little ahead still counts today); the
   * same weekday a week earlier, whole and up to this time of day.
   */
  static Window window(ZoneId zone, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime midnight = local.toLocalDate().atStartOfDay(zone);
    ZonedDateTime tomorrow = local.toLocalDate().plusDays(1).atStartOfDay(zone);
    ZonedDateTime weekMidnight = local.toLocalDate().minusWeeks(1).atStartOfDay(zone);
    ZonedDateTime weekNow = local.minusWeeks(1);
    ZonedDateTime weekEnd = local.toLocalDate().minusWeeks(1).plusDays(1).atStartOfDay(zone);
    return new Window(utc(midnight), utc(tomorrow), utc(weekMidnight), utc(weekNow), utc(weekEnd));
  }

  private static OffsetDateTime utc(ZonedDateTime t) {
    return t.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String array(List<UUID> ids) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < ids.size(); i++) {
      b.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    return b.append('}').toString();
  }

  private static List<StoreRow> stores(Handle h, UUID org, List<UUID> visible) {
    return h
        .createQuery(
            "select id, name, currency, time_zone from store where organisation_id = :org"
                + " order by name, id")
        .bind("org", org)
        .map(
            (rs, c) ->
                new StoreRow(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("currency"),
                    zone(rs.getString("time_zone"))))
        .list()
        .stream()
        .filter(s -> visible == null || visible.contains(s.id()))
        .toList();
  }

  /** The store's enrolled tills with what they last said; adds them to {@code tills}. */
  private static List<UUID> tills(
      Handle h, UUID org, StoreRow s, Instant now, Map<UUID, String> names, List<Till> tills) {
    List<UUID> ids = new ArrayList<>();
    h.createQuery(
            "select t.id, t.code, t.name, t.enrolled_at, t.revoked_at, c.last_contact_at,"
                + " least(c.unsent_entries, 2147483647)::int as unsent"
                + " from terminal t left join terminal_contact c"
                + " on c.organisation_id = t.organisation_id and c.terminal_id = t.id"
                + " where t.organisation_id = :org and t.store_id = :store order by t.code")
        .bind("org", org)
        .bind("store", s.id())
        .map(
            (rs, c) -> {
              UUID id = rs.getObject("id", UUID.class);
              String code = rs.getString("code");
              String name = rs.getString("name");
              names.put(id, code + " · " + name);
              // A revoked till's past sales still count; one never enrolled has none.
              ids.add(id);
              if (rs.getObject("enrolled_at") == null || rs.getObject("revoked_at") != null) {
                return null;
              }
              OffsetDateTime seen = rs.getObject("last_contact_at", OffsetDateTime.class);
              Integer unsent = (Integer) rs.getObject("unsent");
              Instant last = seen == null ? null : seen.toInstant();
              return new Till(
                  id.toString(),
                  code,
                  name,
                  s.name(),
                  last,
                  unsent,
                  unsent != null && unsent > 0,
                  last == null || last.isBefore(now.minus(SILENT_AFTER)));
            })
        .forEach(
            t -> {
              if (t != null) {
                tills.add(t);
              }
            });
    return ids;
  }

  /**
   * Today: the roll-ups of its hours that have ended and of the open hour up to half a minute ago
   * or so, and the live rows since (and of any later hour of today a till's clock running ahead has
   * paid in).
   */
  private static void day(
      Handle h, UUID org, StoreRow s, String ids, Window w, Instant now, Totals t) {
    Instant from = w.from().toInstant();
    Instant open = from;
    while (!open.plus(SaleHours.HOUR).isAfter(now)) {
      open = open.plus(SaleHours.HOUR);
    }
    Map<String, long[]> tenders = new LinkedHashMap<>();
    long change = 0;
    Map<Instant, SaleHourParts.Part> closed =
        SaleHours.closed(h, org, s.id(), ids, SaleHours.hours(from, open), true);
    for (Map.Entry<Instant, SaleHourParts.Part> e : closed.entrySet()) {
      change += add(t, e.getValue(), e.getKey().atZone(s.zone()).getHour(), tenders);
    }
    // The open hour: its roll-up so far, and the rows since (and of later hours of today).
    SaleHours.Open kept = SaleHours.open(h, org, s.id(), ids, open, now);
    change += add(t, kept.part(), open.atZone(s.zone()).getHour(), tenders);
    for (Map.Entry<Integer, SaleHourParts.Part> e :
        SaleHours.sums(h, org, ids, open, kept.to(), w.to().toInstant()).entrySet()) {
      Instant start = open.plus(SaleHours.HOUR.multipliedBy(e.getKey()));
      change += add(t, e.getValue(), start.atZone(s.zone()).getHour(), tenders);
    }
    // Cash net of the change given (as the shift reports count it).
    final long given = change;
    tenders.forEach(
        (type, v) ->
            t.shares(t.byPayment, type, type, "CASH".equals(type) ? v[1] - given : v[1], v[0]));
  }

  /** Adds an hour's (or the live part's) sums to the day's; answers its change given. */
  private static long add(Totals t, SaleHourParts.Part p, int hour, Map<String, long[]> tenders) {
    t.sales += p.total;
    t.count += p.sales;
    t.change += p.change;
    t.hourToday[hour] += p.total;
    p.terminals.forEach((id, v) -> t.shares(t.byTerminal, id, "", v[1], v[0]));
    p.employees.forEach((id, v) -> t.shares(t.byEmployee, id, "", v[1], v[0]));
    p.tenders.forEach((type, v) -> SaleHourParts.add(tenders, type, v[0], v[1]));
    p.items.forEach(
        (id, i) -> {
          SaleHourParts.ItemSum sum = t.items.get(id);
          if (sum == null) {
            t.items.put(id, new SaleHourParts.ItemSum(i.name, i.quantity, i.amount));
          } else {
            sum.quantity = sum.quantity.add(i.quantity);
            sum.amount += i.amount;
          }
        });
    return p.change;
  }

  /**
   * The same weekday a week earlier, all of it past: its whole day by hour from the roll-ups, and
   * its totals up to this time of day (the hour this time falls in read live up to it).
   */
  private static void lastWeek(Handle h, UUID org, StoreRow s, String ids, Window w, Totals t) {
    Instant upTo = w.weekTo().toInstant();
    Map<Instant, SaleHourParts.Part> hours =
        SaleHours.closed(
            h,
            org,
            s.id(),
            ids,
            SaleHours.hours(w.weekFrom().toInstant(), w.weekEnd().toInstant()),
            false);
    for (Map.Entry<Instant, SaleHourParts.Part> e : hours.entrySet()) {
      Instant start = e.getKey();
      SaleHourParts.Part p = e.getValue();
      t.hourWeek[start.atZone(s.zone()).getHour()] += p.total;
      if (!start.plus(SaleHours.HOUR).isAfter(upTo)) {
        t.weekCount += p.sales;
        t.weekSales += p.total;
      } else if (!start.isAfter(upTo)) {
        long[] soFar = SaleHours.upTo(h, org, ids, start, upTo);
        t.weekCount += soFar[0];
        t.weekSales += soFar[1];
      }
    }
  }

  private static long refunds(
      Handle h, UUID org, String ids, OffsetDateTime from, OffsetDateTime to) {
    return h.createQuery(
            "select coalesce(sum(total), 0) from refund where organisation_id = :org"
                + " and terminal_id = any(cast(:ids as uuid[]))"
                + " and recorded_at >= :from and recorded_at <= :to")
        .bind("org", org)
        .bind("ids", ids)
        .bind("from", from)
        .bind("to", to)
        .mapTo(Long.class)
        .one();
  }

  /** Fills in the names of the tills and employees the shares name by id. */
  private static void names(Handle h, UUID org, Totals t, Map<UUID, String> tills) {
    t.byTerminal.replaceAll(
        (id, s) ->
            new Share(id, tills.getOrDefault(UUID.fromString(id), id), s.amount(), s.count()));
    if (t.byEmployee.isEmpty()) {
      return;
    }
    Map<String, String> names = new HashMap<>();
    h.createQuery(
            "select id, name from employee where organisation_id = :org"
                + " and id = any(cast(:ids as uuid[]))")
        .bind("org", org)
        .bind("ids", array(t.byEmployee.keySet().stream().map(UUID::fromString).toList()))
        .map((rs, c) -> Map.entry(rs.getString("id"), rs.getString("name")))
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    t.byEmployee.replaceAll(
        (id, s) -> new Share(id, names.getOrDefault(id, id), s.amount(), s.count()));
  }
}
