package io.kasa.domain.sale;

import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Money;
import java.util.Objects;

/**
 * An option chosen on a sale line, as the catalogue had it when chosen: the names are kept so a
 * receipt, a refund or a kitchen ticket reads the same words later, whatever the catalogue says.
 *
 * @param groupId the modifier group
 * @param groupName the group's name, e.g. «Молоко»
 * @param optionId the option chosen
 * @param optionName the option's name, e.g. «Вівсяне»
 * @param priceDelta what it adds to each unit of the line (negative takes off)
 */
public record ChosenModifier(
    String groupId, String groupName, String optionId, String optionName, Money priceDelta) {

  public ChosenModifier {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(optionId, "optionId");
    Objects.requireNonNull(optionName, "optionName");
    Objects.requireNonNull(priceDelta, "priceDelta");
  }

  static ChosenModifier of(ModifierGroup group, ModifierOption option) {
    return new ChosenModifier(
        group.id(), group.name(), option.id(), option.name(), option.priceDelta());
  }
}
