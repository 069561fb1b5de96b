package io.kasa.domain.catalog;

import io.kasa.domain.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * An item of the catalogue as it was when added to a sale: a sale keeps the prices it started with
 * even if the catalogue changes meanwhile.
 *
 * @param id stable identifier of the item
 * @param sku the merchant's stock-keeping unit
 * @param name the name printed on receipts
 * @param barcodes every GTIN or in-store code that identifies the item
 * @param unit the unit it is sold in
 * @param price the price per unit (VAT-inclusive or net, as the store's tax mode says)
 * @param taxClass the tax class whose rate applies
 * @param openPrice whether the cashier enters the price at sale time
 * @param ageRestricted whether the sale needs an age check
 * @param priceLimits for an open-price item, the lowest and highest price it may be sold at
 * @param modifierGroups the choices offered when it is sold, in the order they are asked (ADR 0043)
 */
public record CatalogItem(
    String id,
    String sku,
    String name,
    List<String> barcodes,
    Unit unit,
    Money price,
    String taxClass,
    boolean openPrice,
    boolean ageRestricted,
    PriceLimits priceLimits,
    List<ModifierGroup> modifierGroups) {

  public CatalogItem {
    requireText(id, "item id");
    requireText(sku, "item sku");
    requireText(name, "item name");
    barcodes = List.copyOf(Objects.requireNonNull(barcodes, "barcodes"));
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(price, "price");
    requireText(taxClass, "item taxClass");
    priceLimits = priceLimits == null ? PriceLimits.NONE : priceLimits;
    modifierGroups = modifierGroups == null ? List.of() : List.copyOf(modifierGroups);
    java.util.Set<String> groupIds = new java.util.HashSet<>();
    for (ModifierGroup g : modifierGroups) {
      if (!groupIds.add(g.id())) {
        throw new IllegalArgumentException(sku + " has modifier group " + g.id() + " twice");
      }
    }
    if (price.isNegative()) {
      throw new IllegalArgumentException("Price of " + sku + " cannot be negative: " + price);
    }
  }

  /** An item with no modifier groups. */
  public CatalogItem(
      String id,
      String sku,
      String name,
      List<String> barcodes,
      Unit unit,
      Money price,
      String taxClass,
      boolean openPrice,
      boolean ageRestricted,
      PriceLimits priceLimits) {
    this(
        id,
        sku,
        name,
        barcodes,
        unit,
        price,
        taxClass,
        openPrice,
        ageRestricted,
        priceLimits,
        List.of());
  }

  /** An item with no price limits (a fixed-price item, or an open-price one with none). */
  public CatalogItem(
      String id,
      String sku,
      String name,
      List<String> barcodes,
      Unit unit,
      Money price,
      String taxClass,
      boolean openPrice,
      boolean ageRestricted) {
    this(
        id, sku, name, barcodes, unit, price, taxClass, openPrice, ageRestricted, PriceLimits.NONE);
  }

  /** A plain item sold by the piece at a fixed price. */
  public static CatalogItem each(String id, String sku, String name, Money price, String taxClass) {
    return new CatalogItem(id, sku, name, List.of(), Unit.EACH, price, taxClass, false, false);
  }

  public CatalogItem withOpenPrice() {
    return withOpenPrice(priceLimits);
  }

  /** The same item priced at the counter, within {@code limits}. */
  public CatalogItem withOpenPrice(PriceLimits limits) {
    return new CatalogItem(
        id,
        sku,
        name,
        barcodes,
        unit,
        price,
        taxClass,
        true,
        ageRestricted,
        limits,
        modifierGroups);
  }

  /** The same item at another price (a sale replayed at the price it was sold at). */
  public CatalogItem withPrice(Money newPrice) {
    return new CatalogItem(
        id,
        sku,
        name,
        barcodes,
        unit,
        newPrice,
        taxClass,
        openPrice,
        ageRestricted,
        priceLimits,
        modifierGroups);
  }

  /** The same item offering these modifier groups. */
  public CatalogItem withModifierGroups(List<ModifierGroup> groups) {
    return new CatalogItem(
        id,
        sku,
        name,
        barcodes,
        unit,
        price,
        taxClass,
        openPrice,
        ageRestricted,
        priceLimits,
        groups);
  }

  /** The item's group with this id. */
  public java.util.Optional<ModifierGroup> modifierGroup(String groupId) {
    return modifierGroups.stream().filter(g -> g.id().equals(groupId)).findFirst();
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Catalogue " + field + " must not be blank");
    }
  }
}
