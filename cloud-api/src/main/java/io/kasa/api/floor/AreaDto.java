package io.kasa.api.floor;

import java.util.UUID;

/**
 * An area of the floor: a room, the terrace, the bar.
 *
 * @param id the area
 * @param name what the staff call it
 * @param position its place among the areas, left to right
 * @param version the version a change must name
 */
public record AreaDto(UUID id, String name, int position, long version) {}
