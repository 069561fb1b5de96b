package io.kasa.api.office;

import io.kasa.api.catalog.ItemDto;
import java.util.List;

/**
 * One item and where its last change has got to.
 *
 * @param item the item as it is now
 * @param change the last change's number in the catalogue's changes (0: none recorded)
 * @param applied how many of the tills have it
 * @param tills the enrolled tills the account may see
 */
public record OfficeCatalogueItemDetail(
    ItemDto item, long change, long applied, List<OfficeCatalogueTill> tills) {}
