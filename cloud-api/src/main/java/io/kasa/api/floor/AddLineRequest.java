package io.kasa.api.floor;

import io.kasa.api.sales.ChosenModifierDto;
import java.util.List;
import java.util.UUID;

/**
 * Adds an item to a check at its catalogue price ({@code POST /v1/checks/{id}/lines}); the same
 * {@code id} again adds nothing. Any terminal may add to any open check, without naming a version.
 *
 * @param id the line's UUID, created on the terminal
 * @param itemId the catalogue item
 * @param quantity a decimal quantity greater than 0, at most 10000
 * @param seat the guest's seat, or 0 (or null) for the table
 * @param modifiers the options chosen, checked against the catalogue as a sale line's are (ADR
 *     0043); null or empty for none
 * @param note the guest's note for the kitchen, at most 200 characters, or null
 * @param course the course the line belongs to, 1 to 9, or 0 (or null): sent with the next send
 */
public record AddLineRequest(
    UUID id,
    String itemId,
    String quantity,
    Integer seat,
    List<ChosenModifierDto> modifiers,
    String note,
    Integer course) {

  /** A line without options, note or course. */
  public AddLineRequest(UUID id, String itemId, String quantity, Integer seat) {
    this(id, itemId, quantity, seat, null, null, null);
  }
}
