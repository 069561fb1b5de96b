package io.kasa.service.sales;

import io.kasa.service.db.Rows;
import io.kasa.service.db.Sql;
import io.kasa.service.db.UncheckedSqlException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes sales with group commit (ADR 0015): the sales submitted while an earlier write is in
 * flight are written together, by one statement in one transaction, so PostgreSQL plans, executes
 * and commits once for all of them. A sale alone is written at once; nothing waits for a batch to
 * fill. Each sale is still written only if its id is new in its organisation, its receipt number
 * new on its terminal and its receipt token new (ADR 0041), and the caller learns which.
 *
 * <p>A batch that fails (a tender id used by another sale, say) is written again sale by sale, so
 * one sale's fault is only that sale's. After {@link #close()} the queue is drained and each caller
 * writes its own sale.
 */
final class SaleWriter implements AutoCloseable {

  /** Sales in one statement at most; a batch is what queued while the last one was written. */
  static final int MAX_BATCH = 64;

  private static final Logger LOG = LoggerFactory.getLogger(SaleWriter.class);

  /** One sale's rows, in the columns of {@link #RECORD_SALES} (after organisation and sale id). */
  record Entry(
      UUID organisation,
      UUID id,
      Object[] sale,
      List<Object[]> lines,
      List<Object[]> moves,
      List<Object[]> taxes,
      List<Object[]> tenders,
      List<Object[]> audits) {}

  private record Pending(Entry entry, CompletableFuture<Boolean> written) {}

  private final DataSource pool;
  private final IntConsumer batchSizes;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean closed;

  /**
   * @param writers how many batches may be in flight at once, each on a connection of its own
   * @param batchSizes told the number of sales in each statement written
   */
  SaleWriter(DataSource pool, int writers, IntConsumer batchSizes) {
    this.pool = pool;
    this.batchSizes = batchSizes;
    for (int i = 0; i < writers; i++) {
      Thread t = new Thread(this::run, "kasa:sale-writer-" + i);
      t.setDaemon(true);
      t.start();
      this.writers.add(t);
    }
  }

  /** Writes the sale, with others submitted meanwhile; true if written, false if it existed. */
  boolean write(Entry entry) {
    Pending p = new Pending(entry, new CompletableFuture<>());
    queue.add(p);
    // After close, the writers' last drain may have missed this one: then write it here.
    if (closed && queue.remove(p)) {
      write(List.of(p));
    }
    try {
      return p.written().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      Pending first = null;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
        batch.clear();
      } else if (closed || Thread.currentThread().isInterrupted()) {
        // The last drain: whatever was queued before the close was seen.
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
          write(batch);
          batch.clear();
        }
        return;
      }
    }
  }

  /**
   * Writes a batch and completes each sale's future. Two submissions of one sale in a batch would
   * give the sale's rows twice: the later ones wait for the next statement, which finds it written.
   */
  private void write(List<Pending> batch) {
    List<Pending> now = new ArrayList<>();
    List<Pending> later = new ArrayList<>();
    Set<List<UUID>> keys = new HashSet<>();
    for (Pending p : batch) {
      (keys.add(List.of(p.entry().organisation(), p.entry().id())) ? now : later).add(p);
    }
    // One order for every batch, so two batches holding the same sales wait rather than deadlock.
    now.sort(
        Comparator.comparing((Pending p) -> p.entry().organisation())
            .thenComparing(p -> p.entry().id()));
    if (!now.isEmpty()) {
      try {
        Set<List<UUID>> written = insert(now);
        batchSizes.accept(now.size());
        for (Pending p : now) {
          p.written().complete(written.contains(List.of(p.entry().organisation(), p.entry().id())));
        }
      } catch (SQLException e) {
        if (now.size() == 1) {
          now.get(0).written().completeExceptionally(new UncheckedSqlException(e));
        } else {
          LOG.warn(
              "A batch of {} sales failed ({}); writing them one by one",
              now.size(),
              e.getMessage());
          for (Pending p : now) {
            write(List.of(p));
          }
        }
      } catch (RuntimeException e) {
        now.forEach(p -> p.written().completeExceptionally(e));
      }
    }
    if (!later.isEmpty()) {
      write(later);
    }
  }

  private Set<List<UUID>> insert(List<Pending> batch) throws SQLException {
    Rows sales =
        new Rows(
            "sorg",
            String.class,
            "sid",
            String.class,
            "sstore",
            String.class,
            "sterminal",
            String.class,
            "semployee",
            String.class,
            "sreceipt",
            String.class,
            "scurrency",
            String.class,
            "sstate",
            String.class,
            "soffline",
            Boolean.class,
            "sopened",
            String.class,
            "spaid",
            String.class,
            "srecorded",
            String.class,
            "ssubtotal",
            Long.class,
            "sdiscounts",
            Long.class,
            "stax",
            Long.class,
            "stotal",
            Long.class,
            "srounding",
            Long.class,
            "schange",
            Long.class,
            "shash",
            String.class,
            "srequest",
            String.class,
            "sresponse",
            String.class,
            "sapproved",
            String.class,
            "stoken",
            String.class,
            "svoided",
            Integer.class,
            "stenders",
            String.class,
            "staxes",
            String.class,
            "sitems",
            String.class,
            "stips",
            String.class);
    Rows lines =
        new Rows(
            "lorg",
            String.class,
            "lsale",
            String.class,
            "lnumber",
            Integer.class,
            "litem",
            String.class,
            "lname",
            String.class,
            "lquantity",
            String.class,
            "lprice",
            Long.class,
            "lgross",
            Long.class,
            "lld",
            Long.class,
            "lod",
            Long.class,
            "lamount",
            Long.class,
            "ltax",
            Long.class,
            "lclass",
            String.class,
            "lreason",
            String.class,
            "lvoided",
            Boolean.class,
            "lmodifiers",
            String.class,
            "lnote",
            String.class);
    Rows moves =
        new Rows(
            "morg",
            String.class,
            "msale",
            String.class,
            "mitem",
            String.class,
            "mdelta",
            String.class);
    Rows taxes =
        new Rows(
            "torg",
            String.class,
            "tsale",
            String.class,
            "tclass",
            String.class,
            "trate",
            String.class,
            "tnet",
            Long.class,
            "ttax",
            Long.class,
            "tgross",
            Long.class);
    Rows tenders =
        new Rows(
            "porg",
            String.class,
            "psale",
            String.class,
            "pid",
            String.class,
            "ptype",
            String.class,
            "pamount",
            Long.class,
            "pstatus",
            String.class,
            "pauth",
            String.class,
            "pref",
            String.class,
            "pdecline",
            String.class,
            "plast4",
            String.class,
            "ptip",
            Long.class);
    Rows audits =
        new Rows(
            "aorg",
            String.class,
            "asale",
            String.class,
            "aterminal",
            String.class,
            "aemployee",
            String.class,
            "aaction",
            String.class,
            "adetail",
            String.class);
    for (Pending p : batch) {
      Entry e = p.entry();
      String org = e.organisation().toString();
      String id = e.id().toString();
      sales.add(
          prefixed(org, id, concat(e.sale(), SaleTallies.of(e.lines(), e.taxes(), e.tenders()))));
      e.lines().forEach(row -> lines.add(prefixed(org, id, row)));
      e.moves().forEach(row -> moves.add(prefixed(org, id, row)));
      e.taxes().forEach(row -> taxes.add(prefixed(org, id, row)));
      e.tenders().forEach(row -> tenders.add(prefixed(org, id, row)));
      e.audits().forEach(row -> audits.add(prefixed(org, id, row)));
    }
    try (Connection c = pool.getConnection()) {
      // The roll-up lock of each organisation shared, before the statement that deletes the
      // roll-ups of the hours its sales were paid in (SaleHours): one transaction.
      c.setAutoCommit(false);
      try (Sql.Bound insert = RECORD_SALES.prepare(c)) {
        SaleHours.share(c, batch.stream().map(p -> p.entry().organisation()).toList());
        for (Rows rows : List.of(sales, lines, moves, taxes, tenders, audits)) {
          rows.bindTo(insert);
        }
        Set<List<UUID>> written = new HashSet<>();
        try (ResultSet rs = insert.query()) {
          while (rs.next()) {
            written.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
          }
        }
        c.commit();
        return written;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Object[] prefixed(String org, String sale, Object[] row) {
    Object[] out = new Object[row.length + 2];
    out[0] = org;
    out[1] = sale;
    System.arraycopy(row, 0, out, 2, row.length);
    return out;
  }

  /**
   * One statement for a batch: the sales, then everything hanging off them from arrays (one element
   * per row), each row written only when its sale was. Foreign keys are checked at the statement's
   * end. A roll-up of the hour a sale was paid in (V50, {@link SaleHours}) is deleted with it.
   */
  private static final Sql RECORD_SALES =
      Sql.of(
          "with s as (insert into sale (organisation_id, id, store_id, terminal_id, employee_id,"
              + " receipt_number, currency, state, offline, opened_at, paid_at, recorded_at, subtotal,"
              + " discounts, tax, total, cash_rounding, change_given, request_hash, request, response,"
              + " approved_by, receipt_token, voided_lines, tender_sums, tax_sums, item_sums,"
              + " tip_sums)"
              + " select * from unnest(cast(:sorg as uuid[]), cast(:sid as uuid[]),"
              + " cast(:sstore as uuid[]), cast(:sterminal as uuid[]), cast(:semployee as uuid[]),"
              + " :sreceipt, :scurrency, :sstate, :soffline, cast(:sopened as timestamptz[]),"
              + " cast(:spaid as timestamptz[]), cast(:srecorded as timestamptz[]), :ssubtotal,"
              + " :sdiscounts, :stax, :stotal, :srounding, :schange, cast(:shash as bytea[]),"
              + " cast(:srequest as jsonb[]), cast(:sresponse as jsonb[]), cast(:sapproved as uuid[]),"
              + " :stoken, :svoided, cast(:stenders as jsonb[]), cast(:staxes as jsonb[]),"
              + " cast(:sitems as jsonb[]), cast(:stips as jsonb[]))"
              + " on conflict do nothing returning organisation_id, id, store_id, paid_at),"
              + " r as (delete from sale_hour h using s where h.organisation_id = s.organisation_id"
              + " and h.store_id = s.store_id and h.hour_start <= s.paid_at"
              + " and h.hour_start > s.paid_at - interval '1 hour' and h.covered_to > s.paid_at),"
              + " l as (insert into sale_line (organisation_id, sale_id, number, item_id, name, quantity,"
              + " unit_price, gross, line_discount, order_discount, amount, tax, tax_class, override_reason,"
              + " voided, modifiers, note) select u.* from unnest(cast(:lorg as uuid[]),"
              + " cast(:lsale as uuid[]), :lnumber, :litem, :lname, cast(:lquantity as numeric[]),"
              + " :lprice, :lgross, :lld, :lod, :lamount, :ltax, :lclass, :lreason, :lvoided,"
              + " cast(:lmodifiers as jsonb[]), :lnote) u(org, sale) join s on s.organisation_id = u.org"
              + " and s.id = u.sale),"
              + " m as (insert into stock_movement (organisation_id, store_id, item_id, delta, sale_id,"
              + " reason) select u.org, s.store_id, u.item, u.delta, u.sale, 'SALE'"
              + " from unnest(cast(:morg as uuid[]),"
              + " cast(:msale as uuid[]), :mitem, cast(:mdelta as numeric[])) u(org, sale, item, delta)"
              + " join s on s.organisation_id = u.org and s.id = u.sale),"
              + " x as (insert into sale_tax (organisation_id, sale_id, tax_class, rate, net, tax, gross)"
              + " select u.* from unnest(cast(:torg as uuid[]), cast(:tsale as uuid[]), :tclass,"
              + " cast(:trate as numeric[]), :tnet, :ttax, :tgross) u(org, sale)"
              + " join s on s.organisation_id = u.org and s.id = u.sale),"
              + " p as (insert into tender (organisation_id, id, sale_id, type, amount, status,"
              + " authorisation, reference, decline_reason, card_last4, tip) select u.org, u.id, u.sale,"
              + " u.type, u.amount, u.status, u.auth, u.ref, u.decline, u.last4, u.tip from"
              + " unnest(cast(:porg as uuid[]), cast(:psale as uuid[]), cast(:pid as uuid[]), :ptype,"
              + " :pamount, :pstatus, :pauth, :pref, :pdecline, :plast4, :ptip)"
              + " u(org, sale, id, type, amount, status, auth, ref, decline, last4, tip)"
              + " join s on s.organisation_id = u.org and s.id = u.sale),"
              + " a as (insert into audit_log (organisation_id, terminal_id, employee_id, action, detail)"
              + " select u.org, u.terminal, u.employee, u.action, u.detail from unnest(cast(:aorg as uuid[]),"
              + " cast(:asale as uuid[]), cast(:aterminal as uuid[]), cast(:aemployee as uuid[]), :aaction,"
              + " :adetail) u(org, sale, terminal, employee, action, detail)"
              + " join s on s.organisation_id = u.org and s.id = u.sale)"
              + " select organisation_id, id from s");

  /** Writes what is queued, then lets each later caller write its own sale. */
  @Override
  public void close() {
    closed = true;
    for (Thread t : writers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
