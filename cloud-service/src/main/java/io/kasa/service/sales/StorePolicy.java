package io.kasa.service.sales;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxMode;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Reads a store's sale rules and catalogue items, always within one organisation. */
final class StorePolicy {

  private StorePolicy() {}

  static SalePolicy load(Handle h, UUID org, UUID store) {
    return rules(h, org, store).policy();
  }

  /**
   * A store's sale rules, the price cut a cashier may make without a manager, and its tip rules.
   */
  record Rules(SalePolicy policy, BigDecimal overrideLimit, io.kasa.domain.tender.TipRules tips) {}

  static Rules rules(Handle h, UUID org, UUID store) {
    // The store's rules and its organisation's tax classes in one round trip: one row per class.
    List<Map<String, Object>> rows =
        h.createQuery(
                "select s.currency, s.tax_mode, s.tax_rounding, s.cash_increment,"
                    + " s.price_override_limit, s.tips_enabled, s.tip_presets, s.tip_max_percent,"
                    + " c.code, c.label, c.rate from store s"
                    + " left join tax_class c on c.organisation_id = s.organisation_id"
                    + " where s.organisation_id = :org and s.id = :id order by c.code")
            .bind("org", org)
            .bind("id", store)
            .mapToMap()
            .list();
    if (rows.isEmpty()) {
      throw new IllegalStateException("No store " + store + " in organisation " + org);
    }
    Map<String, Object> s = rows.get(0);
    List<TaxRate> rates = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      if (r.get("code") != null) {
        rates.add(
            new TaxRate(
                (String) r.get("code"),
                (String) r.get("label"),
                new Percent((BigDecimal) r.get("rate"))));
      }
    }
    return new Rules(
        policy(
            (String) s.get("currency"),
            (String) s.get("tax_mode"),
            (String) s.get("tax_rounding"),
            ((Number) s.get("cash_increment")).longValue(),
            rates),
        (BigDecimal) s.get("price_override_limit"),
        io.kasa.service.admin.StoreTips.of(s));
  }

  /** A store's sale rules from its columns and its organisation's tax rates. */
  static SalePolicy policy(
      String currencyCode,
      String taxMode,
      String taxRounding,
      long cashIncrement,
      List<TaxRate> rates) {
    Currency currency = Currency.getInstance(currencyCode.trim());
    TaxPolicy tax =
        new TaxPolicy(
            TaxMode.valueOf(taxMode),
            TaxRounding.valueOf(taxRounding),
            RoundingMode.HALF_UP,
            rates);
    return SalePolicy.of(currency, tax, CashRounding.to(Money.of(cashIncrement, currency)));
  }

  /**
   * Whether the item changed in the catalogue at or after {@code since}: asked only when a sale's
   * price is not the catalogue's, so the common sale pays nothing for it.
   */
  static boolean itemChangedSince(Handle h, UUID org, String item, java.time.Instant since) {
    return h.createQuery(
            "select exists (select 1 from catalog_change where organisation_id = :org"
                + " and kind = 'ITEM' and key = :item and changed_at >= :since)")
        .bind("org", org)
        .bind("item", item)
        .bind("since", since.atOffset(java.time.ZoneOffset.UTC))
        .mapTo(Boolean.class)
        .one();
  }

  /** The items with these ids in the organisation's catalogue, by id. */
  static Map<String, CatalogItem> items(
      Handle h, UUID org, Collection<String> ids, Currency currency) {
    Map<String, CatalogItem> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<String, List<io.kasa.api.catalog.ModifierGroupDto>> groups =
        io.kasa.service.catalog.ModifierStore.groupsOf(h, org, ids);
    h.createQuery(
            "select id, sku, name, unit, price, tax_class, open_price, age_restricted, min_price,"
                + " max_price from item"
                + " where organisation_id = :org and id = any(:ids)")
        .bind("org", org)
        .bindArray("ids", String.class, ids)
        .map(
            (rs, ctx) ->
                item(
                    rs.getString("id"),
                    rs.getString("sku"),
                    rs.getString("name"),
                    rs.getString("unit"),
                    rs.getLong("price"),
                    rs.getString("tax_class"),
                    rs.getBoolean("open_price"),
                    rs.getBoolean("age_restricted"),
                    rs.getObject("min_price", Long.class),
                    rs.getObject("max_price", Long.class),
                    groups.getOrDefault(rs.getString("id"), List.of()),
                    currency))
        .forEach(i -> out.put(i.id(), i));
    return out;
  }

  /** An item of the catalogue as the sale engine reads it, from its row and its option groups. */
  static CatalogItem item(
      String id,
      String sku,
      String name,
      String unit,
      long price,
      String taxClass,
      boolean openPrice,
      boolean ageRestricted,
      Long minPrice,
      Long maxPrice,
      List<io.kasa.api.catalog.ModifierGroupDto> groups,
      Currency currency) {
    return new CatalogItem(
        id,
        sku,
        name,
        List.of(),
        Unit.valueOf(unit),
        Money.of(price, currency),
        taxClass,
        openPrice,
        ageRestricted,
        PriceLimits.of(minPrice, maxPrice, currency),
        modifierGroups(groups, currency));
  }

  /** The catalogue's groups as the sale engine reads them, deltas in the store's currency. */
  static List<io.kasa.domain.catalog.ModifierGroup> modifierGroups(
      List<io.kasa.api.catalog.ModifierGroupDto> groups, Currency currency) {
    return groups.stream()
        .map(
            g ->
                new io.kasa.domain.catalog.ModifierGroup(
                    g.id(),
                    g.name(),
                    g.minChoices(),
                    g.maxChoices(),
                    g.options().stream()
                        .map(
                            o ->
                                new io.kasa.domain.catalog.ModifierOption(
                                    o.id(), o.name(), Money.of(o.priceDelta(), currency)))
                        .toList()))
        .toList();
  }
}
