package io.kasa.api.floor;

import java.time.Instant;
import java.util.UUID;

/**
 * A table with its live state.
 *
 * @param id the table
 * @param areaId its area
 * @param name its name or number, as written on it
 * @param seats how many it seats
 * @param shape ROUND, SQUARE or RECTANGLE
 * @param x left edge on a 1000 × 1000 plan
 * @param y top edge on the plan
 * @param width width on the plan
 * @param height height on the plan
 * @param state FREE, SEATED, ORDERED, PREBILLED or PAID (paid, waiting to be cleared)
 * @param seatedAt when its guests sat down, or null when free
 * @param guests how many sit at it, or null when free
 * @param joinedTo the table it was pushed together with (it follows that table's check), or null
 * @param heldFor the reservation holding it (from an hour before its time), or null
 * @param version the version a change must name
 */
public record TableDto(
    UUID id,
    UUID areaId,
    String name,
    int seats,
    String shape,
    int x,
    int y,
    int width,
    int height,
    String state,
    Instant seatedAt,
    Integer guests,
    UUID joinedTo,
    UUID heldFor,
    long version) {}
