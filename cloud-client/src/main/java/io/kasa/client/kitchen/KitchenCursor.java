package io.kasa.client.kitchen;

import io.kasa.client.store.LocalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalLong;

/**
 * What this terminal printed for each station (client V13): the last event printed, and the event
 * being printed now — committed before its bytes go out, so after a crash the terminal knows that
 * ticket may have reached the paper and prints it again marked as a repeat.
 */
public final class KitchenCursor {

  private final LocalStore store;

  public KitchenCursor(LocalStore store) {
    this.store = store;
  }

  /** The last event printed for {@code station}, or empty when it never printed. */
  public OptionalLong last(String station) {
    return read("select last_event from kitchen_cursor where station = ?", station);
  }

  /** The event being printed for {@code station} when the terminal stopped, if any. */
  public OptionalLong printing(String station) {
    return read(
        "select printing_event from kitchen_cursor where station = ? and printing_event is not null",
        station);
  }

  /** Starts {@code station} at {@code event} when it has no cursor, or moves it forward to it. */
  public void atLeast(String station, long event) {
    write(
        "insert into kitchen_cursor (station, last_event) values (?, ?) on conflict (station)"
            + " do update set last_event = max(last_event, excluded.last_event)",
        station,
        event);
  }

  /** Marks {@code event} as being printed for {@code station}; committed before printing. */
  public void printingNow(String station, long event) {
    write("update kitchen_cursor set printing_event = ? where station = ?", event, station);
  }

  /** The event being printed for {@code station} did not go out. */
  public void notPrinting(String station) {
    write("update kitchen_cursor set printing_event = null where station = ?", station, null);
  }

  /** {@code event} reached the printer for {@code station}. */
  public void printed(String station, long event) {
    write(
        "update kitchen_cursor set last_event = ?, printing_event = null where station = ?",
        event,
        station);
  }

  private OptionalLong read(String sql, String station) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, station);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
          }
        });
  }

  private void write(String sql, Object a, Object b) {
    store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, a);
            if (b != null) {
              s.setObject(2, b);
            }
            s.executeUpdate();
          }
          return null;
        });
  }
}
