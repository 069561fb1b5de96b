package io.kasa.terminal.bench;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.domain.barcode.CheckDigit;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.service.TestCloud;
import io.kasa.service.catalog.CatalogImport;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;

/**
 * A terminal enrolled with a 200k-item catalogue: the real service on embedded PostgreSQL imports
 * the items, the terminal enrolls and loads them, then the service stops — the benchmarks run the
 * register offline on that data, as a register does after a power cut.
 */
final class BenchCatalog {

  static final String[] WORDS = {
    "хліб", "молоко", "сир", "яблука", "вода", "кава", "чай", "масло", "борошно", "цукор",
    "bread", "milk", "cheese", "apples", "water", "coffee", "tea", "butter", "flour", "sugar",
    "свіжий", "домашній", "organic", "fresh", "classic", "білий", "чорний", "зелений", "big", "mini"
  };

  private BenchCatalog() {}

  /** A valid EAN-13 from the in-store prefix 20 and the item's number. */
  static String barcode(int i) {
    String body = String.format(Locale.ROOT, "20%010d", i);
    return body + CheckDigit.compute(body);
  }

  /** Enrolls a terminal in {@code dir} with {@code items} generated items; returns its cashier. */
  static java.util.UUID prepare(Path dir, int items) throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      StringBuilder csv =
          new StringBuilder(
              "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n");
      for (int i = 0; i < items; i++) {
        Random r = new Random(i);
        long price = 100 + (i * 37L) % 100_000;
        csv.append("b").append(i).append(",B").append(i).append(',')
            .append(WORDS[r.nextInt(WORDS.length)]).append(' ')
            .append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(i)
            .append(',').append(barcode(i)).append(",EACH,")
            .append(price / 100).append('.').append(String.format(Locale.ROOT, "%02d", price % 100))
            .append(',').append(i % 3 == 0 ? "VAT7" : "VAT20")
            .append(",cat").append(i % 40).append(",false,false,true\n");
      }
      CatalogImport.Result result =
          new CatalogImport(cloud.database.jdbi())
              .importCsv(cloud.demo.organisationId(), new StringReader(csv.toString()));
      if (!result.errors().isEmpty()) {
        throw new IllegalStateException(result.errors().get(0));
      }
      try (CloudTerminal t =
          CloudTerminal.open(dir, Clock.systemUTC(), CloudClientConfig::defaults)) {
        t.enroll(
            URI.create("http://127.0.0.1:" + cloud.app.port()),
            cloud.demo.terminal().enrollmentCode(),
            "bench");
        t.signIn(cloud.demo.cashierId(), "1111");
      }
      return cloud.demo.cashierId();
    }
  }
}
