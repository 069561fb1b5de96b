package io.kasa.service.stock;

import io.kasa.api.stock.StockAdjustment;
import io.kasa.api.stock.StockAdjustmentRequest;
import io.kasa.api.stock.StockMovements;
import io.kasa.api.stock.StockPage;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.auth.Secrets;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A store's stock for the back office: read it, page through an item's movements, adjust it. Only
 * managers and administrators of the store's organisation; another organisation's store is not
 * found (ADR 0032).
 */
public final class StockService {

  /** Longest note on an adjustment, in characters. */
  static final int MAX_NOTE = 200;

  /**
   * An adjustment answered.
   *
   * @param created whether this request recorded it (false: the same request again)
   * @param adjustment the adjustment
   */
  public record Outcome(boolean created, StockAdjustment adjustment) {}

  private final Jdbi jdbi;
  private final StockReads reads;

  public StockService(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.reads = new StockReads(jdbi);
  }

  /** A page of the store's stock by item id, after {@code after}, matching the filters. */
  public StockPage levels(
      Principal who, UUID store, String item, String below, Integer limit, String after) {
    manager(who);
    BigDecimal under;
    try {
      under = below == null ? null : Quantities.parse(below, "below");
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return reads.levels(who.organisationId(), store, item, under, limit(limit), after);
  }

  /** A page of the item's movements at the store, newest first, before movement {@code before}. */
  public StockMovements movements(
      Principal who, UUID store, String item, Integer limit, Long before) {
    manager(who);
    return reads.movements(who.organisationId(), store, item, limit(limit), before);
  }

  /**
   * Records an adjustment once by its {@code key}; the same request again gets the first answer,
   * and another request with the key is a conflict.
   */
  public Outcome adjust(Principal who, UUID store, String key, StockAdjustmentRequest r) {
    manager(who);
    UUID id;
    try {
      id = UUID.fromString(String.valueOf(key));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Idempotency-Key is the adjustment's UUID");
    }
    Reason reason;
    try {
      reason = Reason.of(r.reason());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/reason", e.getMessage());
    }
    BigDecimal counted = null;
    BigDecimal change = null;
    if (reason == Reason.COUNT) {
      if (r.counted() == null || r.change() != null) {
        throw ApiException.invalid("/counted", "A count gives counted, the quantity on the shelf");
      }
      counted = quantity(r.counted(), "/counted");
      if (counted.signum() < 0) {
        throw ApiException.invalid("/counted", "A count is 0 or more");
      }
    } else {
      if (r.change() == null || r.counted() != null) {
        throw ApiException.invalid("/change", reason + " gives change, the signed quantity");
      }
      change = quantity(r.change(), "/change");
      String refusal = reason.refusal(change);
      if (refusal != null) {
        throw ApiException.invalid("/change", refusal);
      }
    }
    String note = note(r.note());
    BigDecimal countedQuantity = counted;
    BigDecimal changeQuantity = change;
    byte[] hash =
        Secrets.sha256(
            String.join(
                "\n",
                store.toString(),
                String.valueOf(r.itemId()),
                reason.name(),
                String.valueOf(counted),
                String.valueOf(change),
                String.valueOf(note)));
    return jdbi.inTransaction(
        h -> {
          String code = StockReads.storeCode(h, who.organisationId(), store);
          Optional<Outcome> earlier = earlier(h, who.organisationId(), id, hash);
          if (earlier.isPresent()) {
            return earlier.get();
          }
          if (!StockReads.itemExists(h, who.organisationId(), r.itemId())) {
            throw ApiException.invalid("/itemId", "No item " + r.itemId());
          }
          StockLedger.Entry entry =
              new StockLedger.Entry(
                  who.organisationId(),
                  store,
                  code,
                  r.itemId(),
                  reason,
                  countedQuantity,
                  changeQuantity,
                  note,
                  who.terminalId(),
                  who.employeeId(),
                  null,
                  id,
                  hash);
          if (StockLedger.append(h, entry).isEmpty()) {
            return earlier(h, who.organisationId(), id, hash).orElseThrow();
          }
          return new Outcome(true, reads.adjustment(h, who.organisationId(), id));
        });
  }

  /** The adjustment recorded with {@code id}, when it asked for the same; a conflict otherwise. */
  private Optional<Outcome> earlier(Handle h, UUID org, UUID id, byte[] hash) {
    Optional<byte[]> recorded =
        h.createQuery(
                "select request_hash from stock_movement where organisation_id = :org"
                    + " and adjustment_id = :id")
            .bind("org", org)
            .bind("id", id)
            .mapTo(byte[].class)
            .findOne();
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    if (!Secrets.same(recorded.get(), hash)) {
      throw ApiException.conflict("Adjustment " + id + " was recorded with other details");
    }
    return Optional.of(new Outcome(false, reads.adjustment(h, org, id)));
  }

  private static BigDecimal quantity(String text, String pointer) {
    try {
      return Quantities.parse(text, pointer.substring(1));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(pointer, e.getMessage());
    }
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) {
      return null;
    }
    if (note.codePointCount(0, note.length()) > MAX_NOTE) {
      throw ApiException.invalid("/note", "A note is up to " + MAX_NOTE + " characters");
    }
    return note.strip();
  }

  private static int limit(Integer limit) {
    if (limit == null) {
      return 100;
    }
    if (limit < 1 || limit > 500) {
      throw ApiException.badRequest("limit is 1 to 500");
    }
    return limit;
  }

  /** Stock is a manager's business: the back office's managers and administrators. */
  private static void manager(Principal who) {
    if (who.role() != Role.MANAGER && who.role() != Role.ADMIN) {
      throw ApiException.forbidden("Only a manager reads and adjusts stock");
    }
  }
}
