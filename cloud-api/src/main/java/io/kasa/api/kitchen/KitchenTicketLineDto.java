package io.kasa.api.kitchen;

import io.kasa.api.sales.ChosenModifierDto;
import java.util.List;
import java.util.UUID;

/**
 * A line on a kitchen ticket: no prices, only what to make.
 *
 * @param lineId the check's line
 * @param itemId the item
 * @param name its name
 * @param quantity a decimal quantity, e.g. "2" or "0.350"
 * @param seat the guest's seat, or 0 for the table
 * @param course the course, or 0
 * @param modifiers the options chosen, with their names
 * @param note the guest's note, or null
 */
public record KitchenTicketLineDto(
    UUID lineId,
    String itemId,
    String name,
    String quantity,
    int seat,
    int course,
    List<ChosenModifierDto> modifiers,
    String note) {

  public KitchenTicketLineDto {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }
}
