package io.kasa.client.store;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.TaxClassDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.tax.TaxRate;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The terminal's copy of the catalogue: looked up by barcode or id at the speed of a scan, searched
 * as the cashier types, brought up to date one page of changes at a time (each page in one
 * transaction, with the cursor it leads to, so a crash mid-sync resumes where it stopped). Items a
 * sale already holds are values: a price change applied now does not touch a sale in progress.
 */
public final class CatalogReplica {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final LocalStore store;
  private final Currency currency;

  public CatalogReplica(LocalStore store, Currency currency) {
    this.store = store;
    this.currency = currency;
  }

  /** Where the next sync starts, or null before the first. */
  public String cursor() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("select cursor from catalog_cursor");
              ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
          }
        });
  }

  /** Applies one page of changes and its cursor, all or nothing. */
  public void apply(CatalogChanges page) {
    store.inTransaction(
        c -> {
          for (TaxClassDto t : page.taxClasses()) {
            try (PreparedStatement s =
                c.prepareStatement(
                    "insert into catalog_tax_class (code, label, rate) values (?, ?, ?)"
                        + " on conflict (code) do update set label = excluded.label, rate = excluded.rate")) {
              s.setString(1, t.code());
              s.setString(2, t.label());
              s.setString(3, t.rate());
              s.executeUpdate();
            }
          }
          try (PreparedStatement upsert =
                  c.prepareStatement(
                      "insert into catalog_item (id, sku, name, unit, price, tax_class, category, open_price,"
                          + " age_restricted, active, name_key, min_price, max_price)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                          + " on conflict (id) do update set sku = excluded.sku, name = excluded.name,"
                          + " name_key = excluded.name_key, unit = excluded.unit, price = excluded.price, tax_class = excluded.tax_class,"
                          + " category = excluded.category, open_price = excluded.open_price,"
                          + " age_restricted = excluded.age_restricted, active = excluded.active,"
                          + " min_price = excluded.min_price, max_price = excluded.max_price");
              PreparedStatement dropCodes =
                  c.prepareStatement("delete from catalog_barcode where item_id = ?");
              PreparedStatement addCode =
                  c.prepareStatement(
                      "insert into catalog_barcode (code, item_id) values (?, ?)"
                          + " on conflict (code) do update set item_id = excluded.item_id")) {
            for (ItemDto i : page.items()) {
              upsert.setString(1, i.id());
              upsert.setString(2, i.sku());
              upsert.setString(3, i.name());
              upsert.setString(4, i.unit());
              upsert.setLong(5, i.price());
              upsert.setString(6, i.taxClass());
              upsert.setString(7, i.category());
              upsert.setInt(8, i.openPrice() ? 1 : 0);
              upsert.setInt(9, i.ageRestricted() ? 1 : 0);
              upsert.setInt(10, i.active() ? 1 : 0);
              upsert.setString(11, key(i.name()));
              upsert.setObject(12, i.minPrice(), Types.BIGINT);
              upsert.setObject(13, i.maxPrice(), Types.BIGINT);
              upsert.addBatch();
            }
            upsert.executeBatch();
            for (ItemDto i : page.items()) {
              dropCodes.setString(1, i.id());
              dropCodes.addBatch();
            }
            dropCodes.executeBatch();
            for (ItemDto i : page.items()) {
              for (String code : i.barcodes()) {
                addCode.setString(1, code);
                addCode.setString(2, i.id());
                addCode.addBatch();
              }
            }
            addCode.executeBatch();
            ModifierReplica.write(c, page.items());
          }
          if (page.quickKeys() != null) {
            QuickKeysReplica.write(c, page.quickKeys());
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into catalog_cursor (singleton, cursor) values (1, ?)"
                      + " on conflict (singleton) do update set cursor = excluded.cursor")) {
            s.setString(1, page.nextCursor());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** The active item with this barcode. */
  public Optional<CatalogItem> byBarcode(String code) {
    return one(
        "select i.* from catalog_barcode b join catalog_item i on i.id = b.item_id"
            + " where b.code = ? and i.active = 1",
        code);
  }

  /** The item with this id, active or not (refunds of withdrawn items need it). */
  public Optional<CatalogItem> byId(String id) {
    return one("select * from catalog_item where id = ?", id);
  }

  /**
   * Active items matching what the cashier has typed so far: every word is a prefix of a word in
   * the name, SKU or category, best matches first (name weighs most).
   */
  public List<CatalogItem> search(String typed, int limit) {
    List<String> words = new ArrayList<>();
    var m = WORD.matcher(typed.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add("\"" + m.group() + "\"*");
    }
    if (words.isEmpty()) {
      return List.of();
    }
    String query = String.join(" ", words);
    return store.inTransaction(
        c -> {
          if (matchesMoreThan(c, query, RANKED_AT_MOST)) {
            // The first letters of a common word: too many matches to rank as the cashier types.
            // Names that start with what was typed, in order, answer at once from an index.
            String prefix = key(typed);
            List<CatalogItem> out =
                items(
                    c,
                    "select * from catalog_item where active = 1 and name_key >= ? and name_key < ?"
                        + " order by name_key limit ?",
                    prefix,
                    prefix + '\uffff',
                    limit);
            if (!out.isEmpty()) {
              return out;
            }
          }
          // Ranked within the index first (only active items are indexed), then joined.
          return items(
              c,
              "select i.* from (select rowid, rank from catalog_search where catalog_search"
                  + " match ? order by rank limit ?) f join catalog_item i on i.rowid = f.rowid"
                  + " order by f.rank, i.name",
              query,
              null,
              limit);
        });
  }

  /** Ranking more matches than this would keep the cashier waiting. */
  static final int RANKED_AT_MOST = 2_000;

  private static boolean matchesMoreThan(Connection c, String query, int n) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select count(*) from (select 1 from catalog_search where catalog_search match ?"
                + " limit ?)")) {
      s.setString(1, query);
      s.setInt(2, n + 1);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1) > n;
      }
    }
  }

  /** Runs {@code sql} with one or two text parameters and then the limit. */
  private List<CatalogItem> items(Connection c, String sql, String a, String b, int limit)
      throws SQLException {
    List<CatalogItem> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      s.setString(i++, a);
      if (b != null) {
        s.setString(i++, b);
      }
      s.setInt(i, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(item(c, r));
        }
      }
    }
    return out;
  }

  /** A name as the prefix search compares it: lower case, single spaces. */
  static String key(String name) {
    return name == null ? null : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The tax classes, by code. */
  public List<TaxRate> taxRates() {
    return store.inTransaction(
        c -> {
          List<TaxRate> out = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "select code, label, rate from catalog_tax_class order by code");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(
                  new TaxRate(
                      r.getString(1), r.getString(2), new Percent(new BigDecimal(r.getString(3)))));
            }
          }
          return out;
        });
  }

  /**
   * The quick keys' first level: the pages of the store's layout in its order (those with a key to
   * show), then the categories of active items it does not name, by name (ADR 0052).
   */
  public List<String> categories() {
    return store.inTransaction(
        c -> {
          List<String> derived = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "select distinct category from catalog_item where active = 1"
                          + " and category is not null order by category");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              derived.add(r.getString(1));
            }
          }
          // The layout's pages in its order, those with a key to show or a category behind them.
          java.util.Set<String> withKeys = QuickKeysReplica.pagesWithActiveKeys(c);
          List<String> out = new ArrayList<>();
          for (String title : QuickKeysReplica.pages(c)) {
            if (withKeys.contains(title) || derived.contains(title)) {
              out.add(title);
            }
          }
          for (String category : derived) {
            if (!out.contains(category)) {
              out.add(category);
            }
          }
          return out;
        });
  }

  /**
   * Up to {@code limit} quick keys of a page: the layout's active keys of the page so named in
   * their order, then the active items of the category so named that the page does not hold, by
   * name (ADR 0052).
   */
  public List<CatalogItem> inCategory(String category, int limit) {
    return store.inTransaction(
        c -> {
          List<CatalogItem> out =
              items(
                  c,
                  "select i.* from catalog_quick_page p join catalog_quick_key k on k.page ="
                      + " p.position join catalog_item i on i.id = k.item_id where p.title = ?"
                      + " and i.active = 1 order by k.position limit ?",
                  category,
                  null,
                  limit);
          if (out.size() < limit) {
            List<String> placed = new ArrayList<>();
            out.forEach(i -> placed.add(i.id()));
            for (CatalogItem i :
                items(
                    c,
                    "select * from catalog_item where active = 1 and category = ? order by name"
                        + " limit ?",
                    category,
                    null,
                    limit + placed.size())) {
              if (out.size() < limit && !placed.contains(i.id())) {
                out.add(i);
              }
            }
          }
          return out;
        });
  }

  /**
   * Up to {@code limit} active items with a fixed price that ask for no choice (no required
   * modifier group, ADR 0043), in id order: for simulated sales.
   */
  public List<CatalogItem> sellable(int limit) {
    return store.inTransaction(
        c -> {
          List<CatalogItem> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "select * from catalog_item where active = 1 and open_price = 0 and not exists"
                      + " (select 1 from catalog_modifier_group g where g.item_id = catalog_item.id"
                      + " and g.min_choices > 0) order by id limit ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(item(c, r));
              }
            }
          }
          return out;
        });
  }

  public long size() {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("select count(*) from catalog_item");
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  private Optional<CatalogItem> one(String sql, String key) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(item(c, r)) : Optional.empty();
            }
          }
        });
  }

  private CatalogItem item(Connection c, ResultSet r) throws SQLException {
    String id = r.getString("id");
    List<String> codes = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("select code from catalog_barcode where item_id = ? order by code")) {
      s.setString(1, id);
      try (ResultSet b = s.executeQuery()) {
        while (b.next()) {
          codes.add(b.getString(1));
        }
      }
    }
    return new CatalogItem(
        id,
        r.getString("sku"),
        r.getString("name"),
        codes,
        Unit.valueOf(r.getString("unit")),
        Money.of(r.getLong("price"), currency),
        r.getString("tax_class"),
        r.getInt("open_price") == 1,
        r.getInt("age_restricted") == 1,
        limits(r),
        ModifierReplica.read(c, id, currency));
  }

  /**
   * An open-price item's limits as the service sent them. Limits that no longer make sense (a
   * lowest above the highest, which the service never sends) are dropped rather than block the
   * item: the service still checks every sale.
   */
  private PriceLimits limits(ResultSet r) throws SQLException {
    long min = r.getLong("min_price");
    boolean hasMin = !r.wasNull();
    long max = r.getLong("max_price");
    boolean hasMax = !r.wasNull();
    try {
      return PriceLimits.of(hasMin ? min : null, hasMax ? max : null, currency);
    } catch (IllegalArgumentException e) {
      return PriceLimits.NONE;
    }
  }
}
