package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import java.util.List;
import java.util.Optional;

/** The catalogue as the sale screen uses it; backed by the terminal's local replica. */
public interface Catalog {

  /** The item with this barcode, PLU or id. */
  Optional<CatalogItem> byCode(String code);

  /** Items matching what was typed so far, best first. */
  List<CatalogItem> search(String typed, int limit);

  /** The categories, for the quick keys. */
  List<String> categories();

  /** A category's items, for its quick keys. */
  List<CatalogItem> inCategory(String category, int limit);
}
