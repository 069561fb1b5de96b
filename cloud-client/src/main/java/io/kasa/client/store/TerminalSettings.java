package io.kasa.client.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.terminal.StaffMember;
import io.kasa.api.terminal.TerminalConfig;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The terminal's configuration as the service last sent it, and its staff with their PIN verifiers
 * and offline sign-in failures. Replaced whole, in one transaction, on every refresh; an employee's
 * failed PINs survive a refresh, so refreshing never lifts a lockout.
 */
public final class TerminalSettings {

  /**
   * A staff member as cached, with the offline lockout state.
   *
   * @param member the employee and the verifier of their PIN
   * @param failedPins wrong PINs in a row on this terminal while offline
   * @param lockedUntil when the offline lockout ends, or null
   */
  public record CachedStaff(StaffMember member, int failedPins, Instant lockedUntil) {}

  private final LocalStore store;
  private final ObjectMapper json;
  private final Clock clock;

  public TerminalSettings(LocalStore store, ObjectMapper json, Clock clock) {
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  /** Keeps {@code config}, its staff replacing the cached staff (leavers are removed). */
  public void save(TerminalConfig config) {
    String text;
    try {
      text = json.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the configuration", e);
    }
    store.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into terminal_config (singleton, json, fetched_at) values (1, ?, ?)"
                      + " on conflict (singleton) do update set json = excluded.json,"
                      + " fetched_at = excluded.fetched_at")) {
            s.setString(1, text);
            s.setString(2, clock.instant().toString());
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into staff (id, name, role, pin_verifier) values (?, ?, ?, ?)"
                      + " on conflict (id) do update set name = excluded.name,"
                      + " role = excluded.role, pin_verifier = excluded.pin_verifier")) {
            for (StaffMember m : config.staff()) {
              s.setString(1, m.id().toString());
              s.setString(2, m.name());
              s.setString(3, m.role());
              s.setString(4, m.pinVerifier());
              s.executeUpdate();
            }
          }
          try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists staff_now (id text primary key)");
            s.execute("delete from staff_now");
          }
          try (PreparedStatement s = c.prepareStatement("insert into staff_now (id) values (?)")) {
            for (StaffMember m : config.staff()) {
              s.setString(1, m.id().toString());
              s.executeUpdate();
            }
          }
          try (Statement s = c.createStatement()) {
            s.execute("delete from staff where id not in (select id from staff_now)");
          }
          return null;
        });
  }

  /** The configuration last saved, if the terminal has fetched one. */
  public Optional<TerminalConfig> config() {
    String text =
        store.inTransaction(
            c -> {
              try (PreparedStatement s =
                      c.prepareStatement("select json from terminal_config where singleton = 1");
                  ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
              }
            });
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(text, TerminalConfig.class));
    } catch (JsonProcessingException e) {
      throw new StoreException("The saved terminal configuration is unreadable", e);
    }
  }

  /** The cached staff, by name. */
  public List<CachedStaff> staff() {
    return store.inTransaction(
        c -> {
          List<CachedStaff> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement("select * from staff order by name, id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(cached(r));
            }
          }
          return out;
        });
  }

  public Optional<CachedStaff> staffMember(UUID id) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("select * from staff where id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(cached(r)) : Optional.empty();
            }
          }
        });
  }

  /** Records the outcome of an offline PIN check: failures so far and the lockout, if any. */
  public void pinOutcome(UUID id, int failedPins, Instant lockedUntil) {
    store.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "update staff set failed_pins = ?, locked_until = ? where id = ?")) {
            s.setInt(1, failedPins);
            s.setString(2, lockedUntil == null ? null : lockedUntil.toString());
            s.setString(3, id.toString());
            s.executeUpdate();
          }
          return null;
        });
  }

  private static CachedStaff cached(ResultSet r) throws SQLException {
    String locked = r.getString("locked_until");
    return new CachedStaff(
        new StaffMember(
            UUID.fromString(r.getString("id")),
            r.getString("name"),
            r.getString("role"),
            r.getString("pin_verifier")),
        r.getInt("failed_pins"),
        locked == null ? null : Instant.parse(locked));
  }
}
