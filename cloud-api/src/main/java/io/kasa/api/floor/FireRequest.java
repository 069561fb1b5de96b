package io.kasa.api.floor;

import java.util.UUID;

/**
 * Fires a course of a check ({@code POST /v1/checks/{id}/fire}, ADR 0056): its lines not yet at the
 * kitchen — held by a send, or added since — go to their stations as tickets headed «ПОДАВАТИ: курс
 * N». Answered as a send is, with a {@link SendResult}.
 *
 * @param id the fire's UUID, created on the terminal: the same id again fires nothing more and
 *     answers what that fire sent
 * @param course the course to fire, 1 to 9
 */
public record FireRequest(UUID id, Integer course) {}
