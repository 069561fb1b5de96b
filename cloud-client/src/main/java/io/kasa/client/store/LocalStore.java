package io.kasa.client.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The terminal's SQLite database, one file under the terminal's data directory. One connection,
 * used under a lock: SQLite allows one writer, and the terminal's writes (a sale, its outbox entry)
 * are short. Opening it applies the schema migrations not yet applied, in order, each in its own
 * transaction.
 */
public final class LocalStore implements AutoCloseable {

  /** The migrations, in order; each is a resource next to this class. */
  static final List<String> MIGRATIONS =
      List.of(
          "V1__outbox.sql",
          "V2__catalog.sql",
          "V3__receipt_sequence.sql",
          "V4__terminal.sql",
          "V5__catalog_search_prefix.sql",
          "V6__carts.sql",
          "V7__open_price_limits.sql",
          "V8__outbox_bookkeeping.sql",
          "V9__outbox_archive.sql",
          "V10__receipt_token.sql",
          "V11__modifiers.sql",
          "V12__quick_keys.sql",
          "V13__kitchen_cursor.sql");

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private LocalStore(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating when absent) {@code dir/kasa.db} and brings its schema up to date. */
  public static LocalStore open(Path dir) {
    try {
      Files.createDirectories(dir);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kasa.db"));
      try (Statement s = c.createStatement()) {
        s.execute("pragma journal_mode = wal");
        s.execute("pragma synchronous = full");
        s.execute("pragma foreign_keys = on");
        s.execute("pragma busy_timeout = 5000");
        // A journal of hundreds of thousands of entries must not slow a commit (ADR 0037): 16 MB of
        // page cache holds the indexes' upper levels and the pages a sale touches; the WAL is
        // checkpointed every 1,000 pages (SQLite's default, said here so it is chosen) and cut
        // back to 32 MB after a checkpoint, so one large transaction (a migration's back-fill)
        // does not leave a WAL file of its size behind.
        s.execute("pragma cache_size = -16000");
        s.execute("pragma wal_autocheckpoint = 1000");
        s.execute("pragma journal_size_limit = 33554432");
      }
      LocalStore store = new LocalStore(c);
      store.migrate();
      return store;
    } catch (SQLException e) {
      throw new StoreException("Cannot open the local database in " + dir, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Work on the connection under the store's lock, in one transaction. Called inside another {@code
   * inTransaction} on the same thread, it joins the outer transaction.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.run(connection);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("Local database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The schema version: how many migrations have been applied. */
  public int schemaVersion() {
    return inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r =
                  s.executeQuery("select coalesce(max(version), 0) from schema_version")) {
            return r.next() ? r.getInt(1) : 0;
          }
        });
  }

  private void migrate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "create table if not exists schema_version (version integer primary key, name text not null,"
              + " applied_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
    }
    int current = schemaVersion();
    for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
      String name = MIGRATIONS.get(v - 1);
      String sql = resource(name);
      int version = v;
      inTransaction(
          c -> {
            try (Statement s = c.createStatement()) {
              for (String statement : statements(sql)) {
                s.execute(statement);
              }
              s.execute(
                  "insert into schema_version (version, name) values ("
                      + version
                      + ", '"
                      + name.replace("'", "''")
                      + "')");
            }
            return null;
          });
    }
  }

  /**
   * Splits a migration into statements at semicolons that end a line, keeping trigger bodies
   * ({@code begin … end;}) whole.
   */
  static List<String> statements(String sql) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inTrigger = false;
    for (String line : sql.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("create trigger")) {
        inTrigger = true;
      }
      if (inTrigger ? lower.equals("end;") : trimmed.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
        inTrigger = false;
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = LocalStore.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Cannot close the local database", e);
    } finally {
      lock.unlock();
    }
  }

  /** Work on a connection; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
