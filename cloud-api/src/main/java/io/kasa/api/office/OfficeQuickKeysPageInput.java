package io.kasa.api.office;

import java.util.List;

/**
 * A page as saved.
 *
 * @param title what its button says: 1 to 40 characters, unique in the layout
 * @param items its items' ids in order: at most 60, none twice
 */
public record OfficeQuickKeysPageInput(String title, List<String> items) {}
