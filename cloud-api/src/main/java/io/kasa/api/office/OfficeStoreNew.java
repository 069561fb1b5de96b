package io.kasa.api.office;

/**
 * A new store (ADR 0051); only {@code code}, {@code name} and {@code currency} are required.
 *
 * @param code 1 to 16 letters or digits, unique in the organisation
 * @param name its name
 * @param currency ISO 4217, e.g. UAH
 * @param timeZone an IANA zone id, Europe/Kyiv when null
 * @param taxMode INCLUSIVE (when null) or EXCLUSIVE
 * @param taxRounding PER_RECEIPT (when null) or PER_LINE
 * @param cashIncrement what a cash total is rounded to in minor units, 1 when null
 */
public record OfficeStoreNew(
    String code,
    String name,
    String currency,
    String timeZone,
    String taxMode,
    String taxRounding,
    Long cashIncrement) {}
