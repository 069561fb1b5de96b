package io.kasa.api.floor;

/**
 * Creates ({@code version} null) or changes an area ({@code PUT /v1/floor/areas/{id}}, managers).
 *
 * @param name what the staff call it, 1 to 60 characters
 * @param position its place among the areas, 0 to 1000
 * @param version the version the change was made on, or null to create the area
 */
public record AreaRequest(String name, int position, Long version) {}
