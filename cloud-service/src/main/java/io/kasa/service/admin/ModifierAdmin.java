package io.kasa.service.admin;

import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.catalog.ModifierOptionDto;
import io.kasa.service.catalog.ModifierStore;
import io.kasa.service.db.Invalidations;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * A manager's edits of modifier groups (ADR 0043): a group with its options, and the groups an item
 * offers. The tills hear of each within seconds, through the catalogue feed (ADR 0028).
 */
public final class ModifierAdmin {

  private final Jdbi jdbi;
  private final Consumer<Invalidations.Topic> changed;

  ModifierAdmin(Jdbi jdbi, Consumer<Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.changed = changed;
  }

  /** Creates or replaces a group and its options; every item offering it is sent again. */
  public void putGroup(UUID org, ModifierGroupDto group) {
    jdbi.useTransaction(h -> ModifierStore.putGroup(h, org, group));
    changed.accept(Invalidations.Topic.CATALOG);
  }

  /**
   * Sets the groups an item (id or SKU) offers, in the order they are asked; none removes them.
   * Answers the item's id.
   */
  public String setItemGroups(UUID org, String item, List<String> groups) {
    String id = jdbi.inTransaction(h -> ModifierStore.setItemGroups(h, org, item, groups));
    changed.accept(Invalidations.Topic.CATALOG);
    return id;
  }

  /**
   * An option as the command line writes it: {@code ID=NAME=DELTA}, the delta in minor units
   * (optional, 0 when left out; negative takes off), e.g. {@code oat=Вівсяне=1500}.
   */
  public static ModifierOptionDto option(String spec) {
    String[] parts = spec.split("=", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "An option is ID=NAME or ID=NAME=DELTA (minor units), not " + spec);
    }
    long delta;
    try {
      delta = parts.length == 3 ? Long.parseLong(parts[2].strip()) : 0;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The delta of option " + parts[0] + " is a whole number of minor units: " + parts[2]);
    }
    return new ModifierOptionDto(parts[0].strip(), parts[1].strip(), delta);
  }

  /** Options as the command line writes them, in order. */
  public static List<ModifierOptionDto> options(List<String> specs) {
    List<ModifierOptionDto> out = new ArrayList<>();
    for (String s : specs) {
      out.add(option(s));
    }
    return out;
  }
}
