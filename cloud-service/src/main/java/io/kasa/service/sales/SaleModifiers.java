package io.kasa.service.sales;

import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequests;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.Modifiers;
import io.kasa.service.http.ApiException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Checks a submitted line's options against the service's catalogue (ADR 0043) before the sale
 * engine prices them: the group must be the item's, the option the group's, the delta the
 * catalogue's. A delta that differs stands only where a price that differs would: the sale was made
 * offline, or the item changed while the sale was open. Everything else (a required group left out,
 * too many in a group, an option twice, a long note) the sale engine refuses, and the caller turns
 * that into a 422 naming the line.
 */
final class SaleModifiers {

  /** An item as the line is to be sold from, and what the line asks of it. */
  record Asked(CatalogItem item, ModifierSelection selection) {}

  private SaleModifiers() {}

  /**
   * The item (its option deltas as the till had them, where they may differ) and the selection of
   * line {@code l}, whose place in the request is {@code at}.
   *
   * @param recorded a sale already recorded: its options stand as recorded, whatever the catalogue
   *     says now
   * @param deltasMayDiffer whether a delta that is not the catalogue's stands (offline sale, or the
   *     item changed while the sale was open)
   */
  static Asked asked(
      SaleLineDto l,
      CatalogItem item,
      Currency currency,
      String at,
      boolean recorded,
      java.util.function.BooleanSupplier deltasMayDiffer) {
    if (recorded) {
      List<ChosenModifier> chosen = SaleRequests.chosen(l, currency);
      return new Asked(
          item.withModifierGroups(Modifiers.asSold(chosen)),
          Modifiers.selectionOf(chosen, l.note()));
    }
    List<ModifierGroup> groups = new ArrayList<>(item.modifierGroups());
    List<ModifierSelection.Choice> choices = new ArrayList<>();
    for (int j = 0; j < l.modifiers().size(); j++) {
      ChosenModifierDto m = l.modifiers().get(j);
      String place = at + "/modifiers/" + j;
      if (m == null || m.groupId() == null || m.optionId() == null) {
        throw ApiException.invalid(place, "An option names its group and itself");
      }
      int g = indexOf(groups, m.groupId());
      if (g < 0) {
        throw ApiException.invalid(
            place + "/groupId",
            "Line " + l.number() + ": " + item.name() + " has no modifier group " + m.groupId());
      }
      ModifierGroup group = groups.get(g);
      ModifierOption option =
          group
              .option(m.optionId())
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          place + "/optionId",
                          "Line "
                              + l.number()
                              + ": "
                              + group.name()
                              + " has no option "
                              + m.optionId()));
      Money delta = Money.of(m.priceDelta(), currency);
      if (!delta.equals(option.priceDelta())) {
        if (!deltasMayDiffer.getAsBoolean()) {
          throw ApiException.invalid(
              place + "/priceDelta",
              "Line "
                  + l.number()
                  + ": "
                  + group.name()
                  + ": "
                  + option.name()
                  + " costs "
                  + option.priceDelta()
                  + ", not "
                  + delta);
        }
        groups.set(g, withDelta(group, option.id(), delta));
      }
      choices.add(new ModifierSelection.Choice(m.groupId(), m.optionId()));
    }
    return new Asked(item.withModifierGroups(groups), new ModifierSelection(choices, l.note()));
  }

  private static int indexOf(List<ModifierGroup> groups, String id) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static ModifierGroup withDelta(ModifierGroup group, String optionId, Money delta) {
    return new ModifierGroup(
        group.id(),
        group.name(),
        group.minChoices(),
        group.maxChoices(),
        group.options().stream()
            .map(o -> o.id().equals(optionId) ? new ModifierOption(o.id(), o.name(), delta) : o)
            .toList());
  }
}
