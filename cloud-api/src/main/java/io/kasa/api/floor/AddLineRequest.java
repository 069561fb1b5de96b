package io.kasa.api.floor;

import java.util.UUID;

/**
 * Adds an item to a check at its catalogue price ({@code POST /v1/checks/{id}/lines}); the same
 * {@code id} again adds nothing. Any terminal may add to any open check, without naming a version.
 *
 * @param id the line's UUID, created on the terminal
 * @param itemId the catalogue item
 * @param quantity a decimal quantity greater than 0, at most 10000
 * @param seat the guest's seat, or 0 (or null) for the table
 */
public record AddLineRequest(UUID id, String itemId, String quantity, Integer seat) {}
