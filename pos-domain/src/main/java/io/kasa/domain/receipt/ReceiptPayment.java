package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.tender.TenderType;

/**
 * A payment, or a payout on a refund receipt.
 *
 * @param type cash, card or other
 * @param amount the amount tendered or paid out
 * @param reference processor or voucher reference, or {@code null}
 */
public record ReceiptPayment(TenderType type, Money amount, String reference) {}
