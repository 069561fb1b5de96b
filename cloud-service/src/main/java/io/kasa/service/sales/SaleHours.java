package io.kasa.service.sales;

import static io.kasa.service.sales.SaleHourParts.add;
import static io.kasa.service.sales.SaleHourParts.item;
import static io.kasa.service.sales.SaleHourParts.merge;
import static io.kasa.service.sales.SaleHourParts.parse;
import static io.kasa.service.sales.SaleHourParts.write;

import io.kasa.service.sales.SaleHourParts.Part;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A store's sales added up by hour (V50, ADR 0042 amended): the roll-up of each hour that has
 * ended, made once on first read and kept in {@code sale_hour}, and the same sums of live rows for
 * the hour still open. Today reads the roll-ups of the day's closed hours and of last week's day
 * plus the current hour's rows, so a refresh costs about the same at 30 sales as at 3,000.
 *
 * <p>A roll-up is never left stale: it is made under the organisation's advisory lock {@code
 * <org>/sale-hour} taken exclusively, and every statement that adds a sale or voids one takes that
 * lock shared and then deletes the roll-up of the hour its sale was paid in. So a sale either
 * committed before the roll-up read the hour, or its statement sees the roll-up and deletes it; the
 * next read makes it again. A late offline sale, a till's clock running behind and a post-void of
 * an earlier hour's sale all end that way. Refunds are counted by the time recorded, read live.
 */
final class SaleHours {

  static final Duration HOUR = Duration.ofHours(1);

  /**
   * The open hour is kept added up to this long before the read that adds it up: a sale delivered
   * later than this after it was paid deletes it (and the next read adds the hour up again).
   */
  static final Duration SETTLE = Duration.ofSeconds(10);

  /** The open hour's roll-up so far is extended when it ends longer ago than this. */
  static final Duration REFRESH = Duration.ofSeconds(30);

  private SaleHours() {}

  /** The lock's key for an organisation: the same text for the writers and the roll-up. */
  static String lockKey(UUID org) {
    return org + "/sale-hour";
  }

  /**
   * Takes the roll-up lock shared for each organisation, on a connection in a transaction: before
   * the statement that writes sales (and deletes the roll-ups of their hours).
   */
  static void share(Connection c, Collection<UUID> orgs) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))")) {
      for (UUID org : new TreeSet<>(orgs)) {
        lock.setString(1, lockKey(org));
        lock.execute();
      }
    }
  }

  /**
   * For a statement changing an earlier sale (a post-void), in its transaction: takes the lock
   * shared, then deletes the roll-up of the hour the sale was paid in.
   */
  static void invalidate(Handle h, UUID org, UUID sale) {
    h.execute("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))", lockKey(org));
    h.createUpdate(
            "delete from sale_hour r using sale s where s.organisation_id = :org and s.id = :sale"
                + " and r.organisation_id = s.organisation_id and r.store_id = s.store_id"
                + " and r.hour_start <= s.paid_at and r.hour_start > s.paid_at - interval '1 hour'"
                + " and r.covered_to > s.paid_at")
        .bind("org", org)
        .bind("sale", sale)
        .execute();
  }

  /**
   * The parts of the hours starting at {@code starts} (each an hour that has ended), from their
   * roll-ups; those not rolled up yet are added up now and kept.
   *
   * @param parts whether the parts by till, employee, tender and item are wanted (else only the
   *     count, total and change)
   */
  static Map<Instant, Part> closed(
      Handle h, UUID org, UUID store, String ids, List<Instant> starts, boolean parts) {
    Map<Instant, Part> out = new HashMap<>();
    if (starts.isEmpty()) {
      return out;
    }
    h.createQuery(
            "select hour_start, sales, total, change_given, "
                + (parts ? "parts::text" : "null")
                + " as parts from sale_hour where organisation_id = :org and store_id = :store"
                + " and hour_start >= :from and hour_start <= :to"
                // An open hour's roll-up so far is not the hour's.
                + " and covered_to >= hour_start + interval '1 hour'")
        .bind("org", org)
        .bind("store", store)
        .bind("from", utc(starts.get(0)))
        .bind("to", utc(starts.get(starts.size() - 1)))
        .map(
            (rs, c) -> {
              Part p = parts ? parse(rs.getString("parts")) : new Part();
              p.sales = rs.getLong("sales");
              p.total = rs.getLong("total");
              p.change = rs.getLong("change_given");
              return Map.entry(rs.getObject("hour_start", OffsetDateTime.class).toInstant(), p);
            })
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    // A roll-up of another alignment (the store's zone changed) is not one of these hours.
    out.keySet().retainAll(starts);
    List<Instant> missing = starts.stream().filter(s -> !out.containsKey(s)).toList();
    if (!missing.isEmpty()) {
      out.putAll(rollUp(h, org, store, ids, missing));
    }
    return out;
  }

  private static final String KEEP =
      "insert into sale_hour (organisation_id, store_id, hour_start, sales, total, change_given,"
          + " parts, covered_to) values (:org, :store, :start, :sales, :total, :change,"
          + " cast(:parts as jsonb), :covered) on conflict (organisation_id, store_id, hour_start)"
          + " do update set sales = excluded.sales, total = excluded.total,"
          + " change_given = excluded.change_given, parts = excluded.parts,"
          + " covered_to = excluded.covered_to, rolled_up_at = now()";

  /** The part of the open hour kept, and up to when it adds the hour up. */
  record Open(Part part, Instant to) {}

  /**
   * The open hour starting at {@code start}: its roll-up so far, up to ten seconds before {@code
   * now} ({@link #SETTLE}: a sale paid before that and delivered after deletes it), extended when
   * it is more than {@link #REFRESH} old, under the lock, by adding the rows since it ends. The
   * rows after it are the caller's to read live.
   */
  static Open open(Handle h, UUID org, UUID store, String ids, Instant start, Instant now) {
    Instant target = now.minus(SETTLE);
    if (!target.isAfter(start)) {
      return new Open(new Part(), start);
    }
    Optional<Open> kept = kept(h, org, store, start);
    if (kept.isPresent() && !kept.get().to().isBefore(now.minus(REFRESH))) {
      return kept.get();
    }
    return h.inTransaction(
        tx -> {
          tx.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", lockKey(org));
          Optional<Open> row = kept(tx, org, store, start);
          if (row.isPresent() && !row.get().to().isBefore(target)) {
            return row.get();
          }
          Part p = row.map(Open::part).orElseGet(Part::new);
          Instant from = row.map(Open::to).orElse(start);
          for (Part more : sums(tx, org, ids, start, from, target).values()) {
            merge(p, more);
          }
          tx.createUpdate(KEEP)
              .bind("org", org)
              .bind("store", store)
              .bind("start", utc(start))
              .bind("sales", p.sales)
              .bind("total", p.total)
              .bind("change", p.change)
              .bind("parts", write(p))
              .bind("covered", utc(target))
              .execute();
          return new Open(p, target);
        });
  }

  private static Optional<Open> kept(Handle h, UUID org, UUID store, Instant start) {
    return h.createQuery(
            "select sales, total, change_given, parts::text as parts, covered_to from sale_hour"
                + " where organisation_id = :org and store_id = :store and hour_start = :start")
        .bind("org", org)
        .bind("store", store)
        .bind("start", utc(start))
        .map(
            (rs, c) -> {
              Part p = parse(rs.getString("parts"));
              p.sales = rs.getLong("sales");
              p.total = rs.getLong("total");
              p.change = rs.getLong("change_given");
              return new Open(p, rs.getObject("covered_to", OffsetDateTime.class).toInstant());
            })
        .findOne();
  }

  /**
   * Adds up and keeps the hours starting at {@code missing}, in a transaction of its own holding
   * the organisation's lock exclusively: a sale statement in flight ends first, and one after it
   * finds the roll-up to delete.
   */
  private static Map<Instant, Part> rollUp(
      Handle h, UUID org, UUID store, String ids, List<Instant> missing) {
    return h.inTransaction(
        tx -> {
          tx.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", lockKey(org));
          Instant base = missing.get(0);
          Map<Integer, Part> sums =
              sums(tx, org, ids, base, base, missing.get(missing.size() - 1).plus(HOUR));
          Map<Instant, Part> out = new HashMap<>();
          var batch = tx.prepareBatch(KEEP);
          for (Instant start : missing) {
            Part p = sums.getOrDefault((int) Duration.between(base, start).toHours(), new Part());
            out.put(start, p);
            batch
                .bind("org", org)
                .bind("store", store)
                .bind("start", utc(start))
                .bind("sales", p.sales)
                .bind("total", p.total)
                .bind("change", p.change)
                .bind("parts", write(p))
                .bind("covered", utc(start.plus(HOUR)))
                .add();
          }
          batch.execute();
          return out;
        });
  }

  /**
   * The sales of the tills {@code ids} paid from {@code from} to before {@code to}, not voided, by
   * hour counted from {@code base} (0 is the hour starting there): the live part of the day, or the
   * hours being rolled up. Sums from {@code sale_by_terminal_paid} alone, tenders and items from
   * the sale rows' sums (a sale recorded before V49 carries no item sums: its lines are joined).
   */
  static Map<Integer, Part> sums(
      Handle h, UUID org, String ids, Instant base, Instant from, Instant to) {
    Map<Integer, Part> out = new HashMap<>();
    String hour = "floor(extract(epoch from s.paid_at - :base) / 3600)::int";
    String range =
        " where s.organisation_id = :org and s.terminal_id = any(cast(:ids as uuid[]))"
            + " and s.paid_at >= :from and s.paid_at < :to and s.state <> 'VOIDED'";
    h.createQuery(
            "select s.terminal_id, s.employee_id, "
                + hour
                + " as k, count(*) as n, sum(s.total) as total, sum(s.change_given) as change"
                + " from sale s"
                + range
                + " group by 1, 2, 3")
        .bind("org", org)
        .bind("ids", ids)
        .bind("base", utc(base))
        .bind("from", utc(from))
        .bind("to", utc(to))
        .map(
            (rs, c) -> {
              Part p = out.computeIfAbsent(rs.getInt("k"), k -> new Part());
              long n = rs.getLong("n");
              long total = rs.getLong("total");
              p.sales += n;
              p.total += total;
              p.change += rs.getLong("change");
              add(p.terminals, rs.getString("terminal_id"), n, total);
              add(p.employees, rs.getString("employee_id"), n, total);
              return p;
            })
        .list();
    if (out.isEmpty()) {
      return out;
    }
    h.createQuery(
            "select "
                + hour
                + " as k, p.key as type, sum(p.value::bigint) as amount, count(*) as n from sale s"
                + " cross join lateral jsonb_each_text(s.tender_sums) p"
                + range
                + " group by 1, 2")
        .bind("org", org)
        .bind("ids", ids)
        .bind("base", utc(base))
        .bind("from", utc(from))
        .bind("to", utc(to))
        .map(
            (rs, c) -> {
              Part p = out.computeIfAbsent(rs.getInt("k"), k -> new Part());
              add(p.tenders, rs.getString("type"), rs.getLong("n"), rs.getLong("amount"));
              return p;
            })
        .list();
    h.createQuery(
            "select "
                + hour
                + " as k, e->>'id' as item_id, min(e->>'name') as name,"
                + " sum((e->>'quantity')::numeric) as quantity, sum((e->>'amount')::bigint) as amount"
                + " from sale s cross join lateral jsonb_array_elements(s.item_sums) e"
                + range
                + " and s.item_sums is not null group by 1, 2"
                + " union all select "
                + hour
                + ", l.item_id, min(l.name), sum(l.quantity), sum(l.amount)"
                + " from sale s join sale_line l"
                + " on l.organisation_id = s.organisation_id and l.sale_id = s.id"
                + range
                + " and s.item_sums is null and not l.voided group by 1, 2")
        .bind("org", org)
        .bind("ids", ids)
        .bind("base", utc(base))
        .bind("from", utc(from))
        .bind("to", utc(to))
        .map(
            (rs, c) -> {
              Part p = out.computeIfAbsent(rs.getInt("k"), k -> new Part());
              item(
                  p,
                  rs.getString("item_id"),
                  rs.getString("name"),
                  rs.getBigDecimal("quantity"),
                  rs.getLong("amount"));
              return p;
            })
        .list();
    return out;
  }

  /** The count and total of the tills' sales paid from {@code from} up to and at {@code upTo}. */
  static long[] upTo(Handle h, UUID org, String ids, Instant from, Instant upTo) {
    return h.createQuery(
            "select count(*) as n, coalesce(sum(total), 0) as total from sale"
                + " where organisation_id = :org and terminal_id = any(cast(:ids as uuid[]))"
                + " and paid_at >= :from and paid_at <= :upTo and state <> 'VOIDED'")
        .bind("org", org)
        .bind("ids", ids)
        .bind("from", utc(from))
        .bind("upTo", utc(upTo))
        .map((rs, c) -> new long[] {rs.getLong("n"), rs.getLong("total")})
        .one();
  }

  /** The hours starting at {@code from}, an hour apart, before {@code to}. */
  static List<Instant> hours(Instant from, Instant to) {
    List<Instant> out = new ArrayList<>();
    for (Instant s = from; s.isBefore(to); s = s.plus(HOUR)) {
      out.add(s);
    }
    return out;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
