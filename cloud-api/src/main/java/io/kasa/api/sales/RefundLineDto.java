package io.kasa.api.sales;

/**
 * One line coming back.
 *
 * @param saleLine the original sale's line number
 * @param quantity how much, decimal string
 */
public record RefundLineDto(int saleLine, String quantity) {}
