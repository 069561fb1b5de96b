package io.kasa.api.catalog;

/**
 * A tax class and its rate.
 *
 * @param code the class items refer to
 * @param label the receipt marker
 * @param rate the percentage as a decimal string, e.g. "20" or "8.875"
 */
public record TaxClassDto(String code, String label, String rate) {}
