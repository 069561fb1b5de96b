package io.kasa.domain.sale;

import static io.kasa.domain.sale.SaleRuleViolation.Rule;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a line's choices against its item's modifier groups (ADR 0043): every option must be one
 * of the item's, none twice; each group gets between its minimum and maximum; the note is at most
 * {@link ModifierSelection#NOTE_MAX} characters. The register and the service call the same check.
 */
public final class Modifiers {

  private Modifiers() {}

  /**
   * The options chosen, in the order of the item's groups and then of each group's options (so two
   * lines asking the same thing read the same), or a {@link SaleRuleViolation}.
   */
  public static List<ChosenModifier> resolve(CatalogItem item, ModifierSelection selection) {
    if (selection.note() != null && selection.note().length() > ModifierSelection.NOTE_MAX) {
      throw new SaleRuleViolation(
          Rule.NOTE_TOO_LONG,
          "A line's note is at most " + ModifierSelection.NOTE_MAX + " characters");
    }
    Map<String, Set<String>> chosen = new HashMap<>();
    for (ModifierSelection.Choice c : selection.choices()) {
      ModifierGroup group =
          item.modifierGroup(c.groupId())
              .orElseThrow(
                  () ->
                      new SaleRuleViolation(
                          Rule.MODIFIER_UNKNOWN,
                          item.name() + " has no modifier group " + c.groupId()));
      if (group.option(c.optionId()).isEmpty()) {
        throw new SaleRuleViolation(
            Rule.MODIFIER_UNKNOWN, group.name() + " has no option " + c.optionId());
      }
      if (!chosen.computeIfAbsent(group.id(), k -> new HashSet<>()).add(c.optionId())) {
        throw new SaleRuleViolation(
            Rule.MODIFIER_REPEATED, group.name() + ": " + c.optionId() + " is chosen twice");
      }
    }
    List<ChosenModifier> out = new ArrayList<>();
    for (ModifierGroup group : item.modifierGroups()) {
      Set<String> ids = chosen.getOrDefault(group.id(), Set.of());
      if (ids.size() < group.minChoices()) {
        throw new SaleRuleViolation(
            Rule.MODIFIER_REQUIRED,
            item.name() + ": choose at least " + group.minChoices() + " in " + group.name());
      }
      if (ids.size() > group.maxChoices()) {
        throw new SaleRuleViolation(
            Rule.MODIFIER_TOO_MANY,
            item.name() + ": choose at most " + group.maxChoices() + " in " + group.name());
      }
      for (ModifierOption option : group.options()) {
        if (ids.contains(option.id())) {
          out.add(ChosenModifier.of(group, option));
        }
      }
    }
    return out;
  }

  /**
   * The groups an item had as sold, rebuilt from the options a recorded line chose: each group
   * offers exactly what was chosen, at the delta and in the words recorded, optional, so replaying
   * the line (for a return) prices it as it was sold whatever the catalogue says today.
   */
  public static List<ModifierGroup> asSold(List<ChosenModifier> chosen) {
    Map<String, List<ChosenModifier>> byGroup = new java.util.LinkedHashMap<>();
    for (ChosenModifier m : chosen) {
      byGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m);
    }
    List<ModifierGroup> groups = new ArrayList<>();
    byGroup.forEach(
        (id, ms) ->
            groups.add(
                new ModifierGroup(
                    id,
                    ms.get(0).groupName(),
                    0,
                    ms.size(),
                    ms.stream()
                        .map(m -> new ModifierOption(m.optionId(), m.optionName(), m.priceDelta()))
                        .toList())));
    return groups;
  }

  /** The selection that chooses exactly these options, with this note. */
  public static ModifierSelection selectionOf(List<ChosenModifier> chosen, String note) {
    return new ModifierSelection(
        chosen.stream().map(m -> new ModifierSelection.Choice(m.groupId(), m.optionId())).toList(),
        note);
  }
}
