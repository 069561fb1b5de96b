package io.kasa.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of catalogue changes after a cursor, in the order they were committed.
 *
 * @param items items changed (their whole current state)
 * @param taxClasses tax classes changed
 * @param nextCursor pass as {@code since} for the next page
 * @param more whether more changes wait after this page
 * @param quickKeys the calling till's store's quick-key layout when it changed within the page (ADR
 *     0052), otherwise null
 */
public record CatalogChanges(
    List<ItemDto> items,
    List<TaxClassDto> taxClasses,
    String nextCursor,
    boolean more,
    @JsonInclude(JsonInclude.Include.NON_NULL) QuickKeysDto quickKeys) {

  /** A page that carries no quick-key layout. */
  public CatalogChanges(
      List<ItemDto> items, List<TaxClassDto> taxClasses, String nextCursor, boolean more) {
    this(items, taxClasses, nextCursor, more, null);
  }
}
