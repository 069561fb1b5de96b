package io.kasa.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sales in progress on this terminal: each employee's open cart and the parked sales. The register
 * writes a cart after every change, so a sign-out, a colleague's sign-in, the automatic lock or a
 * restart loses nothing; a recalled or completed sale leaves the journal.
 */
public final class CartJournal {

  /**
   * A cart as journalled.
   *
   * @param saleId the sale's id
   * @param employeeId who rang it up (or parked it)
   * @param employeeName their name, for the parked list
   * @param total what it comes to, in minor units
   * @param parkedAt when it was parked, or null for an employee's open cart
   * @param body the cart as the register wrote it
   */
  public record Entry(
      UUID saleId,
      UUID employeeId,
      String employeeName,
      long total,
      Instant parkedAt,
      String body) {}

  private final LocalStore store;
  private final Clock clock;

  public CartJournal(LocalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Keeps {@code employee}'s open cart, replacing the one kept before (another sale or not). */
  public void saveOpen(UUID saleId, UUID employee, String name, long total, String body) {
    store.inTransaction(
        c -> {
          deleteOpen(c, employee);
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into cart (sale_id, employee_id, employee_name, total, saved_at, body)"
                      + " values (?, ?, ?, ?, ?, ?) on conflict (sale_id) do update set"
                      + " employee_id = excluded.employee_id, employee_name ="
                      + " excluded.employee_name, total = excluded.total, saved_at ="
                      + " excluded.saved_at, parked_at = null, body = excluded.body")) {
            s.setString(1, saleId.toString());
            s.setString(2, employee.toString());
            s.setString(3, name);
            s.setLong(4, total);
            s.setString(5, clock.instant().toString());
            s.setString(6, body);
            s.executeUpdate();
          }
          return null;
        });
  }

  /** Forgets {@code employee}'s open cart (completed, or emptied). */
  public void discardOpen(UUID employee) {
    store.inTransaction(
        c -> {
          deleteOpen(c, employee);
          return null;
        });
  }

  /** The open cart {@code employee} left, if any. */
  public Optional<Entry> open(UUID employee) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select sale_id, employee_id, employee_name, total, parked_at, body from cart"
                      + " where employee_id = ? and parked_at is null")) {
            s.setString(1, employee.toString());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(entry(r)) : Optional.empty();
            }
          }
        });
  }

  /** Parks a sale: it leaves {@code employee}'s open cart and joins the parked list. */
  public void park(UUID saleId, UUID employee, String name, long total, String body) {
    store.inTransaction(
        c -> {
          saveOpen(saleId, employee, name, total, body);
          try (PreparedStatement s =
              c.prepareStatement("update cart set parked_at = ? where sale_id = ?")) {
            s.setString(1, clock.instant().toString());
            s.setString(2, saleId.toString());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** The parked sales, oldest first. */
  public List<Entry> parked() {
    return store.inTransaction(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "select sale_id, employee_id, employee_name, total, parked_at, body"
                          + " from cart where parked_at is not null order by parked_at, sale_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(entry(r));
            }
          }
          return out;
        });
  }

  /**
   * Takes a parked sale off the list for {@code employee}: it becomes their open cart, replacing
   * the one kept before. Empty when another register's employee recalled it first.
   */
  public Optional<Entry> recall(UUID saleId, UUID employee, String name) {
    return store.inTransaction(
        c -> {
          Entry found;
          try (PreparedStatement s =
              c.prepareStatement(
                  "select sale_id, employee_id, employee_name, total, parked_at, body from cart"
                      + " where sale_id = ? and parked_at is not null")) {
            s.setString(1, saleId.toString());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.<Entry>empty();
              }
              found = entry(r);
            }
          }
          saveOpen(saleId, employee, name, found.total(), found.body());
          return Optional.of(found);
        });
  }

  private static void deleteOpen(Connection c, UUID employee) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("delete from cart where employee_id = ? and parked_at is null")) {
      s.setString(1, employee.toString());
      s.executeUpdate();
    }
  }

  private static Entry entry(ResultSet r) throws SQLException {
    String parked = r.getString(5);
    return new Entry(
        UUID.fromString(r.getString(1)),
        UUID.fromString(r.getString(2)),
        r.getString(3),
        r.getLong(4),
        parked == null ? null : Instant.parse(parked),
        r.getString(6));
  }
}
