package io.kasa.api.kitchen;

import java.util.List;

/**
 * A kitchen station of a store and what is routed to it.
 *
 * @param id the station's id in its store, e.g. {@code hot} or {@code bar}
 * @param name what tickets and screens call it, e.g. «Гаряча кухня»
 * @param position its place among the store's stations; the first takes lines routed nowhere
 * @param items the items routed here (an item's own routes win over its category's)
 * @param categories the categories routed here
 */
public record KitchenStationDto(
    String id, String name, int position, List<String> items, List<String> categories) {

  public KitchenStationDto {
    items = items == null ? List.of() : List.copyOf(items);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
