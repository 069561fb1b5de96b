package io.kasa.client.bench;

import io.kasa.domain.id.TimeOrderedIds;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.Outbox;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.service.Sales;
import io.kasa.service.TestCloud;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Day 365 against day 1 (issue 24, ADR 0037): two terminals enrolled with the same service, one with
 * an empty journal and one whose journal already holds {@code bench.journal} acknowledged sales
 * (500,000 by default), sell the same sales in turn. Each sale is what the register does: journal
 * it (receipt number, outbox entry, fsync), deliver it to the real service over HTTP, read the
 * status bar's bookkeeping and decide whether a card could be taken offline. Then the returns
 * look-up (a sale by receipt number and its refunds) on each journal, and — for comparison — the
 * look-up as it was, parsing every body.
 */
final class JournalBench {

  private static final int JOURNAL = Integer.getInteger("bench.journal", 500_000);
  private static final int SALES = Integer.getInteger("bench.journal.sales", 1_000);
  private static final int LOOKUPS = 5_000;

  private JournalBench() {}

  static void run(TestCloud cloud, Path dir) throws Exception {
    Path day1 = dir.resolve("day-1");
    Path day365 = dir.resolve("day-365");
    long t0 = System.nanoTime();
    fill(day365, JOURNAL);
    System.out.printf(
        Locale.ROOT,
        "journal: %,d acknowledged sales written in %.0f s%n",
        JOURNAL,
        (System.nanoTime() - t0) / 1e9);
    URI url = URI.create("http://127.0.0.1:" + cloud.app.port());
    try (CloudTerminal empty = terminal(cloud, day1, url, "J1");
        CloudTerminal full = terminal(cloud, day365, url, "J2")) {
      List<CatalogItem> items = empty.catalog().sellable(500);
      UUID cashier = cloud.demo.cashierId();
      Random random = new Random(7);
      int warmUp = SALES / 10;
      List<String> sold = new java.util.ArrayList<>();
      long[][] local = new long[2][SALES];
      long[][] whole = new long[2][SALES];
      for (int i = -warmUp; i < SALES; i++) {
        for (int k = 0; k < 2; k++) {
          CloudTerminal t = k == 0 ? empty : full;
          Sale sale = sale(t, items, random);
          long s = System.nanoTime();
          String receipt = t.recordSale(sale, cashier, Map.of(), false, null).receiptNumber();
          if (k == 0) {
            sold.add(receipt);
          }
          t.status();
          t.offlineCard(1_000);
          long journalled = System.nanoTime();
          t.syncNow();
          t.status();
          long done = System.nanoTime();
          if (i >= 0) {
            local[k][i] = journalled - s;
            whole[k][i] = done - s;
          }
        }
      }
      if (full.outbox().stats().unsent() != 0 || full.outbox().stats().rejected() != 0) {
        throw new IllegalStateException("sales left undelivered: " + full.outbox().stats());
      }
      compare("per sale, journal + bookkeeping + delivery", whole);
      compare("per sale, journal + bookkeeping only (no HTTP)", local);

      long[][] lookup = new long[2][LOOKUPS];
      for (int i = -LOOKUPS / 5; i < LOOKUPS; i++) {
        for (int k = 0; k < 2; k++) {
          Outbox outbox = (k == 0 ? empty : full).outbox();
          String number =
              k == 0 ? sold.get(random.nextInt(sold.size())) : oldReceipt(random.nextInt(JOURNAL));
          long s = System.nanoTime();
          Outbox.Entry found = outbox.withReceiptNumber(CloudTerminal.SALE, number).get(0);
          outbox.aboutSale(CloudTerminal.REFUND, found.id());
          if (i >= 0) {
            lookup[k][i] = System.nanoTime() - s;
          }
        }
      }
      compare("returns look-up (sale by receipt number + its refunds)", lookup);
      long[] before = scanLookups(day365, random, 5);
      System.out.printf(
          Locale.ROOT,
          "  the same look-up as it was (json_extract over every body), %,d entries: p50 %.0f ms%n",
          JOURNAL + SALES + warmUp,
          percentile(before, 50) / 1e6);
    }
  }

  private static CloudTerminal terminal(TestCloud cloud, Path dir, URI url, String code) {
    var created =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), code, "bench " + code);
    CloudTerminal t = CloudTerminal.open(dir, Clock.systemUTC(), CloudClientConfig::defaults);
    t.enroll(url, created.enrollmentCode(), code);
    return t;
  }

  /** A year of sales, already delivered: realistic bodies, own receipt numbers, acknowledged. */
  static void fill(Path dir, int n) {
    String template = Sales.json(Sales.breadAndAspirin(UUID.randomUUID(), 1, null));
    String number = Sales.receipt(1);
    if (!template.contains(number)) {
      throw new IllegalStateException("the template sale has no receipt number " + number);
    }
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      int batch = 10_000;
      for (int from = 0; from < n; from += batch) {
        int start = from;
        int end = Math.min(n, from + batch);
        store.inTransaction(
            c -> {
              for (int i = start; i < end; i++) {
                UUID id = UUID.randomUUID();
                String body =
                    template.replace(number, oldReceipt(i)).replaceFirst(
                        "\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + id + "\"");
                outbox.append(c, id, CloudTerminal.SALE, "/v1/sales", body, null);
              }
              try (PreparedStatement s =
                  c.prepareStatement(
                      "update outbox set state = 'ACKNOWLEDGED', response = '{}' where state ="
                          + " 'PENDING'")) {
                s.executeUpdate();
              }
              return null;
            });
      }
    }
  }

  static String oldReceipt(int i) {
    return String.format(Locale.ROOT, "K1-Y1-%07d", i);
  }

  /** The look-up as it was before V8, on a second connection, a few times. */
  private static long[] scanLookups(Path dir, Random random, int n) throws Exception {
    long[] out = new long[n];
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"))) {
      for (int i = 0; i < n; i++) {
        String number = oldReceipt(random.nextInt(JOURNAL));
        long s = System.nanoTime();
        try (PreparedStatement p =
            c.prepareStatement(
                "select * from outbox where kind = ? and json_extract(body, ?) = ? order by seq")) {
          p.setString(1, CloudTerminal.SALE);
          p.setString(2, "$.receiptNumber");
          p.setString(3, number);
          try (ResultSet r = p.executeQuery()) {
            if (!r.next()) {
              throw new IllegalStateException("not found: " + number);
            }
          }
        }
        out[i] = System.nanoTime() - s;
      }
    }
    return out;
  }

  private static Sale sale(CloudTerminal t, List<CatalogItem> items, Random random) {
    Sale sale = Sale.open(TimeOrderedIds.next(), t.salePolicy(), Instant.now());
    for (int i = 0; i < 5; i++) {
      CatalogItem item = items.get(random.nextInt(items.size()));
      sale.addItem(
          item, item.unit().isMeasured() ? new Quantity(200 + random.nextInt(1500)) : Quantity.of(1));
    }
    sale.startTendering();
    sale.addTender(Tender.cash(sale.cashDue()), Instant.now());
    return sale;
  }

  private static void compare(String what, long[][] times) {
    double[] mean = new double[2];
    for (int k = 0; k < 2; k++) {
      mean[k] = Arrays.stream(times[k]).average().orElse(0);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: empty journal mean %.3f ms, p50 %.3f ms, p99 %.3f ms; %,d entries mean %.3f ms,"
            + " p50 %.3f ms, p99 %.3f ms; ratio mean %.2f×, p50 %.2f×, p99 %.2f×%n",
        what,
        mean[0] / 1e6,
        percentile(times[0], 50) / 1e6,
        percentile(times[0], 99) / 1e6,
        JOURNAL,
        mean[1] / 1e6,
        percentile(times[1], 50) / 1e6,
        percentile(times[1], 99) / 1e6,
        mean[1] / mean[0],
        percentile(times[1], 50) / percentile(times[0], 50),
        percentile(times[1], 99) / percentile(times[0], 99));
  }

  private static double percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[
        Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }
}
