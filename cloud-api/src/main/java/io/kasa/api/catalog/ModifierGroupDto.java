package io.kasa.api.catalog;

import java.util.List;

/**
 * A modifier group an item offers (ADR 0043), as the catalogue has it now.
 *
 * @param id stable identifier, unique in the organisation
 * @param name the name shown above the choices
 * @param minChoices how many options must be chosen at least; 0 for an optional group
 * @param maxChoices how many may be chosen at most
 * @param options the choices in the order they are shown
 */
public record ModifierGroupDto(
    String id, String name, int minChoices, int maxChoices, List<ModifierOptionDto> options) {}
