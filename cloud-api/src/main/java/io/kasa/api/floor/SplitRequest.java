package io.kasa.api.floor;

import java.util.List;
import java.util.UUID;

/**
 * Splits a check ({@code POST /v1/checks/{id}/split}).
 *
 * <ul>
 *   <li>{@code SEAT}: the items of {@code seat} move to a new check {@code newCheckId};
 *   <li>{@code ITEMS}: the lines {@code lineIds} move to a new check {@code newCheckId};
 *   <li>{@code EVEN}: the check is paid in {@code ways} equal parts.
 * </ul>
 *
 * The same {@code newCheckId} again answers the split already made.
 *
 * @param mode SEAT, ITEMS or EVEN
 * @param version the check's version
 * @param seat the seat (SEAT)
 * @param lineIds the lines (ITEMS)
 * @param newCheckId the new check's UUID, created on the terminal (SEAT, ITEMS)
 * @param ways 1 to 50 (EVEN)
 */
public record SplitRequest(
    String mode, long version, Integer seat, List<UUID> lineIds, UUID newCheckId, Integer ways) {}
