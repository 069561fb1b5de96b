package io.kasa.api.floor;

import java.util.UUID;

/**
 * Merges another table's check into this one ({@code POST /v1/checks/{id}/merge}): its items move
 * here and its table is joined to this check's table.
 *
 * @param checkId the check merged in
 * @param version this check's version
 * @param otherVersion the merged check's version
 */
public record MergeRequest(UUID checkId, long version, long otherVersion) {}
