package io.kasa.api.office;

import java.util.List;

/**
 * An item's stock at a store and a page of its movements, newest first.
 *
 * @param store the store
 * @param level the item's stock there now
 * @param movements the page's movements, each with the balance after it
 * @param next the {@code before} of the next (older) page, or null on the last
 */
public record OfficeStockMovementsPage(
    OfficeStockStore store,
    OfficeStockLevel level,
    List<OfficeStockMovement> movements,
    String next) {}
