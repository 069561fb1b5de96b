package io.kasa.api.office;

/**
 * A store whose stock the back office shows.
 *
 * @param id the store
 * @param code its code, e.g. K1
 * @param name its name
 * @param timeZone its IANA time zone, in which its movements' times are told
 */
public record OfficeStockStore(String id, String code, String name, String timeZone) {}
