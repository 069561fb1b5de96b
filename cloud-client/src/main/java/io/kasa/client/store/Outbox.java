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
 * What the terminal owes the service, in order. Appending happens in the caller's local transaction
 * (with the sale it records), so a sale the cashier saw completed is always in the outbox; the sync
 * engine is the only one to move entries on.
 */
public final class Outbox {

  /** An entry's state; it only moves forward (enforced by the database too). */
  public enum State {
    PENDING,
    SENDING,
    ACKNOWLEDGED,
    REJECTED
  }

  /**
   * One entry.
   *
   * @param seq its place in line
   * @param id the Idempotency-Key
   * @param kind what it records (SALE, REFUND, …)
   * @param path where it is POSTed
   * @param body the JSON request
   * @param employeeId who recorded it, vouched for when it is delivered, or null
   * @param state where it stands
   * @param attempts sends tried
   * @param lastError the last failure or the rejection's reason, or null
   * @param createdAt when it was appended
   */
  public record Entry(
      long seq,
      UUID id,
      String kind,
      String path,
      String body,
      UUID employeeId,
      State state,
      int attempts,
      String lastError,
      Instant createdAt) {}

  /**
   * The outbox at a glance, for the status bar and for closing a shift.
   *
   * @param unsent entries not yet acknowledged or rejected
   * @param oldestUnsent when the oldest of them was appended, or null
   * @param rejected entries the service refused, kept for a person to look at
   */
  public record Stats(long unsent, Instant oldestUnsent, long rejected) {}

  // The queries the register makes of the outbox while it sells. Each is answered from an index or
  // from the tally (V8, ADR 0037); OutboxQueryPlanTest checks that none reads the whole journal.
  static final String NEXT_IN_LINE =
      "select * from outbox where state in ('PENDING', 'SENDING') order by seq limit 1";
  static final String STATS =
      "select (select coalesce(sum(unsent), 0) from outbox_tally),"
          + " (select min(created_at) from outbox where state in ('PENDING', 'SENDING')),"
          + " (select coalesce(sum(rejected), 0) from outbox_tally)";
  static final String LAST_ACKNOWLEDGED =
      "select last_acknowledged_at from outbox_tally where last_acknowledged_at is not null"
          + " order by julianday(last_acknowledged_at) desc limit 1";
  static final String REJECTED = "select * from outbox where state = 'REJECTED' order by seq";
  // Look-ups of history read the outbox and its archive (V9) together, each through its own index.
  static final String COLUMNS =
      "seq, id, kind, path, body, state, attempts, last_error, response, created_at, updated_at,"
          + " employee_id, receipt_number, sale_id, receipt_token";
  static final String BY_RECEIPT =
      "select "
          + COLUMNS
          + " from outbox where kind = ?1 and receipt_number = ?2 union all select "
          + COLUMNS
          + " from outbox_archive where kind = ?1 and receipt_number = ?2 order by seq";
  static final String BY_SALE =
      "select "
          + COLUMNS
          + " from outbox where kind = ?1 and sale_id = ?2 union all select "
          + COLUMNS
          + " from outbox_archive where kind = ?1 and sale_id = ?2 order by seq";
  static final String BY_RECEIPT_TOKEN =
      "select "
          + COLUMNS
          + " from outbox where kind = ?1 and receipt_token = ?2 union all select "
          + COLUMNS
          + " from outbox_archive where kind = ?1 and receipt_token = ?2 order by seq";
  static final String COUNT = "select entries from outbox_tally where kind = ?";
  static final String COUNT_ACKNOWLEDGED = "select acknowledged from outbox_tally where kind = ?";
  static final String BY_ID =
      "select "
          + COLUMNS
          + " from outbox where id = ?1 union all select "
          + COLUMNS
          + " from outbox_archive where id = ?1";
  static final String RESPONSE =
      "select response from outbox where id = ?1 and state = 'ACKNOWLEDGED'"
          + " union all select response from outbox_archive where id = ?1";

  private final LocalStore store;
  private final Clock clock;
  private volatile long lastAppendNanos = System.nanoTime();

  public Outbox(LocalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Appends in the caller's transaction; a second append of the same id is refused. {@code
   * employee} is who recorded it (null for the terminal itself).
   */
  public void append(Connection c, UUID id, String kind, String path, String body, UUID employee)
      throws SQLException {
    String now = clock.instant().toString();
    // The look-up keys come from the body as the migrations that added them took them (V8, and
    // V10 for the token): the receipt number it carries, the sale it is about (a sale's own id,
    // else its saleId), and a sale's receipt token.
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into outbox (id, kind, path, body, employee_id, created_at, updated_at,"
                + " receipt_number, sale_id, receipt_token) values (?1, ?2, ?3, ?4, ?5, ?6, ?6,"
                + " case when json_valid(?4) then json_extract(?4, '$.receiptNumber') end,"
                + " case when json_valid(?4) then coalesce(json_extract(?4, '$.saleId'),"
                + " case when ?2 = 'SALE' then ?1 end) end,"
                + " case when ?2 = 'SALE' and json_valid(?4)"
                + " then json_extract(?4, '$.receiptToken') end)")) {
      s.setString(1, id.toString());
      s.setString(2, kind);
      s.setString(3, path);
      s.setString(4, body);
      s.setString(5, employee == null ? null : employee.toString());
      s.setString(6, now);
      s.executeUpdate();
    }
    lastAppendNanos = System.nanoTime();
  }

  /**
   * How long ago (by the machine's monotonic clock) an entry was last appended, or this outbox
   * opened: the archive moves entries only while the till has been quiet for a while.
   */
  public java.time.Duration sinceLastAppend() {
    return java.time.Duration.ofNanos(System.nanoTime() - lastAppendNanos);
  }

  /** Appends in a transaction of its own. */
  public void append(UUID id, String kind, String path, String body, UUID employee) {
    store.inTransaction(
        c -> {
          append(c, id, kind, path, body, employee);
          return null;
        });
  }

  /** The first entry not yet acknowledged or rejected. */
  public Optional<Entry> next() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(NEXT_IN_LINE);
              ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(entry(r)) : Optional.empty();
          }
        });
  }

  /** The entry with this id, in the outbox or its archive. */
  public Optional<Entry> find(UUID id) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(entry(r)) : Optional.empty();
            }
          }
        });
  }

  /** About to send: SENDING, one more attempt. */
  public void sending(long seq) {
    update(
        seq,
        "update outbox set state = 'SENDING', attempts = attempts + 1, updated_at = ? where seq = ?");
  }

  /** The send failed without an answer; it stays SENDING and is sent again later. */
  public void failed(long seq, String error) {
    update(seq, "update outbox set last_error = ?, updated_at = ? where seq = ?", error);
  }

  public void acknowledged(long seq, String response) {
    update(
        seq,
        "update outbox set state = 'ACKNOWLEDGED', response = ?, last_error = null, updated_at = ?"
            + " where seq = ?",
        response);
  }

  /** The service refused it for good: kept with the reason, for a person to look at. */
  public void rejected(long seq, String reason) {
    update(
        seq,
        "update outbox set state = 'REJECTED', last_error = ?, updated_at = ? where seq = ?",
        reason);
  }

  public List<Entry> rejectedEntries() {
    return store.inTransaction(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(REJECTED);
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(entry(r));
            }
          }
          return out;
        });
  }

  /** When the service last acknowledged an entry, or null: contact that survives a restart. */
  public Instant lastAcknowledgedAt() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(LAST_ACKNOWLEDGED);
              ResultSet r = s.executeQuery()) {
            String at = r.next() ? r.getString(1) : null;
            return at == null ? null : Instant.parse(at);
          }
        });
  }

  /** The service's answer to an acknowledged entry (archived or not), if it has one. */
  public Optional<String> response(UUID id) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(RESPONSE)) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The entries of {@code kind} that carry receipt number {@code receiptNumber} (a sale's, a
   * refund's), in order, archived or not: found through an index, however long the journal.
   */
  public List<Entry> withReceiptNumber(String kind, String receiptNumber) {
    return entries(BY_RECEIPT, kind, receiptNumber);
  }

  /**
   * The entries of {@code kind} about sale {@code saleId} (the sale itself, its refunds, the check
   * it settled), in order, archived or not: found through an index, however long the journal.
   */
  public List<Entry> aboutSale(String kind, UUID saleId) {
    return entries(BY_SALE, kind, saleId.toString());
  }

  /**
   * The entries of {@code kind} that carry receipt token {@code token} (a sale's, ADR 0041), in
   * order: found through an index, however long the journal.
   */
  public List<Entry> withReceiptToken(String kind, String token) {
    return entries(BY_RECEIPT_TOKEN, kind, token);
  }

  private List<Entry> entries(String sql, String kind, String key) {
    return store.inTransaction(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, kind);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(entry(r));
              }
            }
          }
          return out;
        });
  }

  /** Entries of {@code kind}, whatever their state. */
  public long count(String kind) {
    return tally(COUNT, kind);
  }

  /** Entries of {@code kind} the service acknowledged. */
  public long countAcknowledged(String kind) {
    return tally(COUNT_ACKNOWLEDGED, kind);
  }

  private long tally(String sql, String kind) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? r.getLong(1) : 0;
            }
          }
        });
  }

  /** The counts from the tally, the oldest unsent entry from its index: no history is read. */
  public Stats stats() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(STATS);
              ResultSet r = s.executeQuery()) {
            r.next();
            String oldest = r.getString(2);
            return new Stats(
                r.getLong(1), oldest == null ? null : Instant.parse(oldest), r.getLong(3));
          }
        });
  }

  /** Runs {@code sql} with {@code texts}, then the time, then the seq, as its parameters. */
  private void update(long seq, String sql, String... texts) {
    store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String text : texts) {
              s.setString(i++, text);
            }
            s.setString(i++, clock.instant().toString());
            s.setLong(i, seq);
            if (s.executeUpdate() != 1) {
              throw new SQLException("No outbox entry " + seq);
            }
          }
          return null;
        });
  }

  private static Entry entry(ResultSet r) throws SQLException {
    return new Entry(
        r.getLong("seq"),
        UUID.fromString(r.getString("id")),
        r.getString("kind"),
        r.getString("path"),
        r.getString("body"),
        r.getString("employee_id") == null ? null : UUID.fromString(r.getString("employee_id")),
        State.valueOf(r.getString("state")),
        r.getInt("attempts"),
        r.getString("last_error"),
        Instant.parse(r.getString("created_at")));
  }
}
