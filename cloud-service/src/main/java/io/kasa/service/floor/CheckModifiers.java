package io.kasa.service.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.Modifiers;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.service.catalog.ModifierStore;
import io.kasa.service.http.ApiException;
import io.kasa.service.http.Json;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A check line's options and note (ADR 0043 on checks, ADR 0053): checked against the item's groups
 * in the catalogue with the same {@link Modifiers#resolve} as a sale line, and kept in {@code
 * check_line.modifiers} in the shape {@code sale_line.modifiers} has ({@code [{groupId, group,
 * optionId, option, priceDelta}]}).
 */
final class CheckModifiers {

  private static final ObjectMapper MAPPER = Json.mapper();

  private CheckModifiers() {}

  /**
   * The options chosen, with the catalogue's names and deltas, in the order of the item's groups; a
   * problem names the place in the request ({@code /modifiers/1/optionId}, {@code /note}).
   */
  static List<ChosenModifierDto> resolve(
      Handle h,
      UUID org,
      String currencyCode,
      String itemId,
      String itemName,
      List<ChosenModifierDto> asked,
      String note) {
    Currency currency = Currency.getInstance(currencyCode);
    List<ModifierGroupDto> offered =
        ModifierStore.groupsOf(h, org, List.of(itemId)).getOrDefault(itemId, List.of());
    List<ModifierGroup> groups =
        offered.stream()
            .map(
                g ->
                    new ModifierGroup(
                        g.id(),
                        g.name(),
                        g.minChoices(),
                        g.maxChoices(),
                        g.options().stream()
                            .map(
                                o ->
                                    new ModifierOption(
                                        o.id(), o.name(), Money.of(o.priceDelta(), currency)))
                            .toList()))
            .toList();
    List<ModifierSelection.Choice> choices = new ArrayList<>();
    List<ChosenModifierDto> given = asked == null ? List.of() : asked;
    for (int j = 0; j < given.size(); j++) {
      ChosenModifierDto m = given.get(j);
      String place = "/modifiers/" + j;
      if (m == null || m.groupId() == null || m.optionId() == null) {
        throw ApiException.invalid(place, "An option names its group and itself");
      }
      ModifierGroup group =
          groups.stream()
              .filter(g -> g.id().equals(m.groupId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          place + "/groupId", itemName + " has no modifier group " + m.groupId()));
      ModifierOption option =
          group
              .option(m.optionId())
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          place + "/optionId", group.name() + " has no option " + m.optionId()));
      if (option.priceDelta().minor() != m.priceDelta()) {
        throw ApiException.invalid(
            place + "/priceDelta",
            group.name() + ": " + option.name() + " costs " + option.priceDelta());
      }
      choices.add(new ModifierSelection.Choice(m.groupId(), m.optionId()));
    }
    CatalogItem item =
        new CatalogItem(
            itemId,
            itemId,
            itemName,
            List.of(),
            Unit.EACH,
            Money.zero(currency),
            "check",
            false,
            false,
            null,
            groups);
    List<ChosenModifier> chosen;
    try {
      chosen = Modifiers.resolve(item, new ModifierSelection(choices, note));
    } catch (SaleRuleViolation e) {
      throw ApiException.invalid(
          e.rule() == SaleRuleViolation.Rule.NOTE_TOO_LONG ? "/note" : "/modifiers",
          e.getMessage());
    }
    return chosen.stream()
        .map(
            c ->
                new ChosenModifierDto(
                    c.groupId(),
                    c.optionId(),
                    c.priceDelta().minor(),
                    c.groupName(),
                    c.optionName()))
        .toList();
  }

  /** The options as stored, or null for none. */
  static String write(List<ChosenModifierDto> chosen) {
    if (chosen.isEmpty()) {
      return null;
    }
    ArrayNode array = MAPPER.createArrayNode();
    for (ChosenModifierDto m : chosen) {
      array
          .addObject()
          .put("groupId", m.groupId())
          .put("group", m.groupName())
          .put("optionId", m.optionId())
          .put("option", m.optionName())
          .put("priceDelta", m.priceDelta());
    }
    return array.toString();
  }

  /** The options stored, none for null. */
  static List<ChosenModifierDto> read(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      List<ChosenModifierDto> out = new ArrayList<>();
      for (JsonNode n : MAPPER.readTree(json)) {
        out.add(
            new ChosenModifierDto(
                n.get("groupId").asText(),
                n.get("optionId").asText(),
                n.get("priceDelta").asLong(),
                n.get("group").asText(),
                n.get("option").asText()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A check line's options that are not JSON", e);
    }
  }
}
