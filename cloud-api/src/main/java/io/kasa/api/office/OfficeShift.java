package io.kasa.api.office;

import io.kasa.api.shifts.ShiftReport;
import java.util.List;

/**
 * A shift of the back office's Shifts screen with its figures.
 *
 * @param shift the shift as the list shows it
 * @param report its X report while open, its Z report (as kept at its close) once closed: the
 *     figures the till's own report route gives
 * @param movements its cash movements, oldest first
 * @param pdf the address of its figures as a PDF
 */
public record OfficeShift(
    OfficeShiftRow shift, ShiftReport report, List<OfficeShiftMovement> movements, String pdf) {}
