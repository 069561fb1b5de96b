package io.kasa.api.floor;

/**
 * Marks a party notified, a no-show or cancelled ({@code POST /v1/waitlist/{id}/status}).
 *
 * @param status NOTIFIED, NO_SHOW or CANCELLED
 * @param version the version the host saw
 */
public record PartyStatusRequest(String status, long version) {}
