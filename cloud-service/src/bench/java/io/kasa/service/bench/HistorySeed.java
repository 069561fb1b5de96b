package io.kasa.service.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A year of a busy store written straight into the service's tables, in SQL ({@code insert … select
 * … from generate_series}, a chunk per transaction): a large catalogue with its barcodes and change
 * history, then per terminal and day a closed shift with a cash movement, and the sales of the year
 * with their lines, taxes, tenders and stock moves, a few post-voided, a few refunded (refund,
 * lines, payout, stock back). Every row is what the service itself writes for the same event, its
 * triggers in force. As a restore does, the written tables' indexes, keys and foreign keys are
 * dropped for the load and built again after it from their own definitions (read from the
 * catalogue, so they are exactly the migrations'): building an index once is many times faster than
 * growing it by random inserts, and every key and foreign key is validated when it is added back.
 *
 * <p>Everything is derived from the row's number, so the benchmark can name any seeded sale (its
 * id, receipt number and day) without asking the database: see {@link #saleId} and {@link
 * #receipt}. {@code HotPathsUseIndexesTest} seeds a small history with it too.
 */
public final class HistorySeed {

  /** Sales written per transaction. */
  private static final int SALE_CHUNK = 20_000;

  /** Items written per transaction. */
  private static final int ITEM_CHUNK = 100_000;

  /** One sale in this many is refunded (a line of it), about 2.7 %. */
  static final int REFUND_EVERY = 37;

  /** One sale in this many is voided after payment. */
  static final int VOID_EVERY = 1_000;

  /** Where the history goes and how much of it. */
  public record Target(
      UUID organisation,
      UUID store,
      String storeCode,
      List<UUID> terminals,
      List<String> terminalCodes,
      UUID cashier,
      UUID manager,
      int sales,
      int items,
      int days) {

    int perTerminal() {
      return (sales + terminals.size() - 1) / terminals.size();
    }

    /** Sales per terminal and day. */
    int perDay() {
      return (perTerminal() + days - 1) / days;
    }
  }

  /** Time spent per kind of statement writing the sales, in nanoseconds. */
  private static final Map<String, Long> SPENT = new ConcurrentSkipListMap<>();

  private HistorySeed() {}

  /** Runs a statement of the sales' chunks, adding its time to its kind's. */
  private static void run(Statement s, String sql) throws SQLException {
    long start = System.nanoTime();
    s.execute(sql);
    String[] words = sql.split(" ", 5);
    SPENT.merge(String.join(" ", Arrays.copyOf(words, 4)), System.nanoTime() - start, Long::sum);
  }

  /** The MD5 of {@code organisation/kind/i}, as the seed's {@code md5(…)} makes it. */
  private static byte[] md5(Target t, String kind, long i) {
    try {
      return MessageDigest.getInstance("MD5")
          .digest((t.organisation() + "/" + kind + "/" + i).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The receipt token of the {@code i}-th seeded sale (its customer's page {@code /r/{token}}): 128
   * bits in URL-safe base64 without padding, as the till makes one.
   */
  public static String token(Target t, long i) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(md5(t, "token", i));
  }

  /** The same token in SQL, for the sale numbered {@code i}. */
  private static String token(String org, String i) {
    return "translate(rtrim(encode(decode(md5(" + org + " || '/token/' || " + i
        + "), 'hex'), 'base64'), '='), '+/', '-_')";
  }

  /** The id of the {@code i}-th seeded sale, as the seed's {@code md5(…)::uuid} makes it. */
  static UUID saleId(Target t, long i) {
    String hex = HexFormat.of().formatHex(md5(t, "sale", i));
    return UUID.fromString(
        hex.substring(0, 8)
            + "-"
            + hex.substring(8, 12)
            + "-"
            + hex.substring(12, 16)
            + "-"
            + hex.substring(16, 20)
            + "-"
            + hex.substring(20));
  }

  /** The receipt number of the {@code i}-th seeded sale. */
  static String receipt(Target t, long i) {
    int terminal = (int) (i % t.terminals().size());
    long sequence = i / t.terminals().size() + 1;
    return String.format(
        Locale.ROOT, "%s-%s-%06d", t.storeCode(), t.terminalCodes().get(terminal), sequence);
  }

  /** The day (0 = a year ago, {@code days - 1} = yesterday) of the {@code i}-th seeded sale. */
  static int day(Target t, long i) {
    return (int) ((i / t.terminals().size()) / t.perDay());
  }

  /**
   * Writes it all, then analyzes, printing progress. {@code zReport} is a real closed shift's
   * report (JSON) that the seeded shifts keep as theirs.
   */
  public static void seed(DataSource pool, Target t, String zReport, int threads) throws Exception {
    long start = System.nanoTime();
    String yearStart;
    List<String> keys;
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      try (var r =
          s.executeQuery(
              "select (date_trunc('day', now()) - interval '" + t.days() + " days')::text")) {
        r.next();
        yearStart = r.getString(1);
      }
      c.setAutoCommit(false);
      prepare(c, s, t, yearStart);
      keys = dropKeys(c, s);
      items(c, s, t, start);
      shifts(c, s, t, zReport, start);
    }
    // The sales, a chunk at a time on each of a few connections.
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        running.add(
            workers.submit(
                () -> {
                  try (Connection c = pool.getConnection();
                      Statement s = c.createStatement()) {
                    c.setAutoCommit(false);
                    prepare(c, s, t, yearStart);
                    for (long from = next.getAndAdd(SALE_CHUNK);
                        from < t.sales();
                        from = next.getAndAdd(SALE_CHUNK)) {
                      long to = Math.min(t.sales(), from + SALE_CHUNK);
                      sales(s, t, from, to);
                      c.commit();
                      progress(start, "sales", done.addAndGet(to - from), t.sales());
                    }
                    s.execute("drop table seed_terminal");
                    s.execute("drop table seed_const");
                    c.commit();
                  }
                  return null;
                }));
      }
      for (Future<Void> f : running) {
        f.get();
      }
    } finally {
      workers.shutdownNow();
    }
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      long build = System.nanoTime();
      s.execute("set maintenance_work_mem = '1GB'");
      for (String ddl : keys) {
        s.execute(ddl);
      }
      System.out.printf(
          Locale.ROOT,
          "seed: %d keys, indexes and foreign keys built and validated in %.0f s%n",
          keys.size(),
          (System.nanoTime() - build) / 1e9);
    }
    SPENT.forEach(
        (what, nanos) ->
            System.out.printf(Locale.ROOT, "seed: %s … %.0f s (all connections)%n", what, nanos / 1e9));
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      long analyze = System.nanoTime();
      s.execute("analyze");
      System.out.printf(
          Locale.ROOT,
          "seed: analyze %.0f s; %,d sales and %,d items written in %.0f s%n",
          (System.nanoTime() - analyze) / 1e9,
          t.sales(),
          t.items(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** The tables the seed writes. */
  private static final List<String> WRITTEN =
      List.of(
          "item", "barcode", "catalog_change", "shift", "cash_movement", "sale", "sale_line",
          "sale_tax", "tender", "stock_movement", "refund", "refund_line", "refund_payout");

  /**
   * Drops the foreign keys from and to the written tables, their other indexes, and their primary
   * and unique keys, in that order, committed; returns the statements that add them back, in the
   * reverse order (keys, indexes, foreign keys), from the catalogue's own definitions.
   */
  private static List<String> dropKeys(Connection c, Statement s) throws SQLException {
    String tables =
        WRITTEN.stream().map(n -> "'public." + n + "'::regclass").collect(Collectors.joining(","));
    List<String> drop = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    try (var r =
        s.executeQuery(
            "select conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype"
                + " from pg_constraint where (contype = 'f' and (conrelid = any(array["
                + tables
                + "]) or confrelid = any(array["
                + tables
                + "]))) or (contype in ('p', 'u', 'x') and conrelid = any(array["
                + tables
                + "])) order by contype = 'f' desc, conrelid::regclass::text, conname")) {
      while (r.next()) {
        String on = "alter table " + r.getString(1) + " ";
        String name = "\"" + r.getString(2) + "\"";
        drop.add(on + "drop constraint " + name);
        (r.getString(4).equals("f") ? foreign : keys)
            .add(on + "add constraint " + name + " " + r.getString(3));
      }
    }
    // Indexes backing no constraint: dropped after the foreign keys, before the keys.
    List<String> dropIndexes = new ArrayList<>();
    try (var r =
        s.executeQuery(
            "select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i"
                + " where i.indrelid = any(array["
                + tables
                + "]) and not exists (select 1 from pg_constraint k where k.conindid ="
                + " i.indexrelid) order by 1")) {
      while (r.next()) {
        dropIndexes.add("drop index " + r.getString(1));
        indexes.add(r.getString(2));
      }
    }
    int foreignCount = foreign.size();
    for (int i = 0; i < foreignCount; i++) {
      s.execute(drop.get(i));
    }
    for (String d : dropIndexes) {
      s.execute(d);
    }
    for (int i = foreignCount; i < drop.size(); i++) {
      s.execute(drop.get(i));
    }
    c.commit();
    List<String> back = new ArrayList<>(keys);
    back.addAll(indexes);
    back.addAll(foreign);
    return back;
  }

  /** The constants every statement reads, as temporary tables of this connection. */
  private static void prepare(Connection c, Statement s, Target t, String yearStart)
      throws SQLException {
    s.execute("set work_mem = '64MB'");
    // A pooled connection may come back with an earlier seed's tables.
    s.execute("drop table if exists seed_terminal, seed_const");
    String terminals =
        t.terminals().stream().map(u -> "'" + u + "'").collect(Collectors.joining(","));
    String codes =
        t.terminalCodes().stream().map(u -> "'" + u + "'").collect(Collectors.joining(","));
    s.execute("create temp table seed_terminal (n int primary key, id uuid, code text)");
    s.execute(
        "insert into seed_terminal select n - 1, t, c from unnest(array["
            + terminals
            + "]::uuid[], array["
            + codes
            + "]::text[]) with ordinality as x(t, c, n)");
    s.execute(
        "create temp table seed_const as select '" + yearStart + "'::timestamptz as year_start");
    c.commit();
  }

  private static void progress(long start, String what, long done, long of) {
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "seed: %s %,d of %,d (%.0f s since the start)%n", what, done, of, s);
  }

  /** Item {@code n}'s price in kopecks, a multiple of 10 (so cash needs no rounding). */
  private static String price(String n) {
    return "(990 + ((" + n + ")::bigint * 7919 % 9000) * 10)";
  }

  private static String itemId(String n) {
    return "'g' || lpad((" + n + ")::text, 7, '0')";
  }

  /**
   * The catalogue: items with a barcode each, recorded as changes when imported a year ago, then
   * price changes through the year (a tenth of the catalogue). One statement per table and chunk,
   * so the feed's statement trigger moves the store's version once per chunk.
   */
  private static void items(Connection c, Statement s, Target t, long start) throws SQLException {
    String org = "'" + t.organisation() + "'";
    for (int from = 1; from <= t.items(); from += ITEM_CHUNK) {
      int to = Math.min(t.items(), from + ITEM_CHUNK - 1);
      String n = "generate_series(" + from + ", " + to + ") n";
      s.execute(
          "insert into item (organisation_id, id, sku, name, unit, price, tax_class, category)"
              + " select "
              + org
              + ", "
              + itemId("n")
              + ", 'SKU' || lpad(n::text, 7, '0'), 'Товар №' || n, 'EACH', "
              + price("n")
              + ", case when n % 10 = 0 then 'VAT7' else 'VAT20' end, 'Група ' || (n % 200) from "
              + n);
      s.execute(
          "insert into barcode (organisation_id, code, item_id) select "
              + org
              + ", '489' || lpad(n::text, 10, '0'), "
              + itemId("n")
              + " from "
              + n);
      s.execute(
          "insert into catalog_change (organisation_id, kind, key, changed_at) select "
              + org
              + ", 'ITEM', "
              + itemId("n")
              + ", (select year_start from seed_const) - interval '1 day' from "
              + n);
      c.commit();
      progress(start, "items", to, t.items());
    }
    int changes = t.items() / 10;
    s.execute(
        "insert into catalog_change (organisation_id, kind, key, changed_at) select "
            + org
            + ", 'ITEM', "
            + itemId("1 + abs(hashint8(j)) % " + t.items())
            + ", (select year_start from seed_const) + (j::float8 / "
            + changes
            + " * "
            + t.days()
            + ") * interval '1 day' from generate_series(1, "
            + changes
            + ") j");
    c.commit();
    progress(start, "price changes", changes, changes);
  }

  /** A closed shift per terminal and day, 07:55 to 22:10, with one cash movement. */
  private static void shifts(Connection c, Statement s, Target t, String zReport, long start)
      throws SQLException {
    String org = "'" + t.organisation() + "'";
    try (var p =
        c.prepareStatement(
            "insert into shift (organisation_id, id, store_id, terminal_id, opened_by, opened_at,"
                + " opening_float, closed_by, closed_at, counted, expected, over_short, blind,"
                + " z_report, number) select "
                + org
                + ", md5("
                + org
                + " || '/shift/' || st.n || '/' || d)::uuid, '"
                + t.store()
                + "', st.id, '"
                + t.cashier()
                + "', y.year_start + d * interval '1 day' + interval '7 hours 55 minutes', 50000,"
                + " '"
                + t.manager()
                + "', y.year_start + d * interval '1 day' + interval '22 hours 10 minutes', 50000,"
                + " 50000, 0, false, cast(? as jsonb), d + 1 from seed_terminal st cross join"
                + " seed_const y cross join generate_series(0, "
                + (t.days() - 1)
                + ") d")) {
      p.setString(1, zReport);
      p.executeUpdate();
    }
    s.execute(
        "insert into cash_movement (organisation_id, id, shift_id, type, amount, reason,"
            + " employee_id, at) select "
            + org
            + ", md5("
            + org
            + " || '/cash/' || st.n || '/' || d)::uuid, md5("
            + org
            + " || '/shift/' || st.n || '/' || d)::uuid, 'IN', 20000, 'Розмінна монета', '"
            + t.cashier()
            + "', y.year_start + d * interval '1 day' + interval '8 hours'"
            + " from seed_terminal st cross join seed_const y cross join generate_series(0, "
            + (t.days() - 1)
            + ") d");
    c.commit();
    progress(start, "shifts", (long) t.days() * t.terminals().size(), (long) t.days() * t.terminals().size());
  }

  /** Instant as Jackson writes it. */
  private static String iso(String ts) {
    return "to_char((" + ts + ") at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
  }

  /** Sales {@code from} to {@code to - 1}, with everything that hangs off them. */
  private static void sales(Statement s, Target t, long from, long to) throws SQLException {
    String org = "'" + t.organisation() + "'";
    int terminals = t.terminals().size();
    int perDay = t.perDay();
    // 14 hours of trading a day, the day's sales spread evenly, terminals a few seconds apart.
    double gap = 14 * 3600.0 / perDay;
    // The lines: 1 to 9 a sale (5 on average), items skewed towards a popular few, 1 to 3 each.
    run(
        s,
        "create temp table seed_line on commit drop as select i, n, m, q, "
            + price("m")
            + " as price, "
            + price("m")
            + " * q as amount, case when m % 10 = 0 then 7 else 20 end as rate"
            + " from generate_series("
            + from
            + ", "
            + (to - 1)
            + ") i cross join lateral generate_series(1, 1 + (i * 7 % 9)::int) n"
            + " cross join lateral (select abs(hashint8(i * 16 + n)) as h) x"
            + " cross join lateral (select 1 + floor("
            + t.items()
            + " * power((x.h % 1000003) / 1000003.0, 3))::int as m, 1 + (x.h / 1000003) % 3 as q) y");
    run(s, "alter table seed_line add column tax bigint");
    run(s, "update seed_line set tax = round(amount * rate / (100.0 + rate))::bigint");
    run(
        s,
        "create temp table seed_sale on commit drop as select l.i, md5("
            + org
            + " || '/sale/' || l.i)::uuid as id, md5("
            + org
            + " || '/tender/' || l.i)::uuid as tender, st.id as terminal, '"
            + t.storeCode()
            + "-' || st.code || '-' || lpad((l.i / "
            + terminals
            + " + 1)::text, 6, '0') as receipt, st.code, y.year_start + (l.i / "
            + terminals
            + " / "
            + perDay
            + ") * interval '1 day' + interval '8 hours' + ((l.i / "
            + terminals
            + " % "
            + perDay
            + ") * "
            + gap
            + " + st.n * 3) * interval '1 second' as paid,"
            + " l.i % 3 = 0 as card, l.i % "
            + VOID_EVERY
            + " = "
            + (VOID_EVERY - 1)
            + " as voided, sum(l.amount) as total, sum(l.tax) as tax,"
            + " jsonb_agg(jsonb_build_object('number', l.n, 'itemId', "
            + itemId("l.m")
            + ", 'quantity', l.q::text, 'unitPrice', l.price, 'priceOverrideReason', null,"
            + " 'discount', null, 'voided', false, 'amount', l.amount) order by l.n) as lines"
            + " from seed_line l join seed_terminal st on st.n = l.i % "
            + terminals
            + " cross join seed_const y group by l.i, st.id, st.code, st.n, y.year_start");
    // Each sale's tax tallies (V43), as the service's writer makes them from the same rows.
    run(
        s,
        "create temp table seed_tax on commit drop as select i, jsonb_agg(jsonb_build_object("
            + "'class', c, 'rate', rate, 'net', gross - tax, 'tax', tax, 'gross', gross) order by c)"
            + " as sums from (select i, case when rate = 7 then 'VAT7' else 'VAT20' end as c, rate,"
            + " sum(amount) as gross, sum(tax) as tax from seed_line group by i, rate) q group by i");
    String totals =
        "jsonb_build_object('subtotal', x.total, 'discounts', 0, 'tax', x.tax, 'total', x.total,"
            + " 'cashRounding', 0, 'change', 0)";
    String tender =
        "jsonb_build_object('id', x.tender, 'type', case when x.card then 'CARD' else 'CASH' end,"
            + " 'amount', x.total, 'cardToken', case when x.card then 'tok_approve' end,"
            + " 'reference', null, 'cardLast4', null)";
    String result =
        "jsonb_build_object('id', x.tender, 'type', case when x.card then 'CARD' else 'CASH' end,"
            + " 'amount', x.total, 'status', case when x.card then 'APPROVED' else 'ACCEPTED' end,"
            + " 'authorisation', case when x.card then 'A' || (x.i % 1000000) end)";
    run(
        s,
        "insert into sale (organisation_id, id, store_id, terminal_id, employee_id, receipt_number,"
            + " currency, state, offline, opened_at, paid_at, recorded_at, subtotal, discounts, tax,"
            + " total, cash_rounding, change_given, request_hash, request, response, voided_at,"
            + " voided_by, void_reason, voided_lines, tender_sums, tax_sums, receipt_token) select "
            + org
            + ", x.id, '"
            + t.store()
            + "', x.terminal, '"
            + t.cashier()
            + "', x.receipt, 'UAH', case when x.voided then 'VOIDED' else 'PAID' end, false,"
            + " x.paid - interval '2 minutes', x.paid, x.paid + interval '1 second', x.total, 0,"
            + " x.tax, x.total, 0, 0, sha256(convert_to(x.id::text, 'UTF8')),"
            + " jsonb_build_object('id', x.id, 'receiptNumber', x.receipt, 'currency', 'UAH',"
            + " 'openedAt', "
            + iso("x.paid - interval '2 minutes'")
            + ", 'paidAt', "
            + iso("x.paid")
            + ", 'lines', x.lines, 'orderDiscount', null, 'tenders', jsonb_build_array("
            + tender
            + "), 'totals', "
            + totals
            + ", 'offline', false, 'approvalId', null),"
            + " jsonb_build_object('id', x.id, 'receiptNumber', x.receipt, 'state', 'PAID',"
            + " 'offline', false, 'totals', "
            + totals
            + ", 'tenders', jsonb_build_array("
            + result
            + "), 'recordedAt', "
            + iso("x.paid + interval '1 second'")
            + "), case when x.voided then x.paid + interval '5 minutes' end, case when x.voided"
            + " then '"
            + t.manager()
            + "'::uuid end, case when x.voided then 'Пробито двічі' end, 0,"
            + " jsonb_build_object(case when x.card then 'CARD' else 'CASH' end, x.total),"
            + " xt.sums, "
            + token(org, "x.i")
            + " from seed_sale x join seed_tax xt on xt.i = x.i");
    run(
        s,
        "insert into sale_line (organisation_id, sale_id, number, item_id, name, quantity,"
            + " unit_price, gross, line_discount, order_discount, amount, tax, tax_class,"
            + " override_reason, voided) select "
            + org
            + ", x.id, l.n, "
            + itemId("l.m")
            + ", 'Товар №' || l.m, l.q, l.price, l.amount, 0, 0, l.amount, l.tax,"
            + " case when l.rate = 7 then 'VAT7' else 'VAT20' end, null, false"
            + " from seed_line l join seed_sale x on x.i = l.i");
    run(
        s,
        "insert into sale_tax (organisation_id, sale_id, tax_class, rate, net, tax, gross) select "
            + org
            + ", x.id, case when l.rate = 7 then 'VAT7' else 'VAT20' end, l.rate,"
            + " sum(l.amount) - sum(l.tax), sum(l.tax), sum(l.amount)"
            + " from seed_line l join seed_sale x on x.i = l.i group by x.id, l.rate");
    run(
        s,
        "insert into tender (organisation_id, id, sale_id, type, amount, status, authorisation)"
            + " select "
            + org
            + ", x.tender, x.id, case when x.card then 'CARD' else 'CASH' end, x.total,"
            + " case when x.card then 'APPROVED' else 'ACCEPTED' end,"
            + " case when x.card then 'A' || (x.i % 1000000) end from seed_sale x");
    // Stock taken by each line, and given back by a post-void.
    run(
        s,
        "insert into stock_movement (organisation_id, store_id, item_id, delta, sale_id, reason,"
            + " at) select "
            + org
            + ", '"
            + t.store()
            + "', "
            + itemId("l.m")
            + ", -l.q, x.id, 'SALE', x.paid from seed_line l join seed_sale x on x.i = l.i");
    run(
        s,
        "insert into stock_movement (organisation_id, store_id, item_id, delta, sale_id, reason,"
            + " terminal_id, employee_id, at) select "
            + org
            + ", '"
            + t.store()
            + "', "
            + itemId("l.m")
            + ", l.q, x.id, 'VOID', x.terminal, '"
            + t.manager()
            + "', x.paid + interval '5 minutes' from seed_line l join seed_sale x on x.i = l.i"
            + " where x.voided");
    refunds(s, t, org);
  }

  /**
   * The first line of one sale in {@link #REFUND_EVERY} comes back an hour later at the same
   * terminal, paid out in cash; its receipt number follows all of that terminal's sale numbers.
   */
  private static void refunds(Statement s, Target t, String org) throws SQLException {
    String refundId = "md5(" + org + " || '/refund/' || x.i)::uuid";
    run(
        s,
        "create temp table seed_refund on commit drop as select x.i, x.id as sale, "
            + refundId
            + " as id, x.terminal, '"
            + t.storeCode()
            + "-' || x.code || '-' || lpad(("
            + t.perTerminal()
            + " + 1 + x.i / "
            + REFUND_EVERY
            + ")::text, 6, '0') as receipt, x.paid + interval '1 hour' as at, l.m, l.q, l.amount,"
            + " l.tax, l.rate from seed_sale x join seed_line l on l.i = x.i and l.n = 1"
            + " where x.i % "
            + REFUND_EVERY
            + " = "
            + (REFUND_EVERY / 2)
            + " and not x.voided");
    run(
        s,
        "insert into refund (organisation_id, id, sale_id, terminal_id, employee_id, approved_by,"
            + " receipt_number, reason, total, tax, cash_rounding, recorded_at, request_hash,"
            + " request, response) select "
            + org
            + ", r.id, r.sale, r.terminal, '"
            + t.cashier()
            + "', null, r.receipt, 'Не підійшло', r.amount, r.tax, 0, r.at,"
            + " sha256(convert_to(r.id::text, 'UTF8')), jsonb_build_object('id', r.id, 'saleId',"
            + " r.sale, 'receiptNumber', r.receipt, 'lines', jsonb_build_array(jsonb_build_object("
            + "'saleLine', 1, 'quantity', r.q::text)), 'method', 'CASH', 'reason', 'Не підійшло',"
            + " 'at', "
            + iso("r.at")
            + ", 'approvingManagerId', null, 'approvingManagerPin', null),"
            + " jsonb_build_object('id', r.id, 'saleId', r.sale, 'receiptNumber', r.receipt,"
            + " 'total', r.amount, 'tax', r.tax, 'cashRounding', 0, 'payouts', jsonb_build_array("
            + "jsonb_build_object('type', 'CASH', 'amount', r.amount, 'originalTender', null)),"
            + " 'saleState', 'PAID', 'recordedAt', "
            + iso("r.at")
            + ") from seed_refund r");
    run(
        s,
        "insert into refund_line (organisation_id, refund_id, sale_line, item_id, quantity, amount,"
            + " tax, tax_class) select "
            + org
            + ", r.id, 1, "
            + itemId("r.m")
            + ", r.q, r.amount, r.tax, case when r.rate = 7 then 'VAT7' else 'VAT20' end"
            + " from seed_refund r");
    run(
        s,
        "insert into refund_payout (organisation_id, id, refund_id, type, amount) select "
            + org
            + ", md5("
            + org
            + " || '/payout/' || r.i)::uuid, r.id, 'CASH', r.amount from seed_refund r");
    run(
        s,
        "insert into stock_movement (organisation_id, store_id, item_id, delta, refund_id, reason,"
            + " terminal_id, employee_id, at) select "
            + org
            + ", '"
            + t.store()
            + "', "
            + itemId("r.m")
            + ", r.q, r.id, 'REFUND', r.terminal, '"
            + t.cashier()
            + "', r.at from seed_refund r");
  }
}
