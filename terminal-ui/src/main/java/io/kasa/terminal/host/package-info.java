/**
 * The host stand: the floor plan with each table's live state and time seated, the waitlist and
 * reservations, seating, and the checks on the tables.
 */
package io.kasa.terminal.host;
