/**
 * Stock per store (ADR 0032): a ledger of movements (sales, refunds, voids, counts and other
 * adjustments), adjustments made through the API or the admin commands, and the reads the back
 * office shows.
 */
package io.kasa.service.stock;
