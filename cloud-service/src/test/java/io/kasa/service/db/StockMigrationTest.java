package io.kasa.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kasa.service.db.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V27 gives the organisation's stock ledger its stores: a sale's moves go to the sale's store, a
 * refund's to the store it was made in, and the organisation's counted stock to its first store.
 */
class StockMigrationTest {

  @TempDir Path dir;

  @Test
  void existingMovesFindTheirStoresAndCountedStockGoesToTheFirstStore() {
    try (EmbeddedPostgres pg = EmbeddedPostgres.open(dir, EmbeddedPostgres.Use.SERVE)) {
      org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
      source.setUrl(pg.jdbcUrl());
      source.setUser(pg.user());
      source.setPassword(pg.password());
      // The last migration before V27, whatever other branches numbered theirs.
      MigrationVersion v27 = MigrationVersion.fromVersion("27");
      MigrationVersion before =
          java.util.Arrays.stream(
                  Flyway.configure()
                      .dataSource(source)
                      .locations("classpath:db/migration")
                      .load()
                      .info()
                      .all())
              .map(MigrationInfo::getVersion)
              .filter(v -> v.compareTo(v27) < 0)
              .max(java.util.Comparator.naturalOrder())
              .orElseThrow();
      Flyway.configure()
          .dataSource(source)
          .locations("classpath:db/migration")
          .target(before)
          .load()
          .migrate();
      Jdbi jdbi = Jdbi.create(source);
      UUID org = UUID.randomUUID();
      UUID first = UUID.randomUUID();
      UUID second = UUID.randomUUID();
      UUID tillOfSecond = UUID.randomUUID();
      UUID sale = UUID.randomUUID();
      UUID refund = UUID.randomUUID();
      UUID employee = UUID.randomUUID();
      jdbi.useHandle(
          h -> {
            h.execute("insert into organisation (id, name) values (?, 'o')", org);
            for (Object[] s :
                List.of(new Object[] {first, "A", 1}, new Object[] {second, "B", 2})) {
              h.execute(
                  "insert into store (organisation_id, id, code, name, currency, tax_mode,"
                      + " tax_rounding, cash_increment, created_at) values (?, ?, ?, 's', 'UAH',"
                      + " 'INCLUSIVE', 'PER_LINE', 1, now() - make_interval(days => 10 - ?))",
                  org,
                  s[0],
                  s[1],
                  s[2]);
            }
            h.execute(
                "insert into terminal (organisation_id, id, store_id, code, name) values (?, ?, ?,"
                    + " 'T1', 't')",
                org,
                tillOfSecond,
                second);
            h.execute(
                "insert into employee (organisation_id, id, name, role, pin_hash) values (?, ?,"
                    + " 'e', 'MANAGER', 'x')",
                org,
                employee);
            h.execute(
                "insert into tax_class (organisation_id, code, label, rate) values (?, 'V', 'V', 0)",
                org);
            h.execute(
                "insert into item (organisation_id, id, sku, name, unit, price, tax_class, stock)"
                    + " values (?, 'tea', 'T', 'Tea', 'EACH', 1, 'V', 7.5)",
                org);
            h.execute(
                "insert into sale (organisation_id, id, store_id, terminal_id, employee_id,"
                    + " receipt_number, currency, state, offline, opened_at, paid_at, subtotal,"
                    + " discounts, tax, total, cash_rounding, change_given, request_hash, response)"
                    + " values (?, ?, ?, ?, ?, 'B-T1-1', 'UAH', 'PAID', false, now(), now(), 1, 0,"
                    + " 0, 1, 0, 0, '\\x00', '{}')",
                org,
                sale,
                second,
                tillOfSecond,
                employee);
            h.execute(
                "insert into refund (organisation_id, id, sale_id, terminal_id, employee_id,"
                    + " receipt_number, reason, total, tax, cash_rounding, request_hash, request,"
                    + " response) values (?, ?, ?, ?, ?, 'B-T1-2', 'r', 1, 0, 0, '\\x00', '{}', '{}')",
                org,
                refund,
                sale,
                tillOfSecond,
                employee);
            h.execute(
                "insert into stock_movement (organisation_id, item_id, delta, sale_id) values"
                    + " (?, 'tea', -2, ?), (?, 'tea', 2, ?)",
                org,
                sale,
                org,
                sale);
            h.execute(
                "insert into stock_movement (organisation_id, item_id, delta, refund_id) values"
                    + " (?, 'tea', 1, ?)",
                org,
                refund);
          });

      Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();

      List<Map<String, Object>> moves =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select store_id, reason, delta from stock_movement where organisation_id"
                              + " = :org order by id")
                      .bind("org", org)
                      .mapToMap()
                      .list());
      assertThat(moves)
          .extracting(m -> m.get("store_id"), m -> m.get("reason"))
          .containsExactly(
              tuple(second, "SALE"),
              tuple(second, "VOID"),
              tuple(second, "REFUND"),
              tuple(first, "CORRECTION"));
      Map<UUID, BigDecimal> stock =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select store_id, stock from item_stock where organisation_id = :org")
                      .bind("org", org)
                      .reduceRows(
                          new java.util.HashMap<UUID, BigDecimal>(),
                          (m, row) -> {
                            m.put(
                                row.getColumn("store_id", UUID.class),
                                row.getColumn("stock", BigDecimal.class));
                            return m;
                          }));
      assertThat(stock.get(first)).isEqualByComparingTo("7.5");
      assertThat(stock.get(second)).isEqualByComparingTo("1");
    }
  }
}
