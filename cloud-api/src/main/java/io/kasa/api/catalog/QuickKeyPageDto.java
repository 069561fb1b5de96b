package io.kasa.api.catalog;

import java.util.List;

/**
 * A page of the register's quick keys as a till receives it (ADR 0052).
 *
 * @param title what its category button says
 * @param items the ids of its keys' items, in order
 */
public record QuickKeyPageDto(String title, List<String> items) {}
