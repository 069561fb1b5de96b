package io.kasa.api.sales;

/**
 * An option chosen on a sale line (ADR 0043). The service checks it against its catalogue: the
 * group must be the item's, the option the group's, and the delta the catalogue's (an offline sale
 * keeps the delta its till had).
 *
 * @param groupId the item's modifier group
 * @param optionId the option chosen
 * @param priceDelta what it added to each unit, in minor units, as the till priced it
 * @param groupName the group's name as the till showed it (the service stores its own)
 * @param optionName the option's name as the till showed it (the service stores its own)
 */
public record ChosenModifierDto(
    String groupId, String optionId, long priceDelta, String groupName, String optionName) {}
