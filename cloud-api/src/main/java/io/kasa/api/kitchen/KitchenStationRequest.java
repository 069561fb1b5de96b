package io.kasa.api.kitchen;

import java.util.List;

/**
 * Creates or replaces a station and its routes ({@code PUT /v1/kitchen/stations/{id}}).
 *
 * @param name what tickets call it
 * @param position its place among the store's stations (0 when null)
 * @param items the items routed to it (ids), replacing those it had
 * @param categories the categories routed to it, replacing those it had
 */
public record KitchenStationRequest(
    String name, Integer position, List<String> items, List<String> categories) {}
