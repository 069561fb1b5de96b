package io.kasa.api.office;

import java.util.List;

/**
 * A store's quick-key layout as the back office shows it (ADR 0052).
 *
 * @param store the store's id
 * @param version name it when saving; 0 before the first save
 * @param pages the pages in the register's order (none: the register derives its keys from the
 *     catalogue)
 */
public record OfficeQuickKeys(String store, long version, List<OfficeQuickKeysPage> pages) {}
