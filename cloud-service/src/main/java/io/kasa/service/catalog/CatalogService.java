package io.kasa.service.catalog;

import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.TaxClassDto;
import io.kasa.service.auth.Principal;
import io.kasa.service.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Catalogue delta sync. Changes are read in sequence order after a cursor; each page gives the
 * current state of what changed, so a page can be applied as it is. Because writers of one
 * organisation are serialised (CatalogWriter), a change never commits behind a cursor already
 * handed out.
 */
public final class CatalogService {

  public static final int MAX_LIMIT = 5_000;

  private final Jdbi jdbi;

  public CatalogService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public CatalogChanges changes(Principal who, String since, Integer limit) {
    long cursor = cursor(since);
    int n = limit == null ? 1_000 : limit;
    if (n < 1 || n > MAX_LIMIT) {
      throw ApiException.invalid("/limit", "limit is 1 to " + MAX_LIMIT);
    }
    return jdbi.inTransaction(
        h -> {
          List<Map<String, Object>> rows =
              h.createQuery(
                      "select seq, kind, key from catalog_change where organisation_id = :org and seq > :since"
                          + " order by seq limit :limit")
                  .bind("org", who.organisationId())
                  .bind("since", cursor)
                  .bind("limit", n + 1)
                  .mapToMap()
                  .list();
          boolean more = rows.size() > n;
          List<Map<String, Object>> page = more ? rows.subList(0, n) : rows;
          Set<String> items = new LinkedHashSet<>();
          Set<String> taxes = new LinkedHashSet<>();
          long last = cursor;
          boolean layout = false;
          String store = who.storeId() == null ? null : who.storeId().toString();
          for (Map<String, Object> r : page) {
            String kind = (String) r.get("kind");
            String key = (String) r.get("key");
            switch (kind) {
              case "ITEM" -> items.add(key);
              case "TAX_CLASS" -> taxes.add(key);
              // Another store's layout is not this till's news (ADR 0052).
              case "QUICK_KEYS" -> layout |= key.equals(store);
              default -> throw new IllegalStateException("Unknown catalogue change " + kind);
            }
            last = ((Number) r.get("seq")).longValue();
          }
          if (who.terminalId() != null) {
            // Where this till now is in the catalogue (ADR 0046): it applies the page it fetches.
            h.createUpdate(
                    "insert into terminal_catalog_position (organisation_id, terminal_id, cursor)"
                        + " values (:org, :terminal, :cursor)"
                        + " on conflict (organisation_id, terminal_id)"
                        + " do update set cursor = excluded.cursor, at = now()")
                .bind("org", who.organisationId())
                .bind("terminal", who.terminalId())
                .bind("cursor", last)
                .execute();
          }
          return new CatalogChanges(
              loadItems(h, who.organisationId(), items),
              loadTaxes(h, who, taxes),
              Long.toString(last),
              more,
              layout ? QuickKeysOffice.forTills(h, who.organisationId(), who.storeId()) : null);
        });
  }

  private static long cursor(String since) {
    if (since == null || since.isBlank()) {
      return 0;
    }
    try {
      long c = Long.parseLong(since);
      if (c < 0) {
        throw new NumberFormatException();
      }
      return c;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(
          "/since", "since is a cursor from a previous page, or empty for the start");
    }
  }

  /** The items of {@code ids} as they are now, in that order (those that exist). */
  static List<ItemDto> loadItems(Handle h, UUID org, Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> codes = new LinkedHashMap<>();
    h.createQuery(
            "select item_id, code from barcode where organisation_id = :org and item_id in (<ids>) order by code")
        .bind("org", org)
        .bindList("ids", List.copyOf(ids))
        .mapToMap()
        .forEach(
            r ->
                codes
                    .computeIfAbsent((String) r.get("item_id"), k -> new ArrayList<>())
                    .add((String) r.get("code")));
    Map<String, List<io.kasa.api.catalog.ModifierGroupDto>> groups =
        ModifierStore.groupsOf(h, org, ids);
    Map<String, ItemDto> byId = new LinkedHashMap<>();
    h.createQuery(
            "select id, sku, name, unit, price, tax_class, category, open_price, age_restricted, active,"
                + " min_price, max_price from item"
                + " where organisation_id = :org and id in (<ids>)")
        .bind("org", org)
        .bindList("ids", List.copyOf(ids))
        .map(
            (rs, ctx) ->
                new ItemDto(
                    rs.getString("id"),
                    rs.getString("sku"),
                    rs.getString("name"),
                    codes.getOrDefault(rs.getString("id"), List.of()),
                    rs.getString("unit"),
                    rs.getLong("price"),
                    rs.getString("tax_class"),
                    rs.getString("category"),
                    rs.getBoolean("open_price"),
                    rs.getBoolean("age_restricted"),
                    rs.getBoolean("active"),
                    rs.getObject("min_price", Long.class),
                    rs.getObject("max_price", Long.class),
                    groups.getOrDefault(rs.getString("id"), List.of())))
        .forEach(i -> byId.put(i.id(), i));
    List<ItemDto> ordered = new ArrayList<>();
    for (String id : ids) {
      ItemDto item = byId.get(id);
      if (item != null) {
        ordered.add(item);
      }
    }
    return ordered;
  }

  private static List<TaxClassDto> loadTaxes(Handle h, Principal who, Set<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            "select code, label, rate from tax_class where organisation_id = :org and code in (<codes>) order by code")
        .bind("org", who.organisationId())
        .bindList("codes", List.copyOf(codes))
        .map(
            (rs, ctx) ->
                new TaxClassDto(
                    rs.getString("code"),
                    rs.getString("label"),
                    rs.getBigDecimal("rate").stripTrailingZeros().toPlainString()))
        .list();
  }
}
