package io.kasa.service.cli;

import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.service.admin.AdminService;
import io.kasa.service.admin.ModifierAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The admin commands for modifier groups (ADR 0043). */
final class ModifierCommands {

  private ModifierCommands() {}

  @Command(
      name = "set-modifier-group",
      mixinStandardHelpOptions = true,
      description =
          "Create or replace a modifier group and its options, e.g. milk for a latte; the items"
              + " offering it reach the tills within seconds.")
  static final class SetModifierGroup extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--group", required = true, description = "The group's id, e.g. milk")
    String group;

    @Option(
        names = "--name",
        required = true,
        description = "The name the register and receipts show, e.g. Молоко")
    String name;

    @Option(
        names = "--min",
        defaultValue = "0",
        description = "Options to choose at least; 1 or more makes the group required")
    int min;

    @Option(names = "--max", defaultValue = "1", description = "Options to choose at most")
    int max;

    @Option(
        names = "--option",
        required = true,
        description =
            "An option as ID=NAME=DELTA, the delta in minor units added to each unit (0 when left"
                + " out, negative takes off), e.g. oat=Вівсяне=1500; repeat for each, in order")
    List<String> options = new ArrayList<>();

    @Override
    String run(AdminService admin) {
      admin
          .modifiers()
          .putGroup(
              org, new ModifierGroupDto(group, name, min, max, ModifierAdmin.options(options)));
      return "modifier group " + group + " has " + options.size() + " options";
    }
  }

  @Command(
      name = "set-item-modifiers",
      mixinStandardHelpOptions = true,
      description =
          "Set the modifier groups an item offers, in the order the register asks them; without"
              + " --group the item offers none.")
  static final class SetItemModifiers extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--item", required = true, description = "The item's id or SKU")
    String item;

    @Option(names = "--group", description = "A group's id; repeat for each, in order")
    List<String> groups = new ArrayList<>();

    @Override
    String run(AdminService admin) {
      String id = admin.modifiers().setItemGroups(org, item, groups);
      return "item "
          + id
          + (groups.isEmpty()
              ? " offers no modifier groups"
              : " offers " + String.join(", ", groups));
    }
  }

  @Command(
      name = "set-kitchen-station",
      mixinStandardHelpOptions = true,
      description =
          "Create or replace a kitchen station of a store (ADR 0053) and what is sent to it: items"
              + " by id or SKU (an item's own routes win), whole categories; a line routed nowhere"
              + " goes to the store's first station.")
  static final class SetKitchenStation extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(names = "--station", required = true, description = "The station's id, e.g. bar")
    String station;

    @Option(
        names = "--name",
        required = true,
        description = "The name its tickets print, e.g. «Бар»")
    String name;

    @Option(
        names = "--position",
        defaultValue = "0",
        description =
            "Its place among the store's stations; the first takes what is routed nowhere")
    int position;

    @Option(names = "--item", description = "An item routed here; repeat for each")
    List<String> items = new ArrayList<>();

    @Option(names = "--category", description = "A category routed here; repeat for each")
    List<String> categories = new ArrayList<>();

    @Override
    String run(AdminService admin) {
      var s = admin.putKitchenStation(org, store, station, name, position, items, categories);
      return "kitchen station "
          + s.id()
          + " ("
          + s.name()
          + ") takes "
          + s.items().size()
          + " items and "
          + s.categories().size()
          + " categories";
    }
  }
}
