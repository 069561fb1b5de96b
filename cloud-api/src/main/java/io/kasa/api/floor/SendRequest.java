package io.kasa.api.floor;

import java.util.UUID;

/**
 * Sends a check's unsent lines to the kitchen ({@code POST /v1/checks/{id}/send}).
 *
 * @param id the send's UUID, created on the terminal: the same id again sends nothing more and
 *     answers what that send sent
 */
public record SendRequest(UUID id) {}
