/**
 * The terminal's local SQLite database: WAL journal, synchronous=FULL (a sale acknowledged to the
 * cashier survives a power cut), versioned schema migrations, and the outbox.
 */
package io.kasa.client.store;
