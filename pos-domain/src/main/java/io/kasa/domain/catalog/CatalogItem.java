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
    PriceLimits priceLimits) {

  public CatalogItem {
    requireText(id, "id");
    requireText(sku, "sku");
    requireText(name, "name");
    barcodes = List.copyOf(Objects.requireNonNull(barcodes, "barcodes"));
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(price, "price");
    requireText(taxClass, "taxClass");
    priceLimits = priceLimits == null ? PriceLimits.NONE : priceLimits;
    if (price.isNegative()) {
      throw new IllegalArgumentException("Price of " + sku + " cannot be negative: " + price);
    }
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
        id, sku, name, barcodes, unit, price, taxClass, true, ageRestricted, limits);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Catalogue item " + field + " must not be blank");
    }
  }
}
