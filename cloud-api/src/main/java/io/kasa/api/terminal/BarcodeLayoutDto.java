package io.kasa.api.terminal;

/**
 * The layout of a store's in-store EAN-13 labels starting with a prefix from 20 to 29: after the
 * prefix the item code, then (just before the check digit) the embedded value (ADR 0030).
 *
 * @param prefix two digits, 20 to 29
 * @param kind WEIGHT (the value is a weight in kilograms) or PRICE (the label's price)
 * @param itemDigits how many digits the item code has, right after the prefix
 * @param valueDigits how many digits the value has, ending just before the check digit
 * @param valueDecimals implied decimals of the value: 3 for grams in kilograms, 2 for kopiykas
 */
public record BarcodeLayoutDto(
    String prefix, String kind, int itemDigits, int valueDigits, int valueDecimals) {}
