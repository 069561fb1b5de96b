package io.kasa.terminal.app;

import io.kasa.client.store.CatalogReplica;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.sale.Catalog;
import java.util.List;
import java.util.Optional;

/** The sale screen's catalogue over the terminal's local replica: barcode first, then id (PLU). */
final class ReplicaCatalog implements Catalog {

  private final CatalogReplica replica;

  ReplicaCatalog(CatalogReplica replica) {
    this.replica = replica;
  }

  @Override
  public Optional<CatalogItem> byCode(String code) {
    Optional<CatalogItem> item = replica.byBarcode(code);
    if (item.isEmpty() && code.length() == 14 && code.startsWith("0")) {
      item = replica.byBarcode(code.substring(1));
    }
    return item.isPresent() ? item : replica.byId(code);
  }

  @Override
  public List<CatalogItem> search(String typed, int limit) {
    return replica.search(typed, limit);
  }

  @Override
  public List<String> categories() {
    return replica.categories();
  }

  @Override
  public List<CatalogItem> inCategory(String category, int limit) {
    return replica.inCategory(category, limit);
  }
}
