package io.kasa.client.terminal;

import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.client.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Cards taken while the service cannot be reached (store-and-forward): only where the store allows
 * it, up to a per-sale limit and a total of unsent card payments, and only for a while after the
 * last contact with the service. The card is authorised when the sale reaches the service; the
 * receipt says it was taken offline.
 */
public final class OfflineCards {

  /** Whether a card may be taken now. */
  public sealed interface Decision permits Allowed, Refused {}

  /** Take the card offline; the receipt is marked. */
  public record Allowed() implements Decision {}

  /** Not this card, now: cash, or wait for the service. */
  public record Refused(Reason reason, String detail) implements Decision {}

  /** Why a card is refused offline. */
  public enum Reason {
    NOT_ALLOWED,
    OVER_SALE_LIMIT,
    OVER_TOTAL_LIMIT,
    WINDOW_PASSED
  }

  private final LocalStore store;

  OfflineCards(LocalStore store) {
    this.store = store;
  }

  /**
   * Decides for a card payment of {@code amount} (minor units) under {@code rules}, {@code
   * lastContact} being when the service last answered (null: never).
   */
  public Decision check(OfflineCardRules rules, long amount, Instant lastContact, Instant now) {
    if (!rules.allowed()) {
      return new Refused(Reason.NOT_ALLOWED, "The store takes no cards without the service");
    }
    if (amount > rules.perSaleLimit()) {
      return new Refused(
          Reason.OVER_SALE_LIMIT, "Above the offline card limit of " + rules.perSaleLimit());
    }
    long held = held();
    if (held + amount > rules.totalLimit()) {
      return new Refused(
          Reason.OVER_TOTAL_LIMIT,
          "Unsent offline card payments would reach "
              + (held + amount)
              + " of "
              + rules.totalLimit());
    }
    if (lastContact == null
        || Duration.between(lastContact, now).compareTo(Duration.ofMinutes(rules.windowMinutes()))
            > 0) {
      return new Refused(
          Reason.WINDOW_PASSED,
          "No contact with the service for longer than " + rules.windowMinutes() + " minutes");
    }
    return new Allowed();
  }

  /** What the terminal holds in offline card payments not yet delivered, in minor units. */
  public long held() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement(
                      "select coalesce(sum(k.amount), 0) from offline_card k join outbox o"
                          + " on o.id = k.outbox_id where o.state in ('PENDING', 'SENDING')");
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  /** Records an offline card payment of the sale journalled as {@code outboxId}. */
  void record(Connection c, UUID outboxId, UUID tenderId, long amount, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into offline_card (tender_id, outbox_id, amount, created_at) values (?, ?, ?, ?)")) {
      s.setString(1, tenderId.toString());
      s.setString(2, outboxId.toString());
      s.setLong(3, amount);
      s.setString(4, at.toString());
      s.executeUpdate();
    }
  }
}
