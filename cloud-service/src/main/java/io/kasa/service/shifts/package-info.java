/** Shifts, cash movements, X and Z reports. */
package io.kasa.service.shifts;
