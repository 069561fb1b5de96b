/**
 * A terminal printing for kitchen stations (ADR 0053): the store's kitchen stream followed from a
 * cursor kept per station, so each ticket is printed once, even after the terminal or its printer
 * was off.
 */
package io.kasa.client.kitchen;
