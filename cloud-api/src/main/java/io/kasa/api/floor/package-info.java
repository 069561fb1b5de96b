/**
 * The host stand: a store's floor plan, its waitlist and reservations, the checks open on its
 * tables, and the event stream that keeps every terminal's floor live.
 */
package io.kasa.api.floor;
