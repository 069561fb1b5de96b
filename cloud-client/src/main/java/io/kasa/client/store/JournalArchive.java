package io.kasa.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * Moves acknowledged outbox entries older than a cut-off into {@code outbox_archive} (V9, ADR
 * 0037), a batch at a time. A batch is one transaction under the store's lock: the entries are
 * copied into the archive and then deleted from the outbox, which the database allows only for an
 * entry already in the archive unchanged; a batch that fails half-way rolls back whole, so nothing
 * is lost or doubled. Unsent and rejected entries never move; the tally is untouched.
 */
public final class JournalArchive {

  /**
   * The next rows of the outbox after a seq, in order, with whether each may move: the window a
   * batch looks at, read through the primary key.
   */
  static final String WINDOW =
      "select seq, state = 'ACKNOWLEDGED' and julianday(created_at) < julianday(?1)"
          + " and julianday(updated_at) < julianday(?1) as movable,"
          + " julianday(created_at) < julianday(?1) as old"
          + " from outbox where seq > ?2 order by seq limit ?3";

  private static final String MOVABLE =
      " from outbox where seq > ?2 and seq <= ?3 and state = 'ACKNOWLEDGED'"
          + " and julianday(created_at) < julianday(?1) and julianday(updated_at) < julianday(?1)";

  /** Copies a window's movable entries into the archive, as they are. */
  static final String COPY =
      "insert into outbox_archive ("
          + Outbox.COLUMNS
          + ", archived_at) select "
          + Outbox.COLUMNS
          + ", ?4"
          + MOVABLE;

  /** Deletes the same entries from the outbox: allowed by the database once they are archived. */
  static final String REMOVE = "delete" + MOVABLE;

  /**
   * What a batch did.
   *
   * @param moved entries moved into the archive
   * @param lastSeq the last outbox seq looked at: the next batch starts after it
   * @param more whether entries after it may be old enough to move
   */
  public record Batch(int moved, long lastSeq, boolean more) {}

  /** Something done between a batch's copy and its delete; for tests of a batch cut short. */
  @FunctionalInterface
  interface Midway {
    void run(Connection c) throws SQLException;
  }

  private final LocalStore store;
  private final Clock clock;

  public JournalArchive(LocalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Moves the acknowledged entries among the next {@code limit} outbox entries after seq {@code
   * after} that were appended and acknowledged before {@code cutoff}, in one transaction.
   */
  public Batch move(Instant cutoff, long after, int limit) {
    return move(cutoff, after, limit, c -> {});
  }

  Batch move(Instant cutoff, long after, int limit, Midway midway) {
    if (limit < 1) {
      throw new IllegalArgumentException("A batch moves at least one entry: " + limit);
    }
    String cut = cutoff.toString();
    return store.inTransaction(
        c -> {
          long last = after;
          int rows = 0;
          int movable = 0;
          boolean recent = false;
          try (PreparedStatement s = c.prepareStatement(WINDOW)) {
            s.setString(1, cut);
            s.setLong(2, after);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                rows++;
                last = r.getLong(1);
                movable += r.getInt(2);
                recent |= r.getInt(3) == 0;
              }
            }
          }
          // Entries come in time order: once one is recent, so are those after it (a clock set
          // back may leave an older one behind it, which moves in a later pass).
          boolean more = rows == limit && !recent;
          if (movable == 0) {
            return new Batch(0, last, more);
          }
          int copied = run(c, COPY, cut, after, last, true);
          midway.run(c);
          int removed = run(c, REMOVE, cut, after, last, false);
          if (copied != removed || copied != movable) {
            throw new SQLException(
                "Archive batch after "
                    + after
                    + ": "
                    + movable
                    + " to move, "
                    + copied
                    + " copied, "
                    + removed
                    + " removed");
          }
          return new Batch(copied, last, more);
        });
  }

  private int run(Connection c, String sql, String cut, long after, long last, boolean stamped)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, cut);
      s.setLong(2, after);
      s.setLong(3, last);
      if (stamped) {
        s.setString(4, clock.instant().toString());
      }
      return s.executeUpdate();
    }
  }
}
