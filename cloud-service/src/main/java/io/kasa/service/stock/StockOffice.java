package io.kasa.service.stock;

import io.kasa.api.office.OfficeStockAdjusted;
import io.kasa.api.office.OfficeStockLevel;
import io.kasa.api.office.OfficeStockLevelsPage;
import io.kasa.api.office.OfficeStockMovementsPage;
import io.kasa.api.office.OfficeStockStore;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.Secrets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A store's stock as the back office reads and changes it (issue 22, ADR 0050): the levels a page
 * at a time with the store's reorder levels and a low filter, an item's movements with who made
 * each, adjustments by an owner's or a manager's account (audited with the account, recorded once
 * by their key) and the reorder levels they set. Only the account's organisation and the stores it
 * may see: any other store is not found.
 */
public final class StockOffice {

  /** Items on a page of levels, movements on a page of an item's. */
  public static final int PAGE = 50;

  /** The most a page may hold through the API. */
  public static final int MAX_LIMIT = 200;

  /**
   * Whose stock is read: the organisation, and the stores the account may see (null: all).
   *
   * @param organisation the account's organisation
   * @param stores the stores it may see, or null for all of them
   */
  public record Scope(UUID organisation, List<UUID> stores) {

    boolean sees(UUID store) {
      return stores == null || stores.contains(store);
    }
  }

  /**
   * An adjustment asked for.
   *
   * @param item the item's id
   * @param reason COUNT, RECEIVED, DAMAGE, THEFT or CORRECTION
   * @param quantity a COUNT's quantity counted, otherwise the signed change
   * @param note a note, or null
   */
  public record Adjustment(String item, String reason, String quantity, String note) {}

  /**
   * An adjustment answered.
   *
   * @param created whether this request recorded it (false: the same request again)
   * @param adjusted what was recorded
   */
  public record Outcome(boolean created, OfficeStockAdjusted adjusted) {}

  /** A store or item the account cannot see, or that does not exist. */
  public static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String what) {
      super(what, null, false, false);
    }
  }

  private final Jdbi jdbi;

  public StockOffice(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The stores the account may see, by code. */
  public List<OfficeStockStore> stores(Scope scope) {
    return jdbi.withHandle(h -> StockOfficeReads.stores(h, scope));
  }

  /**
   * A page of {@code store}'s stock (null: the first store the account may see) after item {@code
   * after}, searched by {@code q} (part of the name, or a whole SKU, id or barcode), only the low
   * items with {@code low}; empty when the account has no store.
   */
  public Optional<OfficeStockLevelsPage> levels(
      Scope scope, UUID store, String q, boolean low, String after, int limit) {
    String query = q == null || q.isBlank() ? null : q.strip();
    String from = after == null || after.isBlank() ? null : after;
    return jdbi.withHandle(
        h -> {
          List<OfficeStockStore> stores = StockOfficeReads.stores(h, scope);
          OfficeStockStore shown;
          if (store == null) {
            if (stores.isEmpty()) {
              return Optional.empty();
            }
            shown = stores.get(0);
          } else {
            shown =
                StockOfficeReads.store(h, scope, store)
                    .orElseThrow(() -> new NotFound("No store " + store));
          }
          List<OfficeStockLevel> levels =
              StockOfficeReads.levels(
                  h,
                  scope.organisation(),
                  UUID.fromString(shown.id()),
                  query,
                  low,
                  from,
                  limit + 1);
          String next = null;
          if (levels.size() > limit) {
            levels = levels.subList(0, limit);
            next = levels.get(limit - 1).itemId();
          }
          return Optional.of(new OfficeStockLevelsPage(shown, stores, List.copyOf(levels), next));
        });
  }

  /** The item's stock at the store and its movements before movement {@code before}. */
  public OfficeStockMovementsPage movements(
      Scope scope, UUID store, String item, Long before, int limit) {
    return jdbi.withHandle(
        h -> {
          OfficeStockStore shown =
              StockOfficeReads.store(h, scope, store)
                  .orElseThrow(() -> new NotFound("No store " + store));
          OfficeStockLevel level =
              StockOfficeReads.level(h, scope.organisation(), store, item)
                  .orElseThrow(() -> new NotFound("No item " + item));
          var page =
              StockOfficeReads.movements(h, scope.organisation(), store, item, before, limit + 1);
          String next = null;
          if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Long.toString(page.get(limit - 1).id());
          }
          return new OfficeStockMovementsPage(shown, level, List.copyOf(page), next);
        });
  }

  /**
   * Records an adjustment by the back-office account {@code account} once by its {@code key}: the
   * same request again answers the first time's, other details with the key are a problem of the
   * key (conflict). Audited with the account in the same transaction.
   */
  public Outcome adjust(Scope scope, UUID account, UUID store, String key, Adjustment a) {
    UUID id;
    try {
      id = UUID.fromString(String.valueOf(key));
    } catch (IllegalArgumentException e) {
      throw new StockProblem("key", "key", "Idempotency-Key is the adjustment's UUID");
    }
    Reason reason;
    try {
      reason = Reason.of(a.reason());
    } catch (IllegalArgumentException e) {
      throw new StockProblem("reason", "reason", e.getMessage());
    }
    BigDecimal quantity;
    try {
      quantity = Quantities.parse(a.quantity(), "quantity");
    } catch (IllegalArgumentException e) {
      throw new StockProblem(
          "quantity", "quantity", e.getMessage(), a.quantity() == null ? "" : a.quantity());
    }
    if (reason == Reason.COUNT && quantity.signum() < 0) {
      throw new StockProblem("quantity", "countNegative", "A count is 0 or more");
    }
    if (reason != Reason.COUNT && reason.refusal(quantity) != null) {
      throw new StockProblem("quantity", "against." + reason.name(), reason.refusal(quantity));
    }
    String note = a.note() == null || a.note().isBlank() ? null : a.note().strip();
    if (note != null && note.codePointCount(0, note.length()) > StockService.MAX_NOTE) {
      throw new StockProblem(
          "note",
          "note",
          "A note is up to " + StockService.MAX_NOTE + " characters",
          Integer.toString(StockService.MAX_NOTE));
    }
    BigDecimal counted = reason == Reason.COUNT ? quantity : null;
    BigDecimal change = reason == Reason.COUNT ? null : quantity;
    byte[] hash =
        Secrets.sha256(
            String.join(
                "\n",
                "office",
                store.toString(),
                String.valueOf(a.item()),
                reason.name(),
                String.valueOf(counted),
                String.valueOf(change),
                String.valueOf(note)));
    return jdbi.inTransaction(
        h -> {
          OfficeStockStore shown =
              StockOfficeReads.store(h, scope, store)
                  .orElseThrow(() -> new NotFound("No store " + store));
          Optional<Outcome> earlier = earlier(h, scope.organisation(), id, hash);
          if (earlier.isPresent()) {
            return earlier.get();
          }
          if (a.item() == null
              || StockOfficeReads.level(h, scope.organisation(), store, a.item()).isEmpty()) {
            throw new NotFound("No item " + a.item());
          }
          StockLedger.Entry entry =
              new StockLedger.Entry(
                  scope.organisation(),
                  store,
                  shown.code(),
                  a.item(),
                  reason,
                  counted,
                  change,
                  note,
                  null,
                  null,
                  account,
                  id,
                  hash);
          if (StockLedger.append(h, entry).isEmpty()) {
            return earlier(h, scope.organisation(), id, hash).orElseThrow();
          }
          return new Outcome(true, adjusted(h, scope.organisation(), store, a.item(), id));
        });
  }

  /** The adjustment recorded with {@code id} when it asked for the same; a conflict otherwise. */
  private static Optional<Outcome> earlier(Handle h, UUID org, UUID id, byte[] hash) {
    Optional<Object[]> recorded =
        h.createQuery(
                "select request_hash, store_id, item_id from stock_movement"
                    + " where organisation_id = :org and adjustment_id = :id")
            .bind("org", org)
            .bind("id", id)
            .map((rs, ctx) -> new Object[] {rs.getBytes(1), rs.getObject(2), rs.getString(3)})
            .findOne();
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    byte[] was = (byte[]) recorded.get()[0];
    if (was == null || !Secrets.same(was, hash)) {
      throw new StockProblem(
          "key", "conflict", "Adjustment " + id + " was recorded with other details");
    }
    return Optional.of(
        new Outcome(
            false, adjusted(h, org, (UUID) recorded.get()[1], (String) recorded.get()[2], id)));
  }

  private static OfficeStockAdjusted adjusted(
      Handle h, UUID org, UUID store, String item, UUID id) {
    return new OfficeStockAdjusted(
        id.toString(),
        StockOfficeReads.adjustment(h, org, id).orElseThrow(),
        StockOfficeReads.level(h, org, store, item).orElseThrow());
  }

  /**
   * Sets the store's reorder level for the item ({@code level} blank or null clears it) for the
   * account {@code account}, audited with it; answers the item's stock with its new level.
   */
  public OfficeStockLevel reorderLevel(
      Scope scope, UUID account, UUID store, String item, String level) {
    BigDecimal value = null;
    if (level != null && !level.isBlank()) {
      try {
        value = Quantities.parse(level, "level");
      } catch (IllegalArgumentException e) {
        throw new StockProblem("level", "quantity", e.getMessage(), level);
      }
      if (value.signum() < 0) {
        throw new StockProblem("level", "levelNegative", "A reorder level is 0 or more");
      }
    }
    BigDecimal to = value;
    return jdbi.inTransaction(
        h -> {
          OfficeStockStore shown =
              StockOfficeReads.store(h, scope, store)
                  .orElseThrow(() -> new NotFound("No store " + store));
          OfficeStockLevel before =
              StockOfficeReads.level(h, scope.organisation(), store, item)
                  .orElseThrow(() -> new NotFound("No item " + item));
          if (to == null) {
            h.createUpdate(
                    "delete from stock_reorder_level where organisation_id = :org"
                        + " and store_id = :store and item_id = :item")
                .bind("org", scope.organisation())
                .bind("store", store)
                .bind("item", item)
                .execute();
          } else {
            h.createUpdate(
                    "insert into stock_reorder_level (organisation_id, store_id, item_id, level,"
                        + " set_by) values (:org, :store, :item, :level, :account)"
                        + " on conflict (organisation_id, store_id, item_id) do update"
                        + " set level = excluded.level, set_at = now(), set_by = excluded.set_by")
                .bind("org", scope.organisation())
                .bind("store", store)
                .bind("item", item)
                .bind("level", to)
                .bind("account", account)
                .execute();
          }
          Audit.recordOffice(
              h,
              scope.organisation(),
              account,
              "office.stock.reorder-level",
              shown.code()
                  + " "
                  + item
                  + ": reorder level "
                  + (before.reorderLevel() == null ? "none" : before.reorderLevel())
                  + " -> "
                  + (to == null ? "none" : Quantities.text(to)));
          return StockOfficeReads.level(h, scope.organisation(), store, item).orElseThrow();
        });
  }
}
