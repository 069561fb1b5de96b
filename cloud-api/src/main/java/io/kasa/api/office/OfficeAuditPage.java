package io.kasa.api.office;

import java.util.List;

/**
 * A page of the back office's audit log, newest first (ADR 0048).
 *
 * @param entries the page's entries
 * @param next the cursor of the next (older) page, or null when this is the last
 */
public record OfficeAuditPage(List<OfficeAuditEntry> entries, String next) {}
