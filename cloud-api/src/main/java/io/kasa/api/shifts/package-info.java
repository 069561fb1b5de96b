/** Shifts, cash movements and X/Z reports. */
package io.kasa.api.shifts;
