package io.kasa.api.floor;

import java.util.UUID;

/**
 * Creates ({@code version} null) or changes a table ({@code PUT /v1/floor/tables/{id}}, managers).
 *
 * @param areaId its area
 * @param name its name or number, 1 to 20 characters, unique in the store
 * @param seats 1 to 50
 * @param shape ROUND, SQUARE or RECTANGLE
 * @param x left edge on a 1000 × 1000 plan
 * @param y top edge
 * @param width 20 to 1000
 * @param height 20 to 1000
 * @param version the version the change was made on, or null to create the table
 */
public record TableRequest(
    UUID areaId,
    String name,
    int seats,
    String shape,
    int x,
    int y,
    int width,
    int height,
    Long version) {}
