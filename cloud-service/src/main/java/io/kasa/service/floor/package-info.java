/**
 * The host stand: floor plan, waitlist and reservations, checks on tables, and the live event
 * stream of each store's floor.
 */
package io.kasa.service.floor;
