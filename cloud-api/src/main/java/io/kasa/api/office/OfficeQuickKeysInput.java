package io.kasa.api.office;

import java.util.List;

/**
 * A store's whole quick-key layout as saved (ADR 0052).
 *
 * @param version the version it was edited from (0 for a store with none yet); another saved since
 *     is a 409
 * @param pages the pages in order
 */
public record OfficeQuickKeysInput(long version, List<OfficeQuickKeysPageInput> pages) {}
