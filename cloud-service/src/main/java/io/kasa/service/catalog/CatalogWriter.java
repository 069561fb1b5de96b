package io.kasa.service.catalog;

import io.kasa.api.catalog.ItemDto;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes catalogue rows and records each write as a change, inside the caller's transaction and
 * under the organisation's catalogue lock (see V2__catalog_changes.sql).
 */
public final class CatalogWriter {

  private final Handle h;
  private final UUID org;
  private PreparedBatch items;
  private PreparedBatch dropped;
  private PreparedBatch barcodes;
  private PreparedBatch changes;
  private int pending;

  /** Takes the organisation's catalogue lock for the rest of the transaction. */
  public CatalogWriter(Handle h, UUID org) {
    this.h = h;
    this.org = org;
    h.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", org + "/catalog");
    newBatches();
  }

  private void newBatches() {
    this.items =
        h.prepareBatch(
            "insert into item (organisation_id, id, sku, name, unit, price, tax_class, category, open_price, age_restricted, active,"
                + " min_price, max_price)"
                + " values (:org, :id, :sku, :name, :unit, :price, :tax, :category, :open, :age, :active,"
                + " :min, :max)"
                + " on conflict (organisation_id, id) do update set sku = excluded.sku, name = excluded.name,"
                + " unit = excluded.unit, price = excluded.price, tax_class = excluded.tax_class, category = excluded.category,"
                + " open_price = excluded.open_price, age_restricted = excluded.age_restricted, active = excluded.active,"
                + " min_price = excluded.min_price, max_price = excluded.max_price");
    // An item is put as it is now: barcodes it no longer lists are dropped.
    this.dropped =
        h.prepareBatch(
            "delete from barcode where organisation_id = :org and item_id = :item and not (code = any(:codes))");
    this.barcodes =
        h.prepareBatch(
            "insert into barcode (organisation_id, code, item_id) values (:org, :code, :item)"
                + " on conflict (organisation_id, code) do update set item_id = excluded.item_id");
    this.changes =
        h.prepareBatch(
            "insert into catalog_change (organisation_id, kind, key) values (:org, :kind, :key)");
  }

  public void putTaxClass(String code, String label, BigDecimal rate) {
    h.createUpdate(
            "insert into tax_class (organisation_id, code, label, rate) values (:org, :code, :label, :rate)"
                + " on conflict (organisation_id, code) do update set label = excluded.label, rate = excluded.rate")
        .bind("org", org)
        .bind("code", code)
        .bind("label", label)
        .bind("rate", rate)
        .execute();
    changes.bind("org", org).bind("kind", "TAX_CLASS").bind("key", code).add();
    pending++;
    flushIfFull();
  }

  public void putItem(ItemDto item) {
    items
        .bind("org", org)
        .bind("id", item.id())
        .bind("sku", item.sku())
        .bind("name", item.name())
        .bind("unit", item.unit())
        .bind("price", item.price())
        .bind("tax", item.taxClass())
        .bind("category", item.category())
        .bind("open", item.openPrice())
        .bind("age", item.ageRestricted())
        .bind("active", item.active())
        .bind("min", item.minPrice())
        .bind("max", item.maxPrice())
        .add();
    dropped
        .bind("org", org)
        .bind("item", item.id())
        .bindArray("codes", String.class, item.barcodes())
        .add();
    for (String code : item.barcodes()) {
      barcodes.bind("org", org).bind("code", code).bind("item", item.id()).add();
    }
    changes.bind("org", org).bind("kind", "ITEM").bind("key", item.id()).add();
    pending++;
    flushIfFull();
  }

  /**
   * Changes the price of the item whose id or SKU is {@code item}, recorded as a change; answers
   * the item's id, or empty when the organisation has no such item.
   */
  public java.util.Optional<String> setPrice(String item, long price) {
    flush();
    java.util.Optional<String> id =
        h.createQuery(
                "update item set price = :price where organisation_id = :org"
                    + " and id = (select id from item where organisation_id = :org"
                    + " and (id = :item or sku = :item) order by id = :item desc limit 1)"
                    + " returning id")
            .bind("org", org)
            .bind("item", item)
            .bind("price", price)
            .mapTo(String.class)
            .findOne();
    id.ifPresent(this::changed);
    return id;
  }

  /**
   * Sets the lowest and highest price (minor units, null for none) of the open-price item whose id
   * or SKU is {@code item}, recorded as a change; answers the item's id, or empty when the
   * organisation has no such item.
   */
  public java.util.Optional<String> setPriceLimits(String item, Long min, Long max) {
    flush();
    java.util.Optional<String> id =
        h.createQuery(
                "update item set min_price = :min, max_price = :max where organisation_id = :org"
                    + " and id = (select id from item where organisation_id = :org"
                    + " and (id = :item or sku = :item) order by id = :item desc limit 1)"
                    + " returning id")
            .bind("org", org)
            .bind("item", item)
            .bind("min", min)
            .bind("max", max)
            .mapTo(String.class)
            .findOne();
    id.ifPresent(this::changed);
    return id;
  }

  private void changed(String item) {
    h.createUpdate(
            "insert into catalog_change (organisation_id, kind, key) values (:org, 'ITEM', :key)")
        .bind("org", org)
        .bind("key", item)
        .execute();
  }

  public void putItems(List<ItemDto> all) {
    all.forEach(this::putItem);
  }

  /** Sends what is batched; call before the transaction commits. */
  public void flush() {
    // Items before barcodes (foreign key), dropped barcodes before new ones, then the change
    // records.
    if (items.size() > 0) {
      items.execute();
    }
    if (dropped.size() > 0) {
      dropped.execute();
    }
    if (barcodes.size() > 0) {
      barcodes.execute();
    }
    if (changes.size() > 0) {
      changes.execute();
    }
    newBatches();
    pending = 0;
  }

  private void flushIfFull() {
    if (pending >= 1_000) {
      flush();
    }
  }
}
