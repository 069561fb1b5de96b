package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.catalog.ItemDto;
import io.kasa.service.catalog.CatalogImport;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogApiTest {

  private static TestCloud cloud;
  private static Map<String, String> terminal;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = Map.of("Authorization", cloud.enrollDemoTerminal());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static JsonNode page(String since, int limit) {
    TestCloud.Reply r =
        cloud.send(
            "GET",
            "/v1/catalog/changes?limit=" + limit + (since == null ? "" : "&since=" + since),
            null,
            terminal);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aFirstLoadPagesThroughEverythingAndThenStopsMoving() {
    JsonNode first = page(null, 4);
    assertThat(first.get("more").asBoolean()).isTrue();
    String cursor = first.get("nextCursor").asText();
    int items = first.get("items").size();
    int taxes = first.get("taxClasses").size();
    JsonNode next;
    do {
      next = page(cursor, 4);
      items += next.get("items").size();
      taxes += next.get("taxClasses").size();
      cursor = next.get("nextCursor").asText();
    } while (next.get("more").asBoolean());
    assertThat(taxes).isGreaterThanOrEqualTo(3);
    assertThat(items).isGreaterThanOrEqualTo(8);
    JsonNode idle = page(cursor, 4);
    assertThat(idle.get("items")).isEmpty();
    assertThat(idle.get("nextCursor").asText()).isEqualTo(cursor);
  }

  @Test
  void anItemIsPutAsItIsNowBarcodesItDropsAreGone() {
    String cursor = drain(page(null, 1000).get("nextCursor").asText(), new HashMap<>());
    ItemDto tea =
        new ItemDto(
            "tea",
            "T-1",
            "Чай",
            List.of("4820000000501", "4820000000518"),
            "EACH",
            5000,
            "VAT20",
            null,
            false,
            false,
            true);
    cloud.services.admin().putItem(cloud.demo.organisationId(), tea);
    cloud
        .services
        .admin()
        .putItem(
            cloud.demo.organisationId(),
            new ItemDto(
                "tea",
                "T-1",
                "Чай",
                List.of("4820000000518"),
                "EACH",
                5000,
                "VAT20",
                null,
                false,
                false,
                true));
    JsonNode changes = page(cursor, 1000);
    JsonNode last = changes.get("items").get(changes.get("items").size() - 1);
    assertThat(last.get("id").asText()).isEqualTo("tea");
    assertThat(last.get("barcodes")).hasSize(1);
    assertThat(last.get("barcodes").get(0).asText()).isEqualTo("4820000000518");
  }

  @Test
  void pagesAreGzippedWhenAsked() throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(cloud.uri("/v1/catalog/changes?limit=1000"))
                    .header("Authorization", terminal.get("Authorization"))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
  }

  @Test
  void aReaderPollingDuringConcurrentWritesNeverMissesAChange() throws Exception {
    String cursor = drain(page(null, 1000).get("nextCursor").asText(), new HashMap<>());
    Map<String, Long> seen = new HashMap<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  cloud
                      .services
                      .admin()
                      .putItem(
                          cloud.demo.organisationId(),
                          item("w" + writer + "-" + (i % 25), 100 + i));
                }
              }));
    }
    Thread reader =
        new Thread(
            () -> {
              String c = cursor;
              while (writing.get()) {
                c = drain(c, seen);
              }
              drain(c, seen);
            });
    reader.start();
    for (Future<?> f : done) {
      f.get();
    }
    writing.set(false);
    reader.join();
    writers.shutdown();
    // Every item's last write (price 100 + 99 - (99 % 25)... is its final price in the database.
    for (int w = 0; w < 4; w++) {
      for (int k = 0; k < 25; k++) {
        String id = "w" + w + "-" + k;
        long price =
            cloud
                .database
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("select price from item where id = :id")
                            .bind("id", id)
                            .mapTo(Long.class)
                            .one());
        assertThat(seen.get(id)).as(id).isEqualTo(price);
      }
    }
  }

  @Test
  void importIsAllOrNothingAndNamesBadLines() throws Exception {
    String csv =
        String.join(
            "\n",
            "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active",
            "tea,SKU-TEA,\"Чай \"\"Ahmad\"\", 100 г\",4820000000017,EACH,59.90,VAT20,Напої,,,",
            "kefir,SKU-KEF,Кефір,,PIECE,31.00,VAT20,,,,",
            "salt,SKU-SALT,Сіль,,EACH,12.345,VAT20,,,,",
            "oil,SKU-OIL,Олія,,EACH,55.00,VAT99,,,,");
    long before = cloud.count("item");
    CatalogImport.Result bad =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(cloud.demo.organisationId(), new StringReader(csv));
    assertThat(bad.imported()).isZero();
    assertThat(bad.errors())
        .containsExactly(
            "line 3: unit 'PIECE' is not EACH, KILOGRAM or LITRE",
            "line 4: price '12.345' is not an amount in UAH",
            "line 5: tax class 'VAT99' does not exist");
    assertThat(cloud.count("item")).isEqualTo(before);

    String good = csv.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow();
    CatalogImport.Result ok =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(cloud.demo.organisationId(), new StringReader(good));
    assertThat(ok.imported()).isEqualTo(1);
    String name =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select name from item where id = 'tea'")
                        .mapTo(String.class)
                        .one());
    assertThat(name).isEqualTo("Чай \"Ahmad\", 100 г");
  }

  @Test
  void aHundredThousandRowImportStreams() throws Exception {
    StringBuilder csv =
        new StringBuilder(
            String.join(
                ",",
                List.of(
                    "id",
                    "sku",
                    "name",
                    "barcodes",
                    "unit",
                    "price",
                    "tax_class",
                    "category",
                    "open_price",
                    "age_restricted",
                    "active")));
    for (int i = 0; i < 100_000; i++) {
      csv.append("\nbulk")
          .append(i)
          .append(",S")
          .append(i)
          .append(",Товар ")
          .append(i)
          .append(",")
          .append(2_000_000_000_000L + i)
          .append(",EACH,")
          .append(i % 1000)
          .append(".50,VAT20,Bulk,false,false,true");
    }
    CatalogImport.Result result =
        new CatalogImport(cloud.database.jdbi())
            .importCsv(cloud.demo.organisationId(), new StringReader(csv.toString()));
    assertThat(result.errors()).isEmpty();
    assertThat(result.imported()).isEqualTo(100_000);
    long bulk =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from item where category = 'Bulk'")
                        .mapTo(Long.class)
                        .one());
    assertThat(bulk).isEqualTo(100_000);
  }

  private static String drain(String cursor, Map<String, Long> seen) {
    String c = cursor;
    JsonNode p;
    do {
      p = page(c, 50);
      for (JsonNode item : p.get("items")) {
        seen.put(item.get("id").asText(), item.get("price").asLong());
      }
      c = p.get("nextCursor").asText();
    } while (p.get("more").asBoolean());
    return c;
  }

  private static ItemDto item(String id, long price) {
    return new ItemDto(
        id,
        "SKU-" + id,
        "Item " + id,
        List.of(),
        "EACH",
        price,
        "VAT20",
        "Test",
        false,
        false,
        true);
  }
}
