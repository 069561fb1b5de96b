package io.kasa.api.office;

/**
 * A quick key: its item as now in the catalogue.
 *
 * @param item the item's id
 * @param name its name
 * @param price its price in minor units
 * @param active whether the tills sell it (an inactive item's key is not shown at the register)
 */
public record OfficeQuickKeysKey(String item, String name, long price, boolean active) {}
