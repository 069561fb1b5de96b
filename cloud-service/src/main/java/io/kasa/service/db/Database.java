package io.kasa.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL: a connection pool, migrations at start-up, and jdbi on top. {@link
 * #embedded} runs a real PostgreSQL from Maven Central's binaries with its data in a directory, for
 * the demo and the tests; {@link #connect} uses any PostgreSQL by JDBC URL.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final EmbeddedPostgres embedded;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool, EmbeddedPostgres embedded) {
    this.pool = pool;
    this.embedded = embedded;
    Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    this.jdbi = Jdbi.create(pool);
  }

  /** Starts (or reopens) an embedded PostgreSQL whose data lives in {@code dataDir}. */
  public static Database embedded(Path dataDir, int poolSize) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir.resolve("pg"))
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "200")
              .start();
      LOG.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dataDir);
      return new Database(
          pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", poolSize), pg);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /**
   * Twice the cores, at least 4: a few busy connections beat many waiting ones. On two cores the
   * load benchmark records 1,584 sales/s with p99 55 ms on 4 connections, and 1,196 sales/s with
   * p99 77 ms on 16 (docs/benchmarks.md).
   */
  public static int defaultPoolSize() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** Connects to a PostgreSQL server. */
  public static Database connect(String jdbcUrl, String user, String password, int poolSize) {
    return new Database(pool(jdbcUrl, user, password, poolSize), null);
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setPoolName("kasa");
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** The most connections the pool opens. */
  public int poolSize() {
    return pool.getMaximumPoolSize();
  }

  /**
   * A connection of its own, outside the pool, for a listener that holds it open (LISTEN/NOTIFY).
   */
  public Connection dedicatedConnection() throws SQLException {
    return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
  }

  /**
   * Publishes the connection pool's metrics (active, idle, pending, timeouts) to {@code registry}.
   */
  public void instrument(MeterRegistry registry) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  /** Whether the database answers a trivial query. */
  public boolean healthy() {
    try {
      return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
    }
  }
}
