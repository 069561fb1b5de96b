package io.kasa.api.floor;

import java.util.UUID;

/**
 * Moves a check to a free table ({@code POST /v1/checks/{id}/move}).
 *
 * @param tableId the free table
 * @param version the check's version
 * @param tableVersion the free table's version
 */
public record MoveRequest(UUID tableId, long version, long tableVersion) {}
