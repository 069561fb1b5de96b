package io.kasa.api.floor;

import java.util.UUID;

/**
 * An item on a check.
 *
 * @param id the line
 * @param itemId the catalogue item
 * @param name its name when added
 * @param quantity a decimal quantity, e.g. "2" or "0.350"
 * @param unitPrice the catalogue price when added, in minor units
 * @param amount quantity × unit price, rounded half up, in minor units
 * @param seat the guest's seat, or 0 for the table
 */
public record CheckLineDto(
    UUID id, String itemId, String name, String quantity, long unitPrice, long amount, int seat) {}
