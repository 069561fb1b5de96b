/** Drains the outbox to the service, exactly once and in order, and tells the UI how it stands. */
package io.kasa.client.sync;
