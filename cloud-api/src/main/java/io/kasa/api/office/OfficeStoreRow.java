package io.kasa.api.office;

/**
 * A store as the Stores screen lists it (ADR 0051).
 *
 * @param id the store
 * @param code its code, the first part of its receipt numbers
 * @param name its name
 * @param address its address as receipts print it, or null
 * @param timeZone the IANA zone its days begin in, e.g. Europe/Kyiv
 * @param tills its terminals not revoked
 */
public record OfficeStoreRow(
    String id, String code, String name, String address, String timeZone, int tills) {}
