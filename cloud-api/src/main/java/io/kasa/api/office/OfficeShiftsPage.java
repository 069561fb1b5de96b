package io.kasa.api.office;

import java.util.List;

/**
 * A page of the back office's shifts, newest first.
 *
 * @param shifts the page's shifts
 * @param next the cursor of the next (older) page, or null when this is the last
 */
public record OfficeShiftsPage(List<OfficeShiftRow> shifts, String next) {}
