package io.kasa.api.office;

import java.time.Instant;

/**
 * An enrolled till and whether its register has an item's last change.
 *
 * @param id the terminal
 * @param code its code
 * @param name its name
 * @param store its store's name
 * @param applied whether it has fetched and applied the catalogue up to the change
 * @param seenAt when it last fetched catalogue changes, or null if never
 */
public record OfficeCatalogueTill(
    String id, String code, String name, String store, boolean applied, Instant seenAt) {}
