package io.kasa.domain.sale;

import java.util.List;
import java.util.Objects;

/**
 * What was asked for with an item: the options chosen, by group and option id, and a free-text note
 * for the kitchen or the bar («без цибулі»). {@link Modifiers#resolve} checks it against the item.
 *
 * @param choices the options chosen, in the order they were chosen
 * @param note the line's note, or {@code null}; blank counts as none
 */
public record ModifierSelection(List<Choice> choices, String note) {

  /** No options and no note. */
  public static final ModifierSelection NONE = new ModifierSelection(List.of(), null);

  /** The longest note a line takes, in characters. */
  public static final int NOTE_MAX = 200;

  /** One option of one group. */
  public record Choice(String groupId, String optionId) {
    public Choice {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(optionId, "optionId");
    }
  }

  public ModifierSelection {
    choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
    note = note == null || note.isBlank() ? null : note.strip();
  }

  public static ModifierSelection of(String note, Choice... choices) {
    return new ModifierSelection(List.of(choices), note);
  }
}
