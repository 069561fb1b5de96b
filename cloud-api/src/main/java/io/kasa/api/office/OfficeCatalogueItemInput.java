package io.kasa.api.office;

import java.util.List;

/**
 * An item as the back office creates or changes it (ADR 0046); an existing item's open price,
 * limits, age restriction and modifier groups stay as they are.
 *
 * @param id a new item's id (omitted: one is made); ignored on a change (the path names the item)
 * @param sku its SKU
 * @param name its name
 * @param barcodes its barcodes, none held by another item
 * @param unit EACH, KILOGRAM or LITRE
 * @param price its price in minor units
 * @param taxClass an existing tax class's code
 * @param category its category, or null for none
 * @param active whether the tills sell it (omitted: true)
 */
public record OfficeCatalogueItemInput(
    String id,
    String sku,
    String name,
    List<String> barcodes,
    String unit,
    long price,
    String taxClass,
    String category,
    Boolean active) {}
