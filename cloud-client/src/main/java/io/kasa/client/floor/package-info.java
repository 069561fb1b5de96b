/**
 * The host stand's view of the store's floor: a snapshot kept live by the service's event stream,
 * resumed after a reconnect, and cached for a read-only view while offline.
 */
package io.kasa.client.floor;
