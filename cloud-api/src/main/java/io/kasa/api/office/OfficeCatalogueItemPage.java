package io.kasa.api.office;

import io.kasa.api.catalog.ItemDto;
import java.util.List;

/**
 * A page of the catalogue's items in id order.
 *
 * @param items the items
 * @param nextAfter send as {@code after} for the next page; null on the last page
 */
public record OfficeCatalogueItemPage(List<ItemDto> items, String nextAfter) {}
