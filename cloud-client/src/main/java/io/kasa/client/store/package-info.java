/**
 * The terminal's local SQLite database: WAL journal, synchronous=FULL (a sale acknowledged to the
 * cashier survives a power cut), versioned schema migrations, and the outbox, whose bookkeeping and
 * look-ups cost the same however long its history (ADR 0037).
 */
package io.kasa.client.store;
