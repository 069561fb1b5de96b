package io.kasa.api.catalog;

import java.util.List;

/**
 * A catalogue item as it is now.
 *
 * @param id stable identifier
 * @param sku stock-keeping unit
 * @param name display and receipt name
 * @param barcodes GTINs and in-store codes
 * @param unit EACH, KILOGRAM or LITRE
 * @param price price per unit in minor units
 * @param taxClass the tax class code
 * @param category category name, or null
 * @param openPrice whether the price is entered at sale time
 * @param ageRestricted whether an age check is needed
 * @param active false when the item was withdrawn (kept for old sales and refunds)
 * @param minPrice for an open-price item, the lowest price it may be sold at (minor units), or null
 * @param maxPrice for an open-price item, the highest price it may be sold at (minor units), or
 *     null
 * @param modifierGroups the choices the item offers when sold, in the order they are asked (ADR
 *     0043); empty, or absent from an older service, when none
 */
public record ItemDto(
    String id,
    String sku,
    String name,
    List<String> barcodes,
    String unit,
    long price,
    String taxClass,
    String category,
    boolean openPrice,
    boolean ageRestricted,
    boolean active,
    Long minPrice,
    Long maxPrice,
    List<ModifierGroupDto> modifierGroups) {

  public ItemDto {
    modifierGroups = modifierGroups == null ? List.of() : List.copyOf(modifierGroups);
  }

  /** An item with no modifier groups. */
  public ItemDto(
      String id,
      String sku,
      String name,
      List<String> barcodes,
      String unit,
      long price,
      String taxClass,
      String category,
      boolean openPrice,
      boolean ageRestricted,
      boolean active,
      Long minPrice,
      Long maxPrice) {
    this(
        id,
        sku,
        name,
        barcodes,
        unit,
        price,
        taxClass,
        category,
        openPrice,
        ageRestricted,
        active,
        minPrice,
        maxPrice,
        List.of());
  }

  /** An item with no price limits. */
  public ItemDto(
      String id,
      String sku,
      String name,
      List<String> barcodes,
      String unit,
      long price,
      String taxClass,
      String category,
      boolean openPrice,
      boolean ageRestricted,
      boolean active) {
    this(
        id,
        sku,
        name,
        barcodes,
        unit,
        price,
        taxClass,
        category,
        openPrice,
        ageRestricted,
        active,
        null,
        null);
  }
}
