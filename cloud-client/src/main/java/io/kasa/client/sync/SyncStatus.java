package io.kasa.client.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * What the status bar shows.
 *
 * @param connectivity online, degraded or offline
 * @param unsent outbox entries not yet acknowledged or rejected
 * @param oldestUnsentAge how long the oldest of them has waited, or null
 * @param rejected entries the service refused, waiting for a person
 * @param lastSync when an entry was last acknowledged, or null
 * @param lastContact when the service last answered anything, or null
 */
public record SyncStatus(
    Connectivity.State connectivity,
    long unsent,
    Duration oldestUnsentAge,
    long rejected,
    Instant lastSync,
    Instant lastContact) {}
