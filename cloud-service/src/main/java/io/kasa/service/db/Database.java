package io.kasa.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.kasa.service.db.embedded.EmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's PostgreSQL: a connection pool, migrations at start-up, and jdbi on top. {@link
 * #embedded} runs a real PostgreSQL from Maven Central's binaries with its data in a directory
 * (durable, password-protected, loopback only: ADR 0017); {@link #connect} uses any PostgreSQL by
 * JDBC URL.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final EmbeddedPostgres embedded;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool, EmbeddedPostgres embedded) {
    this.pool = pool;
    this.embedded = embedded;
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.jdbi = Jdbi.create(pool);
  }

  /**
   * Starts (or reopens) the embedded PostgreSQL whose data lives in {@code dataDir}, for a service:
   * this process owns it until {@link #close}. Refuses a folder another service has.
   */
  public static Database embedded(Path dataDir, int poolSize) {
    return embedded(dataDir, poolSize, EmbeddedPostgres.Use.SERVE);
  }

  /**
   * Opens the embedded PostgreSQL of {@code dataDir} for {@code use}; an {@link
   * EmbeddedPostgres.Use#ADMIN admin command} works on a running service's server and leaves it
   * running.
   */
  public static Database embedded(Path dataDir, int poolSize, EmbeddedPostgres.Use use) {
    EmbeddedPostgres pg = EmbeddedPostgres.open(dataDir, use);
    HikariDataSource pool;
    try {
      pool = pool(pg.jdbcUrl(), pg.user(), pg.password(), poolSize);
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
    return new Database(pool, pg);
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
      embedded.close();
    }
  }
}
