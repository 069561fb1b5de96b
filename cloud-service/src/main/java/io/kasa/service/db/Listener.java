package io.kasa.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executor;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that listens on PostgreSQL channels (LISTEN/NOTIFY) on a connection of its own, outside
 * the pool, and reconnects after a second whenever that connection fails, until closed. What the
 * notifications mean is its {@link Handler}'s business.
 */
public final class Listener implements AutoCloseable {

  /** What a listener's owner does with its connection's life and what it hears. */
  public interface Handler {
    /**
     * The connection listens now; anything notified while it did not was not heard. Called on the
     * listener's thread, like the others.
     */
    void listening(Connection c) throws SQLException;

    /** What one wait heard: none when it timed out. The connection may be used for a query. */
    void heard(Connection c, PGNotification[] notes) throws SQLException;

    /** The connection failed; a new one is tried a second later, unless the listener is closed. */
    void lost();
  }

  private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
  private static final long RECONNECT_MILLIS = 1_000;

  private final Database database;
  private final String name;
  private final List<String> channels;
  private final int waitMillis;
  private final Handler handler;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts listening.
   *
   * @param name the thread's name and the connection's {@code application_name}, so operators see
   *     it in {@code pg_stat_activity}
   * @param waitMillis the longest wait for a notification before {@link Handler#heard} is called
   *     with none
   */
  public Listener(
      Database database, String name, List<String> channels, int waitMillis, Handler handler) {
    this.database = database;
    this.name = name;
    this.channels = List.copyOf(channels);
    this.waitMillis = waitMillis;
    this.handler = handler;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Executor direct = Runnable::run;
    while (!closed) {
      try (Connection c = database.dedicatedConnection()) {
        // A connection that stops answering fails a read after this, and is replaced.
        c.setNetworkTimeout(direct, waitMillis + 10_000);
        c.setClientInfo("ApplicationName", name);
        try (Statement st = c.createStatement()) {
          for (String channel : channels) {
            st.execute("LISTEN " + channel);
          }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        handler.listening(c);
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(waitMillis);
          handler.heard(c, notes == null ? new PGNotification[0] : notes);
        }
      } catch (SQLException | RuntimeException e) {
        handler.lost();
        if (closed) {
          return;
        }
        // PostgreSQL shutting down or ending the backend (class 57, operator intervention) is an
        // operator's doing, at a stop or a restart; anything else is worth a warning.
        String state = e instanceof SQLException sql ? sql.getSQLState() : null;
        if (state != null && state.startsWith("57")) {
          LOG.info("{}: connection ended ({}), reconnecting", name, state);
        } else {
          LOG.warn("{}: lost its connection, reconnecting: {}", name, e.getMessage());
        }
        try {
          Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops listening: the thread ends after its current wait. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
