package io.kasa.service.catalog;

import io.kasa.api.catalog.QuickKeyPageDto;
import io.kasa.api.catalog.QuickKeysDto;
import io.kasa.service.audit.Audit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The register's quick-key layout of a store as the back office reads and arranges it (ADR 0052):
 * pages (the register's category buttons) in order, each with its keys (items) in order. The only
 * writer: a save replaces the whole layout if it names the version it was edited from, records a
 * {@code QUICK_KEYS} catalogue change keyed by the store (so the store's tills fetch it with their
 * catalogue changes) and is audited with the office account.
 */
public final class QuickKeysOffice {

  /** The most pages a layout has. */
  public static final int MAX_PAGES = 24;

  /** The most keys a page has. */
  public static final int MAX_KEYS = 60;

  /** The longest page title. */
  public static final int MAX_TITLE = 40;

  /**
   * A page as saved: its title and its items' ids in order.
   *
   * @param title what its button says
   * @param items the ids of its keys' items, in order
   */
  public record Page(String title, List<String> items) {}

  /**
   * A key as shown: its item as now in the catalogue.
   *
   * @param item the item's id
   * @param name its name
   * @param price its price in minor units
   * @param active whether the tills sell it (an inactive item's key is not shown at the register)
   */
  public record Key(String item, String name, long price, boolean active) {}

  /**
   * A page as shown.
   *
   * @param title its title
   * @param keys its keys in order
   */
  public record ShownPage(String title, List<Key> keys) {}

  /**
   * A store's layout.
   *
   * @param store the store
   * @param version what a save names to replace it; 0 before the first save
   * @param pages its pages in order (none: the register derives its keys from the catalogue)
   */
  public record Layout(UUID store, long version, List<ShownPage> pages) {}

  /** A save named a version that is no longer the layout's: someone saved in between. */
  public static final class Stale extends RuntimeException {
    private final long current;

    public Stale(long current) {
      super("The layout was changed by someone else (now version " + current + ")");
      this.current = current;
    }

    /** The layout's version now. */
    public long current() {
      return current;
    }
  }

  /**
   * A store whose layout may be arranged.
   *
   * @param id the store
   * @param code its code
   * @param name its name
   */
  public record Store(UUID id, String code, String name) {}

  private final Jdbi jdbi;

  public QuickKeysOffice(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The organisation's stores that {@code maySee}, by code. */
  public List<Store> stores(UUID org, Predicate<UUID> maySee) {
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "select id, code, name from store where organisation_id = :org order by code")
                    .bind("org", org)
                    .map(
                        (rs, ctx) ->
                            new Store(
                                rs.getObject("id", UUID.class),
                                rs.getString("code"),
                                rs.getString("name")))
                    .list())
        .stream()
        .filter(s -> maySee.test(s.id()))
        .toList();
  }

  /** The organisation's currency, for showing prices. */
  public java.util.Currency currency(UUID org) {
    return jdbi.withHandle(h -> CatalogOffice.currency(h, org));
  }

  /**
   * The store's layout, or empty when the store is not the organisation's or not {@code maySee}.
   */
  public Optional<Layout> layout(UUID org, UUID store, Predicate<UUID> maySee) {
    return jdbi.inTransaction(
        h -> {
          if (!storeOf(h, org, store) || !maySee.test(store)) {
            return Optional.empty();
          }
          return Optional.of(read(h, org, store));
        });
  }

  /**
   * Items of the organisation whose name contains {@code query} (any case) or whose SKU, id or a
   * barcode is it: the keys an editor may add.
   */
  public List<Key> find(UUID org, String query, int limit) {
    String q = query == null ? "" : query.trim();
    if (q.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, name, price, active from item where organisation_id = :org and active"
                        + " and (name ilike :like escape '\\' or sku = :q or id = :q or id in"
                        + " (select item_id from barcode where organisation_id = :org and code = :q))"
                        + " order by name, id limit :n")
                .bind("org", org)
                .bind("q", q)
                .bind(
                    "like",
                    "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .bind("n", limit)
                .map(
                    (rs, ctx) ->
                        new Key(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getLong("price"),
                            rs.getBoolean("active")))
                .list());
  }

  /** The organisation's items among {@code ids}, by id (those that exist). */
  public Map<String, Key> items(UUID org, Set<String> ids) {
    return jdbi.withHandle(h -> keys(h, org, ids));
  }

  /**
   * Replaces the store's layout with {@code pages} if it is still at {@code version}, and answers
   * the layout now. Empty when the store is not the organisation's or not {@code maySee}.
   *
   * @throws CatalogProblem when a page or key is not acceptable (field {@code pages} or {@code
   *     item}, the page's or item's words as args)
   * @throws Stale when the layout is no longer at {@code version}
   */
  public Optional<Layout> save(
      UUID org, UUID account, UUID store, Predicate<UUID> maySee, long version, List<Page> pages) {
    List<Page> clean = check(pages);
    return jdbi.inTransaction(
        h -> {
          if (!storeOf(h, org, store) || !maySee.test(store)) {
            return Optional.<Layout>empty();
          }
          // The catalogue's lock: the change's sequence is its commit order (V2__catalog_changes).
          CatalogWriter writer = new CatalogWriter(h, org);
          Set<String> ids = new HashSet<>();
          clean.forEach(p -> ids.addAll(p.items()));
          Map<String, Key> known = keys(h, org, ids);
          for (Page p : clean) {
            for (String id : p.items()) {
              if (!known.containsKey(id)) {
                throw new CatalogProblem("item", "quickKeys.unknown", "No item " + id, id);
              }
            }
          }
          long current =
              h.createQuery(
                      "select version from quick_key_layout where organisation_id = :org"
                          + " and store_id = :store for update")
                  .bind("org", org)
                  .bind("store", store)
                  .mapTo(Long.class)
                  .findOne()
                  .orElse(0L);
          if (current != version) {
            throw new Stale(current);
          }
          h.createUpdate(
                  "insert into quick_key_layout (organisation_id, store_id, version)"
                      + " values (:org, :store, :v) on conflict (organisation_id, store_id)"
                      + " do update set version = excluded.version, changed_at = now()")
              .bind("org", org)
              .bind("store", store)
              .bind("v", current + 1)
              .execute();
          h.createUpdate(
                  "delete from quick_key_page where organisation_id = :org and store_id = :store")
              .bind("org", org)
              .bind("store", store)
              .execute();
          var page =
              h.prepareBatch(
                  "insert into quick_key_page (organisation_id, store_id, position, title)"
                      + " values (:org, :store, :p, :title)");
          var key =
              h.prepareBatch(
                  "insert into quick_key (organisation_id, store_id, page, position, item_id)"
                      + " values (:org, :store, :p, :k, :item)");
          for (int p = 0; p < clean.size(); p++) {
            page.bind("org", org).bind("store", store).bind("p", p);
            page.bind("title", clean.get(p).title()).add();
            List<String> items = clean.get(p).items();
            for (int k = 0; k < items.size(); k++) {
              key.bind("org", org).bind("store", store).bind("p", p).bind("k", k);
              key.bind("item", items.get(k)).add();
            }
          }
          if (page.size() > 0) {
            page.execute();
          }
          if (key.size() > 0) {
            key.execute();
          }
          h.createUpdate(
                  "insert into catalog_change (organisation_id, kind, key)"
                      + " values (:org, 'QUICK_KEYS', :store)")
              .bind("org", org)
              .bind("store", store.toString())
              .execute();
          Audit.recordOffice(
              h, org, account, "office.catalogue.quick-keys-changed", describe(store, clean));
          return Optional.of(read(h, org, store));
        });
  }

  /**
   * The layout of {@code store} as its tills receive it with their catalogue changes: every page
   * with its items' ids, inactive ones included (the register leaves those out).
   */
  static QuickKeysDto forTills(Handle h, UUID org, UUID store) {
    Layout l = read(h, org, store);
    return new QuickKeysDto(
        l.version(),
        l.pages().stream()
            .map(p -> new QuickKeyPageDto(p.title(), p.keys().stream().map(Key::item).toList()))
            .toList());
  }

  /** The pages trimmed and checked: titles present, unique and short; no item twice on a page. */
  static List<Page> check(List<Page> pages) {
    if (pages == null) {
      throw new CatalogProblem("pages", "quickKeys.pages", "pages are required");
    }
    if (pages.size() > MAX_PAGES) {
      throw new CatalogProblem(
          "pages",
          "quickKeys.tooManyPages",
          "At most " + MAX_PAGES + " pages",
          Integer.toString(MAX_PAGES));
    }
    List<Page> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Page p : pages) {
      String title = p.title() == null ? "" : p.title().strip();
      if (title.isEmpty()) {
        throw new CatalogProblem("pages", "quickKeys.noTitle", "Every page needs a title");
      }
      if (title.length() > MAX_TITLE) {
        throw new CatalogProblem(
            "pages",
            "quickKeys.longTitle",
            "A page title is at most " + MAX_TITLE + " characters: " + title,
            title,
            Integer.toString(MAX_TITLE));
      }
      if (!titles.add(title)) {
        throw new CatalogProblem(
            "pages", "quickKeys.sameTitle", "Two pages are called " + title, title);
      }
      List<String> items = p.items() == null ? List.of() : p.items();
      if (items.size() > MAX_KEYS) {
        throw new CatalogProblem(
            "pages",
            "quickKeys.tooManyKeys",
            "Page " + title + " has more than " + MAX_KEYS + " keys",
            title,
            Integer.toString(MAX_KEYS));
      }
      if (new HashSet<>(items).size() != items.size()) {
        throw new CatalogProblem(
            "pages", "quickKeys.twice", "Page " + title + " has an item twice", title);
      }
      out.add(new Page(title, List.copyOf(items)));
    }
    return out;
  }

  private static String describe(UUID store, List<Page> pages) {
    StringBuilder d = new StringBuilder("quick keys of store " + store + ":");
    if (pages.isEmpty()) {
      d.append(" none (derived from the catalogue)");
    }
    for (Page p : pages) {
      d.append(' ').append(p.title()).append(" [").append(String.join(", ", p.items())).append(']');
    }
    return d.toString();
  }

  private static boolean storeOf(Handle h, UUID org, UUID store) {
    return h.createQuery("select 1 from store where organisation_id = :org and id = :store")
        .bind("org", org)
        .bind("store", store)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  private static Layout read(Handle h, UUID org, UUID store) {
    long version =
        h.createQuery(
                "select version from quick_key_layout where organisation_id = :org and store_id = :store")
            .bind("org", org)
            .bind("store", store)
            .mapTo(Long.class)
            .findOne()
            .orElse(0L);
    Map<Integer, String> titles = new LinkedHashMap<>();
    h.createQuery(
            "select position, title from quick_key_page where organisation_id = :org"
                + " and store_id = :store order by position")
        .bind("org", org)
        .bind("store", store)
        .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
        .forEach(e -> titles.put(e.getKey(), e.getValue()));
    Map<Integer, List<Key>> keys = new LinkedHashMap<>();
    h.createQuery(
            "select k.page, i.id, i.name, i.price, i.active from quick_key k join item i"
                + " on i.organisation_id = k.organisation_id and i.id = k.item_id"
                + " where k.organisation_id = :org and k.store_id = :store"
                + " order by k.page, k.position")
        .bind("org", org)
        .bind("store", store)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getInt(1),
                    new Key(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5))))
        .forEach(e -> keys.computeIfAbsent(e.getKey(), p -> new ArrayList<>()).add(e.getValue()));
    List<ShownPage> pages = new ArrayList<>();
    titles.forEach((p, t) -> pages.add(new ShownPage(t, keys.getOrDefault(p, List.of()))));
    return new Layout(store, version, pages);
  }

  private static Map<String, Key> keys(Handle h, UUID org, Set<String> ids) {
    Map<String, Key> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(
            "select id, name, price, active from item where organisation_id = :org and id in (<ids>)")
        .bind("org", org)
        .bindList("ids", List.copyOf(ids))
        .map(
            (rs, ctx) ->
                new Key(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getLong("price"),
                    rs.getBoolean("active")))
        .forEach(k -> out.put(k.item(), k));
    return out;
  }
}
