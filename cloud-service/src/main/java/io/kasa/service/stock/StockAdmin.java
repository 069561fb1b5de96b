package io.kasa.service.stock;

import io.kasa.service.audit.Audit;
import io.kasa.service.catalog.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the {@code admin} stock commands do: a count, an adjustment, a file of counts. Each is
 * appended to the ledger and audited as made by an admin command (ADR 0032).
 */
public final class StockAdmin {

  /** The header of a stock file. */
  static final List<String> HEADER = List.of("item", "quantity");

  /**
   * An adjustment made.
   *
   * @param storeCode the store
   * @param itemId the item
   * @param reason why
   * @param before the stock before
   * @param change what it moved by
   * @param stock the stock after
   */
  public record Adjusted(
      String storeCode, String itemId, String reason, String before, String change, String stock) {

    /** One line for the operator, e.g. {@code K1 p1: COUNT 10.000 -> 12.000 (+2.000)}. */
    public String describe() {
      return storeCode
          + " "
          + itemId
          + ": "
          + reason
          + " "
          + before
          + " -> "
          + stock
          + " ("
          + (change.startsWith("-") ? "" : "+")
          + change
          + ")";
    }
  }

  /**
   * A file's outcome.
   *
   * @param counted items counted (0 when there were errors)
   * @param errors bad rows, each starting with its line number
   */
  public record Imported(int counted, List<String> errors) {}

  private final Jdbi jdbi;

  public StockAdmin(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records a count: the store holds {@code quantity} of the item (id, SKU or barcode). */
  public Adjusted count(UUID org, UUID store, String item, String quantity, String note) {
    BigDecimal counted = Quantities.parse(quantity, "quantity");
    if (counted.signum() < 0) {
      throw new IllegalArgumentException("A count is 0 or more: " + quantity);
    }
    return jdbi.inTransaction(h -> append(h, org, store, item, Reason.COUNT, counted, null, note));
  }

  /**
   * Sets the store's reorder level for the item (id, SKU or barcode): at or below it the item is
   * low there (ADR 0050). Audited as made by an admin command.
   */
  public void reorderLevel(UUID org, UUID store, String item, String level) {
    BigDecimal value = Quantities.parse(level, "level");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("A reorder level is 0 or more: " + level);
    }
    jdbi.useTransaction(
        h -> {
          String code = StockReads.storeCode(h, org, store);
          String id = resolve(h, org, item);
          h.createUpdate(
                  "insert into stock_reorder_level (organisation_id, store_id, item_id, level)"
                      + " values (:org, :store, :item, :level)"
                      + " on conflict (organisation_id, store_id, item_id) do update"
                      + " set level = excluded.level, set_at = now(), set_by = null")
              .bind("org", org)
              .bind("store", store)
              .bind("item", id)
              .bind("level", value)
              .execute();
          Audit.record(
              h,
              org,
              null,
              null,
              "office.stock.reorder-level",
              code
                  + " "
                  + id
                  + ": reorder level "
                  + Quantities.text(value)
                  + " by an admin command");
        });
  }

  /** Records a change of the store's stock of the item for {@code reason} (not COUNT). */
  public Adjusted adjust(
      UUID org, UUID store, String item, String reason, String change, String note) {
    Reason why = Reason.of(reason);
    BigDecimal by = Quantities.parse(change, "change");
    String refusal = why.refusal(by);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    return jdbi.inTransaction(h -> append(h, org, store, item, why, null, by, note));
  }

  /**
   * Counts from a UTF-8 CSV file with the header {@code item,quantity} (an item by id, SKU or
   * barcode; the quantity on the shelf), all or nothing: a file with a bad row changes nothing and
   * every bad row is reported with its line (the first 1,000).
   */
  public Imported importCsv(UUID org, UUID store, Reader source, String fileName)
      throws IOException {
    Csv csv = new Csv(new BufferedReader(source, 1 << 16));
    Csv.Row header = csv.next();
    if (header == null
        || !header.fields().stream()
            .map(f -> f.trim().toLowerCase(Locale.ROOT))
            .toList()
            .equals(HEADER)) {
      return new Imported(0, List.of("line 1: the header must be " + String.join(",", HEADER)));
    }
    List<String> errors = new ArrayList<>();
    Map<String, BigDecimal> counts = new TreeMap<>();
    jdbi.useHandle(
        h -> {
          StockReads.storeCode(h, org, store);
          Csv.Row row;
          while ((row = csv.next()) != null) {
            List<String> f = row.fields();
            if (f.size() == 1 && f.get(0).isBlank()) {
              continue;
            }
            try {
              if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException(
                    "expected " + HEADER.size() + " fields, found " + f.size());
              }
              String id = resolve(h, org, f.get(0));
              BigDecimal counted = Quantities.parse(f.get(1), "quantity");
              if (counted.signum() < 0) {
                throw new IllegalArgumentException("a count is 0 or more: " + f.get(1));
              }
              if (counts.put(id, counted) != null) {
                throw new IllegalArgumentException("item " + id + " appears twice");
              }
            } catch (IllegalArgumentException e) {
              if (errors.size() < 1_000) {
                errors.add("line " + row.line() + ": " + e.getMessage());
              }
            }
          }
        });
    if (!errors.isEmpty()) {
      return new Imported(0, errors);
    }
    String note = "imported from " + fileName;
    // By item id, the order every adjustment takes the items' locks in: two imports never deadlock.
    jdbi.useTransaction(
        h ->
            counts.forEach(
                (item, counted) -> append(h, org, store, item, Reason.COUNT, counted, null, note)));
    return new Imported(counts.size(), List.of());
  }

  private static Adjusted append(
      Handle h,
      UUID org,
      UUID store,
      String item,
      Reason reason,
      BigDecimal counted,
      BigDecimal change,
      String note) {
    String code = StockReads.storeCode(h, org, store);
    String id = resolve(h, org, item);
    String trimmed = note == null || note.isBlank() ? null : note.strip();
    if (trimmed != null && trimmed.codePointCount(0, trimmed.length()) > StockService.MAX_NOTE) {
      throw new IllegalArgumentException(
          "A note is up to " + StockService.MAX_NOTE + " characters");
    }
    StockLedger.Appended a =
        StockLedger.append(
                h,
                new StockLedger.Entry(
                    org, store, code, id, reason, counted, change, trimmed, null, null, null, null,
                    null))
            .orElseThrow();
    return new Adjusted(
        code,
        id,
        reason.name(),
        Quantities.text(a.before()),
        Quantities.text(a.change()),
        Quantities.text(a.after()));
  }

  /** The item's id from its id, SKU or barcode; refused when none or several match. */
  private static String resolve(Handle h, UUID org, String item) {
    String key = item == null ? "" : item.trim();
    List<String> ids =
        h.createQuery(
                "select id from item where organisation_id = :org and (id = :key or sku = :key)"
                    + " union select item_id from barcode where organisation_id = :org and code = :key"
                    + " order by 1")
            .bind("org", org)
            .bind("key", key)
            .mapTo(String.class)
            .list();
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no item with id, SKU or barcode '" + key + "'");
    }
    if (ids.size() > 1) {
      throw new IllegalArgumentException(
          "'" + key + "' names several items (" + String.join(", ", ids) + "): give the id");
    }
    return ids.get(0);
  }
}
