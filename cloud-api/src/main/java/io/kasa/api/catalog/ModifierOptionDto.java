package io.kasa.api.catalog;

/**
 * One choice of a modifier group.
 *
 * @param id stable identifier, unique within its group
 * @param name the name printed beneath the line
 * @param priceDelta what it adds to each unit of the item, in minor units; may be negative
 */
public record ModifierOptionDto(String id, String name, long priceDelta) {}
