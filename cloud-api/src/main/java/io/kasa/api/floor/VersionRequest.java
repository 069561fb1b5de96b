package io.kasa.api.floor;

/**
 * A change that only names the version it was made on: clearing a table, printing a pre-bill.
 *
 * @param version the version the terminal saw
 */
public record VersionRequest(long version) {}
