package io.kasa.api.sales;

import java.util.List;

/**
 * A sale as a register needs it to take goods back: the sale as it was recorded (card tokens left
 * out) and the refunds already made against it, oldest first, from any register of the store's
 * organisation.
 *
 * @param sale the sale's request as recorded
 * @param refunds its refunds so far
 */
public record SaleForReturn(SaleRequest sale, List<RefundRequestDto> refunds) {}
