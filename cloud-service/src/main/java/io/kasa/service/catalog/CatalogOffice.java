package io.kasa.service.catalog;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.TaxClassDto;
import io.kasa.service.audit.Audit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The catalogue as the back office reads and changes it (ADR 0046): items a page at a time in id
 * order (a keyset, so page 20,000 of a million items costs what page 1 does), searched by name,
 * SKU, id or barcode and filtered by category; one item with the tills that have its last change;
 * an item put, through {@link CatalogWriter} as every other writer, so the change reaches the tills
 * through their feed (ADR 0028) and is audited with the account that made it.
 */
public final class CatalogOffice {

  /** The most items a page lists. */
  public static final int MAX_LIMIT = 200;

  /** The most categories the filter offers. */
  public static final int MAX_CATEGORIES = 500;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /**
   * A page of items.
   *
   * @param items the items, in id order
   * @param next the id to list after for the next page, or null when this is the last
   */
  public record Listed(List<ItemDto> items, String next) {}

  /**
   * An enrolled till and whether it has an item's last change.
   *
   * @param id the terminal
   * @param code its code
   * @param name its name
   * @param store its store's name
   * @param applied whether its register has the change
   * @param seen when it last fetched catalogue changes, or null if never
   */
  public record Till(
      UUID id, String code, String name, String store, boolean applied, Instant seen) {}

  /**
   * Where an item's last change has got to.
   *
   * @param change its sequence number in the catalogue's changes, or 0 when it never changed here
   * @param tills the enrolled tills the account may see, each with whether it has the change
   */
  public record Reach(long change, List<Till> tills) {
    /** How many of the tills have it. */
    public long applied() {
      return tills.stream().filter(Till::applied).count();
    }
  }

  /**
   * An item as the back office puts it: what it edits. The rest of an existing item (open price,
   * limits, age restriction, modifier groups) stays as it is.
   *
   * @param id the item's id (for a new item: null to have one made)
   * @param sku its SKU
   * @param name its name
   * @param barcodes its barcodes, none held by another item
   * @param unit EACH, KILOGRAM or LITRE
   * @param price its price in minor units
   * @param taxClass an existing tax class's code
   * @param category its category, or null
   * @param active whether the tills sell it
   */
  public record Draft(
      String id,
      String sku,
      String name,
      List<String> barcodes,
      String unit,
      long price,
      String taxClass,
      String category,
      boolean active) {}

  private final Jdbi jdbi;

  public CatalogOffice(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A page of the organisation's items after {@code after} (null: from the start), those whose name
   * contains {@code query} (any case) or whose SKU, id or a barcode is it, in {@code category} when
   * given.
   */
  public Listed list(UUID org, String query, String category, String after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new CatalogProblem(
          "limit", "limit", "limit is 1 to " + MAX_LIMIT, Integer.toString(MAX_LIMIT));
    }
    String q = query == null || query.isBlank() ? null : query.trim();
    String cat = category == null || category.isBlank() ? null : category.trim();
    return jdbi.inTransaction(
        h -> {
          String sql = q == null ? plain(cat, after) : search(cat, after);
          var select = h.createQuery(sql).bind("org", org).bind("n", limit + 1);
          if (cat != null) {
            select.bind("cat", cat);
          }
          if (q != null) {
            select.bind("q", q).bind("like", "%" + likeEscaped(q) + "%");
          }
          if (after != null) {
            select.bind("after", after);
          }
          List<String> ids = select.mapTo(String.class).list();
          boolean more = ids.size() > limit;
          List<String> page = more ? ids.subList(0, limit) : ids;
          return new Listed(
              CatalogService.loadItems(h, org, new LinkedHashSet<>(page)),
              more ? page.get(page.size() - 1) : null);
        });
  }

  /** The page's item ids in id order, without a search. */
  private static String plain(String cat, String after) {
    return "select i.id from item i where i.organisation_id = :org"
        + filters(cat, after)
        + " order by i.id limit :n";
  }

  /**
   * The page's item ids matching a search: those whose name contains it (through the trigram index
   * of V47 when few do, along the primary key when many do: the planner chooses for this branch
   * alone, as it is ordered and limited by itself), and those whose SKU, id or a barcode is it.
   */
  private static String search(String cat, String after) {
    String f = filters(cat, after);
    return "select id from ((select i.id from item i where i.organisation_id = :org"
        + " and i.name ilike :like escape '\\'"
        + f
        + " order by i.id limit :n)"
        + " union (select i.id from item i where i.organisation_id = :org and i.sku = :q"
        + f
        + ") union (select i.id from item i where i.organisation_id = :org and i.id = :q"
        + f
        + ") union (select i.id from barcode b join item i on i.organisation_id = b.organisation_id"
        + " and i.id = b.item_id where b.organisation_id = :org and b.code = :q"
        + f
        + ")) m order by id limit :n";
  }

  private static String filters(String cat, String after) {
    return (cat != null ? " and i.category = :cat" : "")
        + (after != null ? " and i.id > :after" : "");
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The organisation's categories in order, found by skipping along their index. */
  public List<String> categories(UUID org) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "with recursive c (category) as ("
                        + " (select category from item where organisation_id = :org"
                        + " and category is not null order by category limit 1)"
                        + " union all"
                        + " select (select i.category from item i where i.organisation_id = :org"
                        + " and i.category > c.category order by i.category limit 1)"
                        + " from c where c.category is not null)"
                        + " select category from c where category is not null limit :n")
                .bind("org", org)
                .bind("n", MAX_CATEGORIES)
                .mapTo(String.class)
                .list());
  }

  /** The organisation's tax classes by code. */
  public List<TaxClassDto> taxClasses(UUID org) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select code, label, rate from tax_class where organisation_id = :org order by code")
                .bind("org", org)
                .map(
                    (rs, ctx) ->
                        new TaxClassDto(
                            rs.getString("code"),
                            rs.getString("label"),
                            rs.getBigDecimal("rate").stripTrailingZeros().toPlainString()))
                .list());
  }

  /** The currency prices are in: the organisation's stores' (UAH before it has a store). */
  public Currency currency(UUID org) {
    return jdbi.withHandle(h -> currency(h, org));
  }

  static Currency currency(Handle h, UUID org) {
    return Currency.getInstance(
        h.createQuery("select currency from store where organisation_id = :org limit 1")
            .bind("org", org)
            .mapTo(String.class)
            .findOne()
            .orElse("UAH")
            .trim());
  }

  /** The organisation's item {@code id}, if it has one. */
  public Optional<ItemDto> item(UUID org, String id) {
    return jdbi.withHandle(h -> CatalogService.loadItems(h, org, Set.of(id)).stream().findFirst());
  }

  /**
   * Which of the organisation's enrolled tills, in the stores {@code maySee} allows, have the
   * item's last change: those that have fetched the catalogue's changes up to it.
   */
  public Reach reach(UUID org, String item, Predicate<UUID> maySee) {
    return jdbi.withHandle(
        h -> {
          long change =
              h.createQuery(
                      "select coalesce(max(seq), 0) from catalog_change where organisation_id = :org"
                          + " and key = :key and kind = 'ITEM'")
                  .bind("org", org)
                  .bind("key", item)
                  .mapTo(Long.class)
                  .one();
          List<Till> tills = new ArrayList<>();
          h.createQuery(
                  "select t.id, t.code, t.name, t.store_id, s.name as store, p.cursor, p.at"
                      + " from terminal t join store s on s.organisation_id = t.organisation_id"
                      + " and s.id = t.store_id"
                      + " left join terminal_catalog_position p on p.organisation_id = t.organisation_id"
                      + " and p.terminal_id = t.id"
                      + " where t.organisation_id = :org and t.enrolled_at is not null"
                      + " and t.revoked_at is null order by s.name, t.code")
              .bind("org", org)
              .mapToMap()
              .forEach(
                  r -> {
                    if (!maySee.test((UUID) r.get("store_id"))) {
                      return;
                    }
                    Number cursor = (Number) r.get("cursor");
                    java.sql.Timestamp at = (java.sql.Timestamp) r.get("at");
                    tills.add(
                        new Till(
                            (UUID) r.get("id"),
                            (String) r.get("code"),
                            (String) r.get("name"),
                            (String) r.get("store"),
                            cursor != null && cursor.longValue() >= change,
                            at == null ? null : at.toInstant()));
                  });
          return new Reach(change, tills);
        });
  }

  /**
   * Puts a new item ({@code create}) or changes an existing one, for the back-office account {@code
   * account}, audited in the same transaction. Answers the item as now stored, or empty when {@code
   * create} is false and there is no such item; refuses a bad draft with a {@link CatalogProblem}.
   */
  public Optional<ItemDto> put(UUID org, UUID account, Draft draft, boolean create) {
    String sku = CatalogImport.required(draft.sku(), "sku");
    String name = CatalogImport.required(draft.name(), "name");
    if (sku.length() > 64) {
      throw new CatalogProblem("sku", "tooLong", "sku is longer than 64 characters", "sku", "64");
    }
    if (name.length() > 200) {
      throw new CatalogProblem(
          "name", "tooLong", "name is longer than 200 characters", "name", "200");
    }
    String unit = CatalogImport.unit(draft.unit() == null ? "" : draft.unit());
    if (draft.price() < 0 || draft.price() > 10_000_000_000L) {
      throw new CatalogProblem(
          "price",
          "amount",
          "price " + draft.price() + " is not 0 to 10,000,000,000 minor units",
          "price",
          Long.toString(draft.price()),
          "");
    }
    String category =
        draft.category() == null || draft.category().isBlank() ? null : draft.category().trim();
    if (category != null && category.length() > 100) {
      throw new CatalogProblem(
          "category", "tooLong", "category is longer than 100 characters", "category", "100");
    }
    List<String> barcodes = barcodes(draft.barcodes());
    String id =
        create && (draft.id() == null || draft.id().isBlank())
            ? UUID.randomUUID().toString()
            : draft.id().trim();
    if (!ID.matcher(id).matches()) {
      throw new CatalogProblem(
          "id", "id", "id is 1 to 64 letters, digits, '.', '_', ':' or '-'", id);
    }
    return jdbi.inTransaction(
        h -> {
          CatalogWriter writer = new CatalogWriter(h, org);
          Optional<ItemDto> before =
              CatalogService.loadItems(h, org, Set.of(id)).stream().findFirst();
          if (create && before.isPresent()) {
            throw new CatalogProblem("id", "idTaken", "item " + id + " exists already", id);
          }
          if (!create && before.isEmpty()) {
            return Optional.<ItemDto>empty();
          }
          Set<String> taxes =
              new HashSet<>(
                  h.createQuery("select code from tax_class where organisation_id = :org")
                      .bind("org", org)
                      .mapTo(String.class)
                      .list());
          String tax =
              CatalogImport.taxClass(draft.taxClass() == null ? "" : draft.taxClass(), taxes);
          h.createQuery(
                  "select code, item_id from barcode where organisation_id = :org"
                      + " and code = any(:codes) and item_id <> :id order by code limit 1")
              .bind("org", org)
              .bindArray("codes", String.class, barcodes)
              .bind("id", id)
              .mapToMap()
              .findOne()
              .ifPresent(
                  r -> {
                    throw new CatalogProblem(
                        "barcodes",
                        "barcodeTaken",
                        "barcode " + r.get("code") + " belongs to item " + r.get("item_id"),
                        (String) r.get("code"),
                        (String) r.get("item_id"));
                  });
          ItemDto old = before.orElse(null);
          ItemDto item =
              new ItemDto(
                  id,
                  sku,
                  name,
                  barcodes,
                  unit,
                  draft.price(),
                  tax,
                  category,
                  old != null && old.openPrice(),
                  old != null && old.ageRestricted(),
                  draft.active(),
                  old == null ? null : old.minPrice(),
                  old == null ? null : old.maxPrice(),
                  old == null ? List.of() : old.modifierGroups());
          writer.putItem(item);
          writer.flush();
          Audit.recordOffice(
              h,
              org,
              account,
              old == null ? "office.catalogue.item-created" : "office.catalogue.item-changed",
              describe(old, item));
          return Optional.of(item);
        });
  }

  /** What an audit entry says of a put: the item and, for a change, each field's old and new. */
  private static String describe(ItemDto old, ItemDto now) {
    StringBuilder d = new StringBuilder("item " + now.id());
    if (old == null) {
      return d.append(" (").append(now.sku()).append("): price ").append(now.price()).toString();
    }
    changed(d, "name", old.name(), now.name());
    changed(d, "price", old.price(), now.price());
    changed(d, "barcodes", old.barcodes(), now.barcodes());
    changed(d, "unit", old.unit(), now.unit());
    changed(d, "tax class", old.taxClass(), now.taxClass());
    changed(d, "category", old.category(), now.category());
    changed(d, "sku", old.sku(), now.sku());
    changed(d, "active", old.active(), now.active());
    return d.toString();
  }

  private static void changed(StringBuilder d, String field, Object was, Object now) {
    if (!java.util.Objects.equals(was, now)) {
      d.append("; ").append(field).append(' ').append(was).append(" → ").append(now);
    }
  }

  /** Barcodes trimmed, empty ones dropped, none twice, each at most 64 characters. */
  private static List<String> barcodes(List<String> given) {
    Set<String> codes = new LinkedHashSet<>();
    for (String b : given == null ? List.<String>of() : given) {
      String code = b == null ? "" : b.trim();
      if (code.isEmpty()) {
        continue;
      }
      if (code.length() > 64 || code.contains(";")) {
        throw new CatalogProblem(
            "barcodes",
            "barcode",
            "barcode " + code + " is not 1 to 64 characters without ';'",
            code);
      }
      codes.add(code);
    }
    return List.copyOf(codes);
  }

  /**
   * Imports a CSV file ({@link CatalogImport}: all or nothing) for the back-office account {@code
   * account}, audited when applied.
   */
  public CatalogImport.Result importCsv(UUID org, UUID account, java.io.Reader csv)
      throws java.io.IOException {
    return new CatalogImport(jdbi)
        .importCsv(
            org,
            csv,
            (h, n) ->
                Audit.recordOffice(
                    h, org, account, "office.catalogue.imported", n + " items imported from CSV"));
  }

  /** Writes the organisation's catalogue as CSV in the import's columns ({@link CatalogExport}). */
  public void exportCsv(UUID org, java.io.Writer out) throws java.io.IOException {
    new CatalogExport(jdbi).write(org, out);
  }
}
