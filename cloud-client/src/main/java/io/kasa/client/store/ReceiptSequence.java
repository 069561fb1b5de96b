package io.kasa.client.store;

import io.kasa.domain.receipt.ReceiptNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Receipt numbers {@code STORE-TERMINAL-SEQUENCE}, one after another with no gap and no reuse: the
 * next number is taken in the transaction that journals the sale, so a sale rolled back gives its
 * number back and a sale committed keeps it, whatever happens to the terminal afterwards.
 */
public final class ReceiptSequence {

  private ReceiptSequence() {}

  /** The next number, in the caller's transaction. */
  public static ReceiptNumber next(Connection c, String store, String terminal)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into receipt_sequence (store, terminal, last) values (?, ?, 1)"
                + " on conflict (store, terminal) do update set last = last + 1 returning last")) {
      s.setString(1, store);
      s.setString(2, terminal);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new ReceiptNumber(store, terminal, r.getLong(1));
      }
    }
  }

  /**
   * Continues after {@code last} if the sequence is behind it: a replacement terminal restoring its
   * predecessor's last number from the service must not print a number twice.
   */
  public static void atLeast(Connection c, String store, String terminal, long last)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into receipt_sequence (store, terminal, last) values (?, ?, ?)"
                + " on conflict (store, terminal) do update set last = max(last, excluded.last)")) {
      s.setString(1, store);
      s.setString(2, terminal);
      s.setLong(3, last);
      s.executeUpdate();
    }
  }
}
