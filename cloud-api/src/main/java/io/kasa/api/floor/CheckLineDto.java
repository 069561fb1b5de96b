package io.kasa.api.floor;

import io.kasa.api.sales.ChosenModifierDto;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item on a check.
 *
 * @param id the line
 * @param itemId the catalogue item
 * @param name its name when added
 * @param quantity a decimal quantity, e.g. "2" or "0.350"
 * @param unitPrice the item's own catalogue price when added, in minor units
 * @param amount quantity × (unit price + the options' deltas), rounded half up, in minor units
 * @param seat the guest's seat, or 0 for the table
 * @param modifiers the options chosen, with the catalogue's names and deltas when added
 * @param note the guest's note, or null
 * @param course the line's course, or 0 (send now)
 * @param sentAt when it reached the kitchen (sent, or its course fired), or null while it has not
 * @param heldAt when a send held it back until its course is fired (ADR 0056), or null: a line with
 *     {@code heldAt} and no {@code sentAt} is held; with neither it is not sent yet
 */
public record CheckLineDto(
    UUID id,
    String itemId,
    String name,
    String quantity,
    long unitPrice,
    long amount,
    int seat,
    List<ChosenModifierDto> modifiers,
    String note,
    int course,
    Instant sentAt,
    Instant heldAt) {

  public CheckLineDto {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  /** A line without options, note or course, not sent. */
  public CheckLineDto(
      UUID id, String itemId, String name, String quantity, long unitPrice, long amount, int seat) {
    this(id, itemId, name, quantity, unitPrice, amount, seat, List.of(), null, 0, null, null);
  }

  /** A line as it was before courses could be held (ADR 0053): never held. */
  public CheckLineDto(
      UUID id,
      String itemId,
      String name,
      String quantity,
      long unitPrice,
      long amount,
      int seat,
      List<ChosenModifierDto> modifiers,
      String note,
      int course,
      Instant sentAt) {
    this(
        id, itemId, name, quantity, unitPrice, amount, seat, modifiers, note, course, sentAt, null);
  }

  /** Whether a send held it back for its course to be fired, and it has not been yet. */
  public boolean held() {
    return heldAt != null && sentAt == null;
  }

  /** What each unit is charged: the item's price and its options' deltas. */
  public long chargedUnitPrice() {
    return unitPrice + modifiers.stream().mapToLong(ChosenModifierDto::priceDelta).sum();
  }
}
