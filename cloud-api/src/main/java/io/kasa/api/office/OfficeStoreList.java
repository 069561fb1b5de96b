package io.kasa.api.office;

import java.util.List;

/**
 * The stores the account may see, by name.
 *
 * @param stores the stores
 */
public record OfficeStoreList(List<OfficeStoreRow> stores) {}
