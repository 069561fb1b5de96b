package io.kasa.domain.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set of choices an item offers when it is sold, e.g. «Ступінь просмаження» (choose exactly one)
 * or «Додатки» (choose up to three). A group with {@code minChoices ≥ 1} is required.
 *
 * @param id stable identifier, unique in the organisation
 * @param name the name shown above the choices, in the catalogue's language
 * @param minChoices how many options must be chosen at least; 0 for an optional group
 * @param maxChoices how many options may be chosen at most; at least 1 and at least {@code
 *     minChoices}, at most the number of options
 * @param options the choices in the order they are shown, ids unique
 */
public record ModifierGroup(
    String id, String name, int minChoices, int maxChoices, List<ModifierOption> options) {

  public ModifierGroup {
    CatalogItem.requireText(id, "modifier group id");
    CatalogItem.requireText(name, "modifier group name");
    options = List.copyOf(Objects.requireNonNull(options, "options"));
    if (options.isEmpty()) {
      throw new IllegalArgumentException("Modifier group " + id + " has no options");
    }
    if (minChoices < 0 || maxChoices < 1 || maxChoices < minChoices) {
      throw new IllegalArgumentException(
          "Modifier group " + id + ": choose from " + minChoices + " to " + maxChoices);
    }
    if (maxChoices > options.size()) {
      throw new IllegalArgumentException(
          "Modifier group "
              + id
              + " allows "
              + maxChoices
              + " choices but has "
              + options.size()
              + " options");
    }
    Set<String> ids = new HashSet<>();
    for (ModifierOption o : options) {
      if (!ids.add(o.id())) {
        throw new IllegalArgumentException("Modifier group " + id + " repeats option " + o.id());
      }
    }
  }

  /** Whether at least one option must be chosen. */
  public boolean required() {
    return minChoices > 0;
  }

  public Optional<ModifierOption> option(String optionId) {
    return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
  }
}
