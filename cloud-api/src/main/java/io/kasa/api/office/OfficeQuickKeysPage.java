package io.kasa.api.office;

import java.util.List;

/**
 * A page of quick keys: the register's category button and its keys in order.
 *
 * @param title what the button says
 * @param keys its keys in order
 */
public record OfficeQuickKeysPage(String title, List<OfficeQuickKeysKey> keys) {}
