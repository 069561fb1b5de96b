package io.kasa.api.catalog;

import java.util.List;

/**
 * The quick-key layout of a till's store as arranged in the back office (ADR 0052): pages in the
 * order the register shows them. No pages: the register derives its keys from the catalogue.
 *
 * @param version the layout's version
 * @param pages its pages in order
 */
public record QuickKeysDto(long version, List<QuickKeyPageDto> pages) {}
