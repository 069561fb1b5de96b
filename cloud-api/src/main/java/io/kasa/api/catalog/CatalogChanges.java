package io.kasa.api.catalog;

import java.util.List;

/**
 * One page of catalogue changes after a cursor, in the order they were committed.
 *
 * @param items items changed (their whole current state)
 * @param taxClasses tax classes changed
 * @param nextCursor pass as {@code since} for the next page
 * @param more whether more changes wait after this page
 */
public record CatalogChanges(
    List<ItemDto> items, List<TaxClassDto> taxClasses, String nextCursor, boolean more) {}
